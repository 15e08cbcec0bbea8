import { describe, expect, it } from 'vitest';
import { encodeCardReadData } from './card-read-data';
import { Ga467Command } from './ga467-commands';
import { encodeCommand, encodeReply, parseCommand, parseReply } from './ga467-frame';
import { ReaderError } from './reader-error';
import { decodeSamId, encodeSamId } from './sam-id';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)!.join(' ');

describe('GA 467 command frames (golden bytes)', () => {
  it.each([
    ['reset', Ga467Command.reset, 'AA AA AA 96 69 00 03 10 FF EC'],
    ['status', Ga467Command.status, 'AA AA AA 96 69 00 03 11 FF ED'],
    ['SAM id', Ga467Command.samId, 'AA AA AA 96 69 00 03 12 FF EE'],
    ['find card', Ga467Command.findCard, 'AA AA AA 96 69 00 03 20 01 22'],
    ['select card', Ga467Command.selectCard, 'AA AA AA 96 69 00 03 20 02 21'],
    ['read text and photo', Ga467Command.readText, 'AA AA AA 96 69 00 03 30 01 32'],
    ['read extra address', Ga467Command.readExtraAddress, 'AA AA AA 96 69 00 03 30 03 30'],
    ['read with fingerprint', Ga467Command.readWithFingerprint, 'AA AA AA 96 69 00 03 30 10 23'],
  ])('%s', (_name, [cmd, para], expected) => {
    expect(hex(encodeCommand(cmd, para))).toBe(expected);
  });

  it('counts data in LEN and the checksum', () => {
    // Set max RF bytes (61 FF 50), as vendor SDKs send it.
    expect(hex(encodeCommand(0x61, 0xff, Buffer.from([0x50])))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });

  it('rejects values that are not bytes', () => {
    expect(() => encodeCommand(0x100, 0)).toThrow(RangeError);
    expect(() => encodeCommand(1.5, 0)).toThrow(RangeError);
  });

  it('parses its own commands back', () => {
    expect(parseCommand(encodeCommand(0x61, 0xff, Buffer.from([0x50])))).toEqual({ cmd: 0x61, para: 0xff, data: Buffer.from([0x50]) });
  });
});

describe('GA 467 replies', () => {
  it('encodes replies as the SAM does', () => {
    expect(hex(encodeReply(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    expect(hex(encodeReply(0x9f, Buffer.alloc(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });

  it('a text+photo reply is 1295 bytes on the wire', () => {
    const data = encodeCardReadData({ text: Buffer.alloc(256), photo: Buffer.alloc(1024) });
    expect(encodeReply(0x90, data)).toHaveLength(1295);
  });

  it('parses status words and data', () => {
    expect(parseReply(encodeReply(0x90, Buffer.from([1, 2, 3])))).toEqual({ sw1: 0, sw2: 0, sw3: 0x90, data: Buffer.from([1, 2, 3]) });
  });

  it('refuses a frame with a bad checksum or a wrong length field', () => {
    const frame = encodeReply(0x90, Buffer.from([1, 2, 3]));
    frame[frame.length - 1]! ^= 0x01;
    expect(() => parseReply(frame)).toThrow(ReaderError);
    const short = encodeReply(0x90).subarray(0, 9);
    expect(() => parseReply(short)).toThrow(expect.objectContaining({ code: 'READER_FRAME_INVALID' }));
  });
});

describe('SAM id', () => {
  it('decodes the 16 bytes to the dotted form and back', () => {
    const bytes = Buffer.from('05000100' + '023f3401' + 'd2040000' + 'e1100000', 'hex');
    expect(decodeSamId(bytes)).toBe('05.01-20201218-0000001234-0000004321');
    expect(encodeSamId('05.01-20201218-0000001234-0000004321')).toEqual(bytes);
  });

  it('rejects malformed ids', () => {
    expect(() => encodeSamId('05.01-2020')).toThrow(RangeError);
    expect(() => decodeSamId(Buffer.alloc(8))).toThrow(expect.objectContaining({ code: 'READER_REPLY_INVALID' }));
  });
});
