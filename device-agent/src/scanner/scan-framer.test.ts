import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../reader/timers';
import { MAX_SCAN_BYTES, ScanFramer } from './scan-framer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function framer(interByteTimeoutMs = 50) {
  const frames: { text: string; overflow: boolean }[] = [];
  const f = new ScanFramer({ interByteTimeoutMs, timers: systemTimers }, (frame, overflow) => frames.push({ text: frame.toString('latin1'), overflow }));
  return { f, frames, texts: () => frames.map((x) => x.text) };
}

describe('ScanFramer', () => {
  it('ends a scan at CR, at LF, and once at CR LF', () => {
    const { f, texts } = framer();
    f.push(Buffer.from('A1\rB2\nC3\r\nD4\r\n\r\n'));
    expect(texts()).toEqual(['A1', 'B2', 'C3', 'D4']);
  });

  it('ends a scan without terminator after the inter-byte timeout, not before', () => {
    const { f, texts } = framer(50);
    f.push(Buffer.from('YL2026'));
    vi.advanceTimersByTime(49);
    f.push(Buffer.from('1122000123'));
    vi.advanceTimersByTime(49);
    expect(texts()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual(['YL20261122000123']);
  });

  it('splits two codes separated by a pause of the timeout', () => {
    const { f, texts } = framer(20);
    f.push(Buffer.from('AAA'));
    vi.advanceTimersByTime(20);
    f.push(Buffer.from('BBB'));
    vi.advanceTimersByTime(20);
    expect(texts()).toEqual(['AAA', 'BBB']);
  });

  it('does not start a timer after a terminated scan', () => {
    const { f, frames } = framer();
    f.push(Buffer.from('X\r'));
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it(`keeps at most ${MAX_SCAN_BYTES} bytes and flags the frame as overflowing`, () => {
    const { f, frames } = framer();
    f.push(Buffer.alloc(MAX_SCAN_BYTES, 0x41));
    f.push(Buffer.from('\r'));
    f.push(Buffer.alloc(MAX_SCAN_BYTES + 1, 0x42));
    f.push(Buffer.alloc(5000, 0x42));
    f.push(Buffer.from('\rok\r'));
    expect(frames.map((x) => [x.text.length, x.overflow])).toEqual([[MAX_SCAN_BYTES, false], [MAX_SCAN_BYTES, true], [2, false]]);
  });

  it('drops a partial frame on reset', () => {
    const { f, frames } = framer();
    f.push(Buffer.from('half'));
    f.reset();
    vi.advanceTimersByTime(100);
    f.push(Buffer.from('whole\r'));
    expect(frames.map((x) => x.text)).toEqual(['whole']);
  });

  it.each([0, -1, Number.NaN])('refuses an inter-byte timeout of %s', (ms) => {
    expect(() => framer(ms)).toThrow(RangeError);
  });
});
