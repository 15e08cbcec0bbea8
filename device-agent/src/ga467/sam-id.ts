import { ReaderError } from './reader-error';

/**
 * The 16 data bytes of the SAM id reply as the dotted string printed on the module and used by
 * vendor tools: two little-endian uint16 and three little-endian uint32,
 * "%02u.%02u-%08u-%010u-%010u", e.g. 05.01-20201218-0000001234-0000004321.
 */
export function decodeSamId(data: Uint8Array): string {
  if (data.length < 16) throw new ReaderError('READER_REPLY_INVALID', `SAM id needs 16 bytes, got ${data.length}`);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return [
    `${pad(buf.readUInt16LE(0), 2)}.${pad(buf.readUInt16LE(2), 2)}`,
    pad(buf.readUInt32LE(4), 8),
    pad(buf.readUInt32LE(8), 10),
    pad(buf.readUInt32LE(12), 10),
  ].join('-');
}

const SAM_ID = /^(\d{1,5})\.(\d{1,5})-(\d{1,10})-(\d{1,10})-(\d{1,10})$/;

/** The inverse of decodeSamId, for the simulator. */
export function encodeSamId(samId: string): Buffer {
  const m = SAM_ID.exec(samId);
  const parts = m ? m.slice(1).map(Number) : [];
  const [a, b, c, d, e] = parts;
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined ||
      a > 0xffff || b > 0xffff || c > 0xffffffff || d > 0xffffffff || e > 0xffffffff) {
    throw new RangeError(`Not a SAM id: ${samId}`);
  }
  const buf = Buffer.alloc(16);
  buf.writeUInt16LE(a, 0);
  buf.writeUInt16LE(b, 2);
  buf.writeUInt32LE(c, 4);
  buf.writeUInt32LE(d, 8);
  buf.writeUInt32LE(e, 12);
  return buf;
}
