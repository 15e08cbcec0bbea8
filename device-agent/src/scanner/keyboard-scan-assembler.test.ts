import { MAX_SCAN_LENGTH } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../reader/timers';
import { KeyboardScanAssembler } from './keyboard-scan-assembler';
import type { KeyStroke } from './us-keyboard-layout';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const chars = (s: string): KeyStroke[] => [...s].map((char) => ({ kind: 'char', char }));
const ENTER: KeyStroke = { kind: 'enter' };

function assembler(idleMs = 500) {
  const scans: string[] = [];
  return { a: new KeyboardScanAssembler({ idleMs, timers: systemTimers }, (t) => scans.push(t)), scans };
}

describe('KeyboardScanAssembler', () => {
  it('ends a scan at Enter and ignores Enter with nothing typed', () => {
    const { a, scans } = assembler();
    a.push([ENTER, ...chars('ab'), ENTER, ENTER]);
    a.push(chars('c'));
    a.push([ENTER]);
    expect(scans).toEqual(['ab', 'c']);
  });

  it('ends a scan without Enter after the idle time', () => {
    const { a, scans } = assembler(500);
    a.push(chars('ELQ1'));
    vi.advanceTimersByTime(499);
    a.push(chars(':X'));
    vi.advanceTimersByTime(499);
    expect(scans).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(scans).toEqual(['ELQ1:X']);
  });

  it('puts U+FFFD where a key no code may contain was typed', () => {
    const { a, scans } = assembler();
    a.push([...chars('YL1'), { kind: 'invalid' }, ...chars('2'), ENTER]);
    expect(scans).toEqual(['YL1\ufffd2']);
  });

  it('stops collecting one character past the limit', () => {
    const { a, scans } = assembler();
    a.push([...chars('x'.repeat(MAX_SCAN_LENGTH + 100)), ENTER]);
    expect(scans[0]).toHaveLength(MAX_SCAN_LENGTH + 1);
  });
});
