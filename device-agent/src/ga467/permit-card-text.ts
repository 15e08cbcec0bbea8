import { idNumberCheckDigit, type IdCardData } from '@eldercare/domain';
import { CardTextReader, CardTextWriter, invalidCardText } from './card-text-block';
import { ReaderError } from './reader-error';
import { RESIDENT_FIELDS } from './resident-card-text';

/**
 * HK/Macau/Taiwan residence permit (港澳台居民居住证), type mark 'J': the resident card's grid
 * (no nation: 32–35 stay blank) plus the travel permit number and the issue count.
 */
const { nation: _noNation, ...RESIDENT_GRID } = RESIDENT_FIELDS;

export const PERMIT_FIELDS = {
  ...RESIDENT_GRID,
  /** 通行证号码, e.g. H12345678 (Hong Kong), M… (Macau), 8 digits (Taiwan). */
  passNumber: [220, 238],
  /** 签发次数 */
  issueCount: [238, 242],
} as const;

const F = PERMIT_FIELDS;

export function decodePermitCardText(text: Uint8Array): IdCardData {
  const r = new CardTextReader(text);
  const sex = r.sex(F.sex);
  const name = r.required(F.name, 'name');
  const idNumber = r.field(F.idNumber);
  // 810000 Hong Kong, 820000 Macau, 830000 Taiwan; the check digit is GB 11643's.
  if (!/^8[123]\d{15}[\dX]$/.test(idNumber) || idNumberCheckDigit(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw invalidCardText('ID number', 'not 18 characters starting with 81, 82 or 83 with a valid check digit');
  }
  const passNumber = r.field(F.passNumber);
  if (!/^[A-Z0-9]{1,9}$/.test(passNumber)) throw invalidCardText('travel permit number', 'not 1 to 9 letters and digits');
  const issueCount = r.count(F.issueCount, 'issue count');
  return {
    cardType: 'hkmo-tw-permit',
    name,
    sex,
    nationCode: '',
    birthDate: r.date(F.birth, 'birth date'),
    address: r.field(F.address),
    idNumber,
    issuingAuthority: r.field(F.authority),
    validFrom: r.date(F.validFrom, 'valid-from date'),
    validTo: r.validTo(F.validTo),
    passNumber,
    ...(issueCount === undefined ? {} : { issueCount }),
  };
}

/** The inverse, for the simulator. */
export function encodePermitCardText(card: IdCardData): Buffer {
  if (card.cardType !== 'hkmo-tw-permit') {
    throw new ReaderError('CARD_TYPE_UNSUPPORTED', `a ${card.cardType} card does not have the residence permit layout`);
  }
  return new CardTextWriter()
    .put(F.name, card.name, 'name')
    .sex(F.sex, card.sex)
    .date(F.birth, card.birthDate, 'birth date')
    .put(F.address, card.address, 'address')
    .put(F.idNumber, card.idNumber, 'ID number')
    .put(F.authority, card.issuingAuthority, 'issuing authority')
    .date(F.validFrom, card.validFrom, 'valid-from date')
    .validTo(F.validTo, card.validTo)
    .put(F.passNumber, card.passNumber ?? '', 'travel permit number')
    .count(F.issueCount, card.issueCount, 'issue count')
    .typeMark('J').buf;
}
