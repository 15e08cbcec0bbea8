import { isValidIsoDate, type IdCardData } from '@eldercare/domain';
import { ReaderError } from './reader-error';

/** The `30 01` reply data: text length, photo length (2 bytes BE each), text, WLT photo. */
export const CARD_TEXT_LENGTH = 256;
export const CARD_PHOTO_LENGTH = 1024;

/** Resident card text fields as [start, end) byte offsets in the 256-byte UCS-2LE block. */
const FIELDS = {
  name: [0, 30],
  sex: [30, 32],
  nation: [32, 36],
  birth: [36, 52],
  address: [52, 122],
  idNumber: [122, 158],
  authority: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
} as const satisfies Record<string, readonly [number, number]>;

/** Byte 248 tells the card type apart: 'I' foreign permanent resident card, 'J' HK/Macau/Taiwan permit. */
const CARD_TYPE_BYTE = 248;
const LONG_TERM = '长期';

export function decodeCardText(text: Uint8Array): IdCardData {
  if (text.length !== CARD_TEXT_LENGTH) {
    throw new ReaderError('CARD_TEXT_INVALID', `card text must be ${CARD_TEXT_LENGTH} bytes, got ${text.length}`);
  }
  const typeMark = text[CARD_TYPE_BYTE];
  if (typeMark === 0x49 || typeMark === 0x4a) {
    const kind = typeMark === 0x49 ? 'foreign permanent resident card' : 'HK/Macau/Taiwan residence permit';
    throw new ReaderError('CARD_TYPE_UNSUPPORTED', `${kind} layouts are not decoded yet (issue 3)`);
  }
  const buf = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const field = (name: keyof typeof FIELDS) => buf.toString('utf16le', FIELDS[name][0], FIELDS[name][1]).replace(/ +$/u, '');

  const sexDigit = field('sex');
  if (sexDigit !== '1' && sexDigit !== '2') throw invalid('sex', 'neither 1 nor 2');
  const name = field('name');
  if (name === '') throw invalid('name', 'empty');
  const idNumber = field('idNumber');
  if (!/^\d{17}[\dX]$|^\d{15}$/.test(idNumber)) throw invalid('ID number', 'not 15 or 18 characters of digits and X');
  const nationCode = field('nation');
  if (!/^\d{2}$/.test(nationCode)) throw invalid('nation', 'not two digits');
  const validTo = field('validTo');
  return {
    cardType: 'resident',
    name,
    sex: sexDigit === '1' ? 'male' : 'female',
    nationCode,
    birthDate: isoDate(field('birth'), 'birth date'),
    address: field('address'),
    idNumber,
    issuingAuthority: field('authority'),
    validFrom: isoDate(field('validFrom'), 'valid-from date'),
    validTo: validTo === LONG_TERM ? 'long-term' : isoDate(validTo, 'valid-to date'),
  };
}

/** The inverse, for the simulator: resident-card layout, padded with spaces like a real card. */
export function encodeResidentCardText(card: IdCardData): Buffer {
  if (card.cardType !== 'resident') {
    throw new ReaderError('CARD_TYPE_UNSUPPORTED', `only resident cards can be encoded, not ${card.cardType}`);
  }
  const buf = Buffer.from(' '.repeat(CARD_TEXT_LENGTH / 2), 'utf16le');
  const put = (name: keyof typeof FIELDS, value: string) => {
    const [start, end] = FIELDS[name];
    const bytes = Buffer.from(value, 'utf16le');
    if (bytes.length > end - start) throw new RangeError(`${name} does not fit the card (${value.length} characters)`);
    bytes.copy(buf, start);
  };
  put('name', card.name);
  put('sex', card.sex === 'male' ? '1' : '2');
  put('nation', card.nationCode.padStart(2, '0'));
  put('birth', compactDate(card.birthDate));
  put('address', card.address);
  put('idNumber', card.idNumber);
  put('authority', card.issuingAuthority);
  put('validFrom', compactDate(card.validFrom));
  put('validTo', card.validTo === 'long-term' ? LONG_TERM : compactDate(card.validTo));
  return buf;
}

function isoDate(compact: string, what: string): string {
  const iso = /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : '';
  if (!isValidIsoDate(iso)) throw invalid(what, 'not a YYYYMMDD date');
  return iso;
}

function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** Never puts the field's value in the message: it is personal data. */
function invalid(what: string, why: string): ReaderError {
  return new ReaderError('CARD_TEXT_INVALID', `card text: ${what} is ${why}`);
}
