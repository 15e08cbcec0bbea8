import { isValidIsoDate, type IdCardData } from '@eldercare/domain';
import { ReaderError } from './reader-error';

/** The `30 01` reply data: text length, photo length (2 bytes BE each), text, WLT photo. */
export const CARD_TEXT_LENGTH = 256;
export const CARD_PHOTO_LENGTH = 1024;

/** A field as [start, end) byte offsets in the 256-byte UCS-2LE text block. */
export type FieldRange = readonly [number, number];

/** Byte 248 (a UCS-2LE character) marks the layout: 'I', 'Y', 'J', or a space on resident cards. */
export const CARD_TYPE_OFFSET = 248;
const LONG_TERM = '长期';

/** Reads fields of one text block; every value has its trailing spaces (only those) trimmed. */
export class CardTextReader {
  private readonly buf: Buffer;

  constructor(text: Uint8Array) {
    this.buf = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  }

  /** Untrimmed, for fields continued in another one (the 2023 card's English name). */
  raw([start, end]: FieldRange): string {
    return this.buf.toString('utf16le', start, end);
  }

  field(range: FieldRange): string {
    return this.raw(range).replace(/ +$/u, '');
  }

  required(range: FieldRange, what: string): string {
    const value = this.field(range);
    if (value === '') throw invalidCardText(what, 'empty');
    return value;
  }

  sex(range: FieldRange): IdCardData['sex'] {
    const digit = this.field(range);
    if (digit !== '1' && digit !== '2') throw invalidCardText('sex', 'neither 1 nor 2');
    return digit === '1' ? 'male' : 'female';
  }

  date(range: FieldRange, what: string): string {
    const compact = this.field(range);
    const iso = /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : '';
    if (!isValidIsoDate(iso)) throw invalidCardText(what, 'not a YYYYMMDD date');
    return iso;
  }

  /** A date, or 长期 ("long-term"). */
  validTo(range: FieldRange): string {
    return this.field(range) === LONG_TERM ? 'long-term' : this.date(range, 'valid-to date');
  }

  /** A two-digit count; absent when the field is blank. */
  count(range: FieldRange, what: string): number | undefined {
    const value = this.field(range);
    if (value === '') return undefined;
    if (!/^\d{2}$/.test(value)) throw invalidCardText(what, 'not two digits');
    return Number(value);
  }
}

/** Builds a text block the way a card holds it: UCS-2LE, every unused byte a space. */
export class CardTextWriter {
  readonly buf = Buffer.from(' '.repeat(CARD_TEXT_LENGTH / 2), 'utf16le');

  put([start, end]: FieldRange, value: string, what: string): this {
    const bytes = Buffer.from(value, 'utf16le');
    if (bytes.length > end - start) throw new RangeError(`${what} does not fit the card (${value.length} characters)`);
    bytes.copy(this.buf, start);
    return this;
  }

  sex(range: FieldRange, sex: IdCardData['sex']): this {
    return this.put(range, sex === 'male' ? '1' : '2', 'sex');
  }

  date(range: FieldRange, iso: string, what: string): this {
    return this.put(range, iso.replaceAll('-', ''), what);
  }

  validTo(range: FieldRange, validTo: string): this {
    return validTo === 'long-term' ? this.put(range, LONG_TERM, 'valid-to date') : this.date(range, validTo, 'valid-to date');
  }

  count(range: FieldRange, count: number | undefined, what: string): this {
    return count === undefined ? this : this.put(range, String(count).padStart(2, '0'), what);
  }

  typeMark(mark: 'I' | 'Y' | 'J'): this {
    return this.put([CARD_TYPE_OFFSET, CARD_TYPE_OFFSET + 2], mark, 'card type');
  }
}

/** Never puts the field's value in the message: it is personal data. */
export function invalidCardText(what: string, why: string): ReaderError {
  return new ReaderError('CARD_TEXT_INVALID', `card text: ${what} is ${why}`);
}
