import { idNumberCheckDigit, type IdCardData } from '@eldercare/domain';
import { CardTextReader, CardTextWriter, invalidCardText } from './card-text-block';
import { ReaderError } from './reader-error';

/**
 * Foreign permanent resident card (外国人永久居留身份证), 2017 edition, type mark 'I'. Its
 * number is 15 characters: the 3-letter nationality code and 12 digits.
 */
export const FOREIGN_2017_FIELDS = {
  englishName: [0, 120],
  sex: [120, 122],
  idNumber: [122, 152],
  nationality: [152, 158],
  chineseName: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
  birth: [220, 236],
  version: [236, 240],
  /** 当次申请受理机关代码: a 4-digit code, not a name. */
  authorityCode: [240, 248],
} as const;

/**
 * The 2023 edition, type mark 'Y'. It follows the resident card's grid: the 18-digit number
 * (9, province of issue, numeric nationality, birth date, sequence, GB 11643 check digit) sits
 * where a resident's does, the English name takes the address's place and continues at 220.
 */
export const FOREIGN_2023_FIELDS = {
  chineseName: [0, 30],
  sex: [30, 32],
  /** 换证次数 */
  issueCount: [32, 36],
  birth: [36, 52],
  englishName: [52, 122],
  idNumber: [122, 158],
  validFrom: [188, 204],
  validTo: [204, 220],
  englishNameMore: [220, 242],
  nationality: [242, 248],
} as const;

/** Two cards in use at once: which one a card is follows from its number. */
export function decodeForeign2017CardText(text: Uint8Array): IdCardData {
  const F = FOREIGN_2017_FIELDS;
  const r = new CardTextReader(text);
  const sex = r.sex(F.sex);
  const englishName = r.required(F.englishName, 'English name');
  const idNumber = r.field(F.idNumber);
  if (!/^[A-Z]{3}\d{12}$/.test(idNumber)) throw invalidCardText('permanent residence number', 'not 3 letters and 12 digits');
  const authorityCode = r.field(F.authorityCode);
  if (!/^\d*$/.test(authorityCode)) throw invalidCardText('authority code', 'not digits');
  return {
    cardType: 'foreign-permanent',
    name: r.field(F.chineseName) || englishName,
    sex,
    nationCode: '',
    birthDate: r.date(F.birth, 'birth date'),
    address: '',
    idNumber,
    issuingAuthority: authorityCode,
    validFrom: r.date(F.validFrom, 'valid-from date'),
    validTo: r.validTo(F.validTo),
    englishName,
    nationality: nationality(r.field(F.nationality)),
  };
}

export function decodeForeign2023CardText(text: Uint8Array): IdCardData {
  const F = FOREIGN_2023_FIELDS;
  const r = new CardTextReader(text);
  const sex = r.sex(F.sex);
  const englishName = (r.raw(F.englishName) + r.raw(F.englishNameMore)).replace(/ +$/u, '');
  if (englishName === '') throw invalidCardText('English name', 'empty');
  const idNumber = r.field(F.idNumber);
  if (!/^9\d{16}[\dX]$/.test(idNumber) || idNumberCheckDigit(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw invalidCardText('permanent residence number', 'not 18 characters starting with 9 with a valid check digit');
  }
  const issueCount = r.count(F.issueCount, 'renewal count');
  return {
    cardType: 'foreign-permanent',
    name: r.field(F.chineseName) || englishName,
    sex,
    nationCode: '',
    birthDate: r.date(F.birth, 'birth date'),
    address: '',
    idNumber,
    issuingAuthority: '',
    validFrom: r.date(F.validFrom, 'valid-from date'),
    validTo: r.validTo(F.validTo),
    englishName,
    nationality: nationality(r.field(F.nationality)),
    ...(issueCount === undefined ? {} : { issueCount }),
  };
}

/** The inverse, for the simulator: the 2017 layout for 15-character numbers, else the 2023 one. */
export function encodeForeignCardText(card: IdCardData): Buffer {
  if (card.cardType !== 'foreign-permanent') {
    throw new ReaderError('CARD_TYPE_UNSUPPORTED', `a ${card.cardType} card does not have a foreign permanent resident layout`);
  }
  const englishName = card.englishName ?? card.name;
  const chineseName = card.name === englishName ? '' : card.name;
  const w = new CardTextWriter();
  if (card.idNumber.length === 15) {
    const F = FOREIGN_2017_FIELDS;
    return w
      .put(F.englishName, englishName, 'English name')
      .sex(F.sex, card.sex)
      .put(F.idNumber, card.idNumber, 'permanent residence number')
      .put(F.nationality, card.nationality ?? '', 'nationality')
      .put(F.chineseName, chineseName, 'Chinese name')
      .date(F.validFrom, card.validFrom, 'valid-from date')
      .validTo(F.validTo, card.validTo)
      .date(F.birth, card.birthDate, 'birth date')
      // Every 2017 card in public samples reads version 01.
      .put(F.version, '01', 'card version')
      .put(F.authorityCode, card.issuingAuthority, 'authority code')
      .typeMark('I').buf;
  }
  const F = FOREIGN_2023_FIELDS;
  const first = F.englishName[1] - F.englishName[0];
  if (englishName.length * 2 > first + (F.englishNameMore[1] - F.englishNameMore[0])) {
    throw new RangeError(`English name does not fit the card (${englishName.length} characters)`);
  }
  return w
    .put(F.chineseName, chineseName, 'Chinese name')
    .sex(F.sex, card.sex)
    .count(F.issueCount, card.issueCount, 'renewal count')
    .date(F.birth, card.birthDate, 'birth date')
    .put(F.englishName, englishName.slice(0, first / 2), 'English name')
    .put(F.englishNameMore, englishName.slice(first / 2), 'English name')
    .put(F.idNumber, card.idNumber, 'permanent residence number')
    .date(F.validFrom, card.validFrom, 'valid-from date')
    .validTo(F.validTo, card.validTo)
    .put(F.nationality, card.nationality ?? '', 'nationality')
    .typeMark('Y').buf;
}

function nationality(code: string): string {
  if (!/^[A-Z]{3}$/.test(code)) throw invalidCardText('nationality', 'not a 3-letter code');
  return code;
}
