import { ReaderError } from './reader-error';

/**
 * The data of a successful `30 01` reply: text length and photo length (2 bytes BE each), then
 * the text and the WLT photo. `30 10` adds a fingerprint length after the photo length and the
 * fingerprint bytes at the end.
 */
export interface CardReadData {
  text: Buffer;
  /** WLT-compressed photo; decoding it needs a vendor library, so it stays bytes. */
  photo: Buffer;
  fingerprint?: Buffer;
}

export function encodeCardReadData(read: CardReadData): Buffer {
  const lengths = Buffer.alloc(read.fingerprint ? 6 : 4);
  lengths.writeUInt16BE(read.text.length, 0);
  lengths.writeUInt16BE(read.photo.length, 2);
  if (read.fingerprint) lengths.writeUInt16BE(read.fingerprint.length, 4);
  return Buffer.concat([lengths, read.text, read.photo, read.fingerprint ?? Buffer.alloc(0)]);
}

export function parseCardReadData(data: Buffer, withFingerprint: boolean): CardReadData {
  const headerLength = withFingerprint ? 6 : 4;
  if (data.length < headerLength) throw new ReaderError('READER_REPLY_INVALID', 'card data shorter than its length fields');
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  const fingerprintLength = withFingerprint ? data.readUInt16BE(4) : 0;
  const expected = headerLength + textLength + photoLength + fingerprintLength;
  if (data.length !== expected) {
    throw new ReaderError('READER_REPLY_INVALID', `card data is ${data.length} bytes, its length fields say ${expected}`);
  }
  const textEnd = headerLength + textLength;
  const photoEnd = textEnd + photoLength;
  return {
    text: Buffer.from(data.subarray(headerLength, textEnd)),
    photo: Buffer.from(data.subarray(textEnd, photoEnd)),
    ...(withFingerprint ? { fingerprint: Buffer.from(data.subarray(photoEnd)) } : {}),
  };
}
