import type { IdCardData } from '@eldercare/domain';
import { CARD_TEXT_LENGTH, CARD_TYPE_OFFSET } from './card-text-block';
import { decodeForeign2017CardText, decodeForeign2023CardText, encodeForeignCardText } from './foreign-card-text';
import { decodePermitCardText, encodePermitCardText } from './permit-card-text';
import { ReaderError } from './reader-error';
import { decodeResidentCardText, encodeResidentCardText } from './resident-card-text';

/**
 * Decodes the 256-byte text of a `30 01` read, whichever card it came from. The layout follows
 * the type mark at byte 248: a space (resident card), 'I' (foreign permanent resident card,
 * 2017), 'Y' (the same card, 2023) or 'J' (HK/Macau/Taiwan residence permit). Throws only
 * ReaderError (CARD_TEXT_INVALID, CARD_TYPE_UNSUPPORTED), never with personal data in it.
 */
export function decodeCardText(text: Uint8Array): IdCardData {
  if (text.length !== CARD_TEXT_LENGTH) {
    throw new ReaderError('CARD_TEXT_INVALID', `card text must be ${CARD_TEXT_LENGTH} bytes, got ${text.length}`);
  }
  const mark = text[CARD_TYPE_OFFSET + 1] === 0 ? text[CARD_TYPE_OFFSET] : undefined;
  switch (mark) {
    case 0x20:
    case 0x00:
      return decodeResidentCardText(text);
    case 0x49: // I
      return decodeForeign2017CardText(text);
    case 0x59: // Y
      return decodeForeign2023CardText(text);
    case 0x4a: // J
      return decodePermitCardText(text);
    default:
      throw new ReaderError('CARD_TYPE_UNSUPPORTED', `unknown card type mark at byte ${CARD_TYPE_OFFSET}`);
  }
}

/** The inverse, for the simulator: the layout a card of this type (and number) has. */
export function encodeCardText(card: IdCardData): Buffer {
  switch (card.cardType) {
    case 'resident':
      return encodeResidentCardText(card);
    case 'foreign-permanent':
      return encodeForeignCardText(card);
    case 'hkmo-tw-permit':
      return encodePermitCardText(card);
  }
}
