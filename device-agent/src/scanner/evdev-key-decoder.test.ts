import { describe, expect, it } from 'vitest';
import { EvdevKeyDecoder } from './evdev-key-decoder';
import type { KeyStroke } from './us-keyboard-layout';

/** One 64-bit input_event, written field by field (not through the encoder under test elsewhere). */
function rec(type: number, code: number, value: number): Buffer {
  const b = Buffer.alloc(24);
  b.writeUInt32LE(1_732_000_000, 0);
  b.writeUInt32LE(123_456, 8);
  b.writeUInt16LE(type, 16);
  b.writeUInt16LE(code, 18);
  b.writeInt32LE(value, 20);
  return b;
}
const SYN = rec(0, 0, 0);
const press = (code: number) => Buffer.concat([rec(4, 4, code), rec(1, code, 1), SYN]);
const release = (code: number) => Buffer.concat([rec(1, code, 0), SYN]);
const tap = (code: number) => Buffer.concat([press(code), release(code)]);
const shifted = (code: number) => Buffer.concat([rec(1, 42, 1), tap(code), rec(1, 42, 0)]);

// linux/input-event-codes.h
const KEY = { Y: 21, L: 38, ONE: 2, TWO: 3, ZERO: 11, SEMICOLON: 39, MINUS: 12, ENTER: 28, KPENTER: 96, KP1: 79, LEFTCTRL: 29, RIGHTSHIFT: 54, F13: 183, CAPSLOCK: 58 };

const text = (strokes: KeyStroke[]) => strokes.map((s) => (s.kind === 'char' ? s.char : s.kind === 'enter' ? '⏎' : '�')).join('');

describe('EvdevKeyDecoder', () => {
  it('types letters with and without Shift, digits, punctuation and Enter', () => {
    const d = new EvdevKeyDecoder(24);
    const bytes = Buffer.concat([shifted(KEY.Y), shifted(KEY.L), tap(KEY.TWO), tap(KEY.ZERO), shifted(KEY.SEMICOLON), tap(KEY.MINUS), tap(KEY.Y), tap(KEY.ENTER)]);
    expect(text(d.push(bytes))).toBe('YL20:-y⏎');
  });

  it('keeps a record split across reads, down to single bytes', () => {
    const d = new EvdevKeyDecoder(24);
    const bytes = Buffer.concat([shifted(KEY.Y), tap(KEY.ONE), tap(KEY.KPENTER)]);
    const strokes: KeyStroke[] = [];
    for (const byte of bytes) strokes.push(...d.push(Buffer.from([byte])));
    expect(text(strokes)).toBe('Y1⏎');
  });

  it('tracks either Shift key until it is released', () => {
    const d = new EvdevKeyDecoder(24);
    const bytes = Buffer.concat([rec(1, KEY.RIGHTSHIFT, 1), tap(KEY.Y), rec(1, KEY.RIGHTSHIFT, 2), tap(KEY.L), rec(1, KEY.RIGHTSHIFT, 0), tap(KEY.Y)]);
    expect(text(d.push(bytes))).toBe('YLy');
  });

  it('ignores autorepeat, releases, lock keys and non-key events; types keypad digits', () => {
    const d = new EvdevKeyDecoder(24);
    const bytes = Buffer.concat([press(KEY.ONE), rec(1, KEY.ONE, 2), rec(1, KEY.ONE, 2), release(KEY.ONE), tap(KEY.CAPSLOCK), rec(2, 0, 5), tap(KEY.KP1)]);
    expect(text(d.push(bytes))).toBe('11');
  });

  it('marks Ctrl combinations and keys without a character as invalid', () => {
    const d = new EvdevKeyDecoder(24);
    const bytes = Buffer.concat([rec(1, KEY.LEFTCTRL, 1), tap(KEY.Y), rec(1, KEY.LEFTCTRL, 0), tap(KEY.F13), tap(KEY.Y)]);
    expect(d.push(bytes)).toEqual([{ kind: 'invalid' }, { kind: 'invalid' }, { kind: 'char', char: 'y' }]);
  });

  it('reads 16-byte records on 32-bit machines', () => {
    const rec16 = (code: number, value: number) => {
      const b = Buffer.alloc(16);
      b.writeUInt16LE(1, 8);
      b.writeUInt16LE(code, 10);
      b.writeInt32LE(value, 12);
      return b;
    };
    const d = new EvdevKeyDecoder(16);
    expect(text(d.push(Buffer.concat([rec16(KEY.ONE, 1), rec16(KEY.ONE, 0), rec16(KEY.ENTER, 1)])))).toBe('1⏎');
  });

  it('forgets a held Shift and a partial record on reset', () => {
    const d = new EvdevKeyDecoder(24);
    d.push(Buffer.concat([rec(1, 42, 1), rec(1, KEY.Y, 1).subarray(0, 10)]));
    d.reset();
    expect(text(d.push(tap(KEY.Y)))).toBe('y');
  });
});
