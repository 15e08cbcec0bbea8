import type { IdCardData } from '@eldercare/domain';
import { CardTextReader, CardTextWriter, invalidCardText } from './card-text-block';
import { ReaderError } from './reader-error';

/** Resident card (居民身份证) text fields; bytes 236–255 are reserved (spaces). */
export const RESIDENT_FIELDS = {
  name: [0, 30],
  sex: [30, 32],
  nation: [32, 36],
  birth: [36, 52],
  address: [52, 122],
  idNumber: [122, 158],
  authority: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
} as const;

const F = RESIDENT_FIELDS;

export function decodeResidentCardText(text: Uint8Array): IdCardData {
  const r = new CardTextReader(text);
  const sex = r.sex(F.sex);
  const name = r.required(F.name, 'name');
  const idNumber = r.field(F.idNumber);
  if (!/^\d{17}[\dX]$|^\d{15}$/.test(idNumber)) throw invalidCardText('ID number', 'not 15 or 18 characters of digits and X');
  const nationCode = r.field(F.nation);
  if (!/^\d{2}$/.test(nationCode)) throw invalidCardText('nation', 'not two digits');
  return {
    cardType: 'resident',
    name,
    sex,
    nationCode,
    birthDate: r.date(F.birth, 'birth date'),
    address: r.field(F.address),
    idNumber,
    issuingAuthority: r.field(F.authority),
    validFrom: r.date(F.validFrom, 'valid-from date'),
    validTo: r.validTo(F.validTo),
  };
}

/** The inverse, for the simulator: resident-card layout, padded with spaces like a real card. */
export function encodeResidentCardText(card: IdCardData): Buffer {
  if (card.cardType !== 'resident') {
    throw new ReaderError('CARD_TYPE_UNSUPPORTED', `a ${card.cardType} card does not have the resident layout`);
  }
  return new CardTextWriter()
    .put(F.name, card.name, 'name')
    .sex(F.sex, card.sex)
    .put(F.nation, card.nationCode.padStart(2, '0'), 'nation')
    .date(F.birth, card.birthDate, 'birth date')
    .put(F.address, card.address, 'address')
    .put(F.idNumber, card.idNumber, 'ID number')
    .put(F.authority, card.issuingAuthority, 'issuing authority')
    .date(F.validFrom, card.validFrom, 'valid-from date')
    .validTo(F.validTo, card.validTo).buf;
}
