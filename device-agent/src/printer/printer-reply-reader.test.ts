import { describe, expect, it } from 'vitest';
import { PrinterReplyReader } from './printer-reply-reader';
import { processIdCommand, processIdFor, processIdResponse } from './process-id';
import { isValidStatusByte } from './printer-status';

describe('process ID (GS ( H fn 48)', () => {
  it('builds the command and the response Epson documents', () => {
    expect(Buffer.from(processIdCommand('ABCD')).toString('hex')).toBe('1d28480600303041424344');
    expect(Buffer.from(processIdResponse('ABCD')).toString('hex')).toBe('37224142434400');
    expect(() => processIdCommand('ABC')).toThrow(RangeError);
    expect(() => processIdCommand('AB\u0001D')).toThrow(RangeError);
  });

  it('numbers jobs with IDs whose bytes are never status bytes, distinct over 65 536 jobs', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 65_536; n += 97) {
      const id = processIdFor(n);
      expect(id).toMatch(/^[A-Z]{4}$/);
      for (const c of id) expect(isValidStatusByte(c.charCodeAt(0))).toBe(false);
      seen.add(id);
    }
    expect(seen.size).toBe(Math.ceil(65_536 / 97));
    expect(processIdFor(65_536)).toBe(processIdFor(0));
  });
});

describe('PrinterReplyReader', () => {
  it('tells status bytes from process ID responses, across chunk boundaries', () => {
    const reader = new PrinterReplyReader();
    expect(reader.push(Uint8Array.of(0x12, 0x37, 0x22, 0x41))).toEqual([{ kind: 'status', byte: 0x12 }]);
    expect(reader.push(Uint8Array.of(0x42, 0x43))).toEqual([]);
    expect(reader.push(Uint8Array.of(0x44, 0x00, 0x1e))).toEqual([
      { kind: 'process-id', id: 'ABCD' },
      { kind: 'status', byte: 0x1e },
    ]);
  });

  it('never takes a byte inside a block for a status reply, and drops noise and other blocks', () => {
    const reader = new PrinterReplyReader();
    // '2' (0x32) and 'R' (0x52) would pass as status bytes outside a block.
    expect(reader.push(Uint8Array.of(0x37, 0x22, 0x32, 0x52, 0x32, 0x52, 0x00))).toEqual([{ kind: 'process-id', id: '2R2R' }]);
    expect(reader.push(Uint8Array.of(0x00, 0xff, 0x37, 0x70, 0x40, 0x00, 0x12))).toEqual([{ kind: 'status', byte: 0x12 }]);
  });

  it('gives up on a block that never ends', () => {
    const reader = new PrinterReplyReader();
    expect(reader.push(Uint8Array.from([0x37, ...new Array<number>(20).fill(0x41), 0x12]))).toEqual([{ kind: 'status', byte: 0x12 }]);
  });
});
