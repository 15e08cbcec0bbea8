import { ReaderError } from './reader-error';

/**
 * GA 467 frames:  AA AA AA 96 69 | LEN (2 bytes, big-endian) | body | CHK
 * LEN counts everything after itself (body and CHK); CHK is the XOR of LEN..last body byte.
 * A command's body is CMD PARA DATA; a reply's body is SW1 SW2 SW3 DATA.
 */
export const GA467_PREAMBLE: Readonly<Buffer> = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble plus the two length bytes. */
export const GA467_HEADER_LENGTH = 7;
/** The shortest body+CHK: a command is CMD PARA CHK. */
export const GA467_MIN_LENGTH = 3;

export interface Ga467Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

export interface Ga467CommandFrame {
  cmd: number;
  para: number;
  data: Buffer;
}

/** XOR of bytes[start..end). */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i]!;
  return chk;
}

/** Wraps a body (everything between LEN and CHK) into a whole frame. */
export function encodeFrame(body: Uint8Array): Buffer {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`GA 467 body too long: ${body.length} bytes`);
  const frame = Buffer.alloc(GA467_HEADER_LENGTH + length);
  GA467_PREAMBLE.copy(frame, 0);
  frame.writeUInt16BE(length, 5);
  frame.set(body, GA467_HEADER_LENGTH);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  checkByte('cmd', cmd);
  checkByte('para', para);
  return encodeFrame(Buffer.concat([Buffer.from([cmd, para]), data]));
}

/** The SAM's side: used by the simulator. SW1 SW2 are 00 00 in every reply seen in practice. */
export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Buffer {
  checkByte('sw3', sw3);
  return encodeFrame(Buffer.concat([Buffer.from([sw1, sw2, sw3]), data]));
}

/** Checks a whole frame (preamble, length, checksum) and returns its body. */
export function frameBody(frame: Uint8Array): Buffer {
  const buf = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (buf.length < GA467_HEADER_LENGTH + GA467_MIN_LENGTH || !buf.subarray(0, 5).equals(GA467_PREAMBLE)) {
    throw new ReaderError('READER_FRAME_INVALID', 'not a GA 467 frame');
  }
  const length = buf.readUInt16BE(5);
  if (length !== buf.length - GA467_HEADER_LENGTH) {
    throw new ReaderError('READER_FRAME_INVALID', `frame length field ${length} does not match ${buf.length - GA467_HEADER_LENGTH} bytes`);
  }
  if (xorChecksum(buf, 5, buf.length - 1) !== buf[buf.length - 1]) {
    throw new ReaderError('READER_FRAME_INVALID', 'frame checksum mismatch');
  }
  return buf.subarray(GA467_HEADER_LENGTH, buf.length - 1);
}

export function parseReply(frame: Uint8Array): Ga467Reply {
  const body = frameBody(frame);
  if (body.length < 3) throw new ReaderError('READER_FRAME_INVALID', 'reply shorter than its three status bytes');
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: Buffer.from(body.subarray(3)) };
}

export function parseCommand(frame: Uint8Array): Ga467CommandFrame {
  const body = frameBody(frame);
  return { cmd: body[0]!, para: body[1]!, data: Buffer.from(body.subarray(2)) };
}

function checkByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${name} must be a byte, got ${value}`);
}
