import { describe, expect, it } from 'vitest';
import { MAX_SCAN_LENGTH, parseScanPayload, type ParseScanOptions } from './parse-scan-payload';
import { ScanRejectedError, type ScanRejectCode } from './scan-errors';

function rejects(text: string, code: ScanRejectCode, options?: ParseScanOptions): ScanRejectedError {
  try {
    parseScanPayload(text, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ScanRejectedError);
    expect((err as ScanRejectedError).code).toBe(code);
    return err as ScanRejectedError;
  }
  throw new Error(`accepted ${JSON.stringify(text)}, expected ${code}`);
}

const TOKEN_16 = 'abcDEF012_-XYZ98';
const HOSTS = { personalCodeHosts: ['code.example.cn'] };

describe('parseScanPayload: any input', () => {
  it('rejects an empty scan', () => {
    rejects('', 'SCAN_EMPTY');
  });

  it(`accepts ${MAX_SCAN_LENGTH} characters and rejects one more, before looking at the content`, () => {
    const base = 'https://code.example.cn/c/';
    const longest = base + 'a'.repeat(MAX_SCAN_LENGTH - base.length);
    expect(longest).toHaveLength(512);
    expect(parseScanPayload(longest, HOSTS)).toEqual({ kind: 'suishenma', token: longest });
    rejects(longest + 'a', 'SCAN_TOO_LONG', HOSTS);
    rejects('\u0000'.repeat(MAX_SCAN_LENGTH + 1), 'SCAN_TOO_LONG');
  });

  it.each([
    ['NUL', '\u0000'], ['US', '\u001f'], ['CR', '\r'], ['LF', '\n'], ['TAB', '\t'], ['ESC', '\u001b'],
    ['DEL', '\u007f'], ['C1 start', '\u0080'], ['C1 end', '\u009f'], ['soft hyphen', '\u00ad'],
    ['zero-width space', '\u200b'], ['RLM', '\u200f'], ['RLO', '\u202e'], ['line separator', '\u2028'],
    ['word joiner', '\u2060'], ['bidi isolate', '\u2069'], ['BOM', '\ufeff'], ['replacement', '\ufffd'],
  ])('rejects a %s anywhere in the scan', (_name, ch) => {
    rejects(`YL20261122${ch}000123`, 'SCAN_INVALID_CHARACTERS');
    rejects(`${ch}YL20261122000123`, 'SCAN_INVALID_CHARACTERS');
    rejects(`YL20261122000123${ch}`, 'SCAN_INVALID_CHARACTERS');
  });

  it.each(['4006123456789', 'hello world', 'https://www.example.com/', 'yl20261122000123', ' YL20261122000123', 'ELQ:X:20261122:A012', 'ELQ1', 'SSM', '中文'])(
    'rejects %j as an unknown format',
    (text) => {
      rejects(text, 'SCAN_UNKNOWN_FORMAT');
    },
  );

  it('never repeats the scanned text in the error message', () => {
    const secret = 'SSM:secret+token+value/with=bad';
    expect(rejects(secret, 'SCAN_INVALID_PERSONAL_CODE').message).not.toContain('secret');
    expect(rejects('x'.repeat(600), 'SCAN_TOO_LONG').message).not.toContain('xxx');
  });
});

describe('parseScanPayload: application numbers', () => {
  it.each(['YL20261122000123', 'YL20000101000001', 'YL20991231999999', 'YL20240229000042'])('accepts %s', (no) => {
    expect(parseScanPayload(no)).toEqual({ kind: 'application', applicationNo: no });
  });

  it.each([
    ['19991231', 'the year before 2000'], ['21000101', '2100'], ['20230229', '29 Feb in a common year'],
    ['20261301', 'month 13'], ['20261200', 'day 0'], ['20261131', '31 November'], ['20260001', 'month 0'],
  ])('rejects date %s (%s)', (date) => {
    rejects(`YL${date}000123`, 'SCAN_INVALID_DATE');
  });

  it.each(['YL2026112200012', 'YL202611220001234', 'YL2026112200012X', 'YL20261122000123 ', 'YL20261122000000', 'YL2'])(
    'rejects the malformed %j',
    (text) => {
      rejects(text, 'SCAN_INVALID_APPLICATION_NO');
    },
  );
});

describe('parseScanPayload: queue tickets', () => {
  it('accepts a version 1 ticket and gives the date as YYYY-MM-DD', () => {
    expect(parseScanPayload('ELQ1:CN-XINJING:20261122:A012')).toEqual({
      kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012',
    });
  });

  it('accepts the field bounds', () => {
    const centre32 = 'C'.repeat(32);
    expect(parseScanPayload(`ELQ1:${centre32}:20261122:A012`)).toMatchObject({ centreId: centre32 });
    expect(parseScanPayload('ELQ1:x:20261122:AB1234')).toMatchObject({ centreId: 'x', ticketNo: 'AB1234' });
    expect(parseScanPayload('ELQ1:7:20000101:Z999')).toMatchObject({ date: '2000-01-01', ticketNo: 'Z999' });
  });

  it.each([
    ['centre id of 33 characters', `ELQ1:${'C'.repeat(33)}:20261122:A012`],
    ['empty centre id', 'ELQ1::20261122:A012'],
    ['underscore in centre id', 'ELQ1:CN_X:20261122:A012'],
    ['7-digit date', 'ELQ1:CN:2026112:A012'],
    ['dashed date', 'ELQ1:CN:2026-11-22:A012'],
    ['ticket with 2 digits', 'ELQ1:CN:20261122:A12'],
    ['ticket with 5 digits', 'ELQ1:CN:20261122:A12345'],
    ['ticket with 3 letters', 'ELQ1:CN:20261122:ABC123'],
    ['lower-case ticket letter', 'ELQ1:CN:20261122:a012'],
    ['ticket without a letter', 'ELQ1:CN:20261122:0123'],
    ['missing ticket', 'ELQ1:CN:20261122'],
    ['extra field', 'ELQ1:CN:20261122:A012:x'],
    ['empty ticket', 'ELQ1:CN:20261122:'],
  ])('rejects a %s', (_name, text) => {
    rejects(text, 'SCAN_INVALID_QUEUE_TICKET');
  });

  it('rejects a ticket dated on no calendar day', () => {
    rejects('ELQ1:CN:20260230:A012', 'SCAN_INVALID_DATE');
  });

  it.each(['ELQ2:CN:20261122:A012', 'ELQ0:CN:20261122:A012', 'ELQ10:CN:20261122:A012'])('rejects the unknown version %s', (text) => {
    rejects(text, 'SCAN_UNSUPPORTED_VERSION');
  });
});

describe('parseScanPayload: personal codes', () => {
  it('accepts SSM: tokens of 16 to 256 base64url characters, giving the token without the prefix', () => {
    expect(parseScanPayload(`SSM:${TOKEN_16}`)).toEqual({ kind: 'suishenma', token: TOKEN_16 });
    const t256 = 'A'.repeat(256);
    expect(parseScanPayload(`SSM:${t256}`)).toEqual({ kind: 'suishenma', token: t256 });
  });

  it.each([
    ['15 characters', `SSM:${TOKEN_16.slice(1)}`], ['257 characters', `SSM:${'A'.repeat(257)}`], ['no token', 'SSM:'],
    ['a plus sign', `SSM:${TOKEN_16}+`], ['a slash', `SSM:${TOKEN_16}/`], ['padding', `SSM:${TOKEN_16}=`], ['a space', `SSM:${TOKEN_16} x`],
  ])('rejects a token with %s', (_name, text) => {
    rejects(text, 'SCAN_INVALID_PERSONAL_CODE');
  });

  it('treats links as unknown unless their host is configured', () => {
    rejects('https://code.example.cn/c/abc', 'SCAN_UNKNOWN_FORMAT');
    rejects('https://evil.example.com/c/abc', 'SCAN_UNKNOWN_FORMAT', HOSTS);
    rejects('https://code.example.cn.evil.com/c/abc', 'SCAN_UNKNOWN_FORMAT', HOSTS);
    rejects('https://x.code.example.cn/c/abc', 'SCAN_UNKNOWN_FORMAT', HOSTS);
  });

  it('accepts a plain https link on a configured host, whole, as the token', () => {
    const link = 'https://code.example.cn/c/Zx81-q?v=2';
    expect(parseScanPayload(link, HOSTS)).toEqual({ kind: 'suishenma', token: link });
    expect(parseScanPayload('https://CODE.example.cn/?t=1', { personalCodeHosts: ['Code.Example.CN'] })).toMatchObject({ kind: 'suishenma' });
  });

  it.each([
    ['http', 'http://code.example.cn/c/abc'], ['a port', 'https://code.example.cn:8443/c/abc'],
    ['user info', 'https://me:pw@code.example.cn/c/abc'], ['nothing opaque', 'https://code.example.cn/'],
    ['a space', 'https://code.example.cn/c/a b'], ['non-ASCII', 'https://code.example.cn/c/码'],
    ['a fragment', 'https://code.example.cn/c/abc#x'], ['upper-case scheme', 'HTTPS://code.example.cn/c/abc'],
  ])('rejects a configured-host link with %s', (_name, link) => {
    rejects(link, 'SCAN_INVALID_PERSONAL_CODE', HOSTS);
  });
});
