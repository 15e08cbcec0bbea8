import { describe, expect, it } from 'vitest';
import { decodeScanBytes } from './decode-scan-bytes';

describe('decodeScanBytes', () => {
  it('decodes UTF-8, multi-byte characters included, and drops a leading BOM', () => {
    expect(decodeScanBytes(Buffer.from('YL20261122000123'))).toBe('YL20261122000123');
    expect(decodeScanBytes(Buffer.from('随申码', 'utf8'))).toBe('随申码');
    expect(decodeScanBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it.each([
    ['GB18030 text', [0xcb, 0xe6, 0xc9, 0xea]],
    ['a truncated sequence', [0x41, 0xe7, 0xa0]],
    ['an overlong NUL', [0xc0, 0x80]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a stray continuation byte', [0x80]],
  ])('refuses %s', (_name, bytes) => {
    expect(decodeScanBytes(Buffer.from(bytes))).toBeUndefined();
  });
});
