import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from './boot-keyboard-decoder';
import type { KeyStroke } from './us-keyboard-layout';

const report = (modifiers: number, ...keys: number[]) => {
  const b = Buffer.alloc(8);
  b[0] = modifiers;
  keys.forEach((k, i) => (b[2 + i] = k));
  return b;
};
const UP = report(0);
const text = (strokes: KeyStroke[]) => strokes.map((s) => (s.kind === 'char' ? s.char : s.kind === 'enter' ? '⏎' : '�')).join('');

// HID Usage Tables, keyboard page: a=0x04 … y=0x1c, l=0x0f, 1=0x1e, 2=0x1f, 0=0x27, Enter=0x28, ;=0x33
describe('BootKeyboardDecoder', () => {
  it('types each newly pressed key, upper case with either Shift bit', () => {
    const d = new BootKeyboardDecoder();
    const bytes = Buffer.concat([report(0x02, 0x1c), UP, report(0x20, 0x0f), UP, report(0, 0x1f), UP, report(0, 0x27), UP, report(0x02, 0x33), UP, report(0, 0x28), UP]);
    expect(text(d.push(bytes))).toBe('YL20:⏎');
  });

  it('needs a release between two equal characters, and types keys pressed together in order', () => {
    const d = new BootKeyboardDecoder();
    expect(text(d.push(Buffer.concat([report(0, 0x1e), report(0, 0x1e), UP, report(0, 0x1e)])))).toBe('11');
    expect(text(d.push(Buffer.concat([UP, report(0, 0x1e), report(0, 0x1e, 0x1f), UP])))).toBe('12');
  });

  it('ignores rollover error reports and marks Ctrl/Alt/GUI combinations and unknown usages invalid', () => {
    const d = new BootKeyboardDecoder();
    const bytes = Buffer.concat([report(0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01), report(0x01, 0x04), UP, report(0x40, 0x04), UP, report(0, 0x68), UP, report(0, 0x59), UP]);
    expect(d.push(bytes)).toEqual([{ kind: 'invalid' }, { kind: 'invalid' }, { kind: 'invalid' }, { kind: 'char', char: '1' }]);
  });

  it('keeps a report split across chunks', () => {
    const d = new BootKeyboardDecoder();
    const bytes = Buffer.concat([report(0x02, 0x1c), UP, report(0, 0x58)]);
    expect(text([...d.push(bytes.subarray(0, 5)), ...d.push(bytes.subarray(5, 17)), ...d.push(bytes.subarray(17))])).toBe('Y⏎');
  });
});
