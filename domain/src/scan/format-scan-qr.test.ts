import { describe, expect, it } from 'vitest';
import { describeScanForLog, formatApplicationNoQr, formatPersonalCodeQr, formatQueueTicketQr } from './format-scan-qr';
import { parseScanPayload } from './parse-scan-payload';
import { InvalidScanFieldError } from './scan-errors';

/** The QR alphanumeric mode's 45 characters. */
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

describe('formatQueueTicketQr', () => {
  it('writes ELQ1:<centre>:<yyyymmdd>:<ticket>, which scans back to the same fields', () => {
    const fields = { centreId: 'CN-XINJING', date: '2026-11-22', ticketNo: 'A012' };
    const text = formatQueueTicketQr(fields);
    expect(text).toBe('ELQ1:CN-XINJING:20261122:A012');
    expect(text).toMatch(QR_ALPHANUMERIC);
    expect(parseScanPayload(text)).toEqual({ kind: 'queue-ticket', ...fields });
  });

  it.each([
    [{ centreId: 'CN', date: '20261122', ticketNo: 'A012' }],
    [{ centreId: 'CN', date: '2026-02-30', ticketNo: 'A012' }],
    [{ centreId: 'CN', date: '2026-11-22', ticketNo: 'A12' }],
    [{ centreId: 'C:N', date: '2026-11-22', ticketNo: 'A012' }],
    [{ centreId: '', date: '2026-11-22', ticketNo: 'A012' }],
  ])('refuses fields it could not print: %j', (fields) => {
    expect(() => formatQueueTicketQr(fields)).toThrow(InvalidScanFieldError);
  });
});

describe('formatApplicationNoQr', () => {
  it('prints the bare number, in the QR alphanumeric mode', () => {
    expect(formatApplicationNoQr('YL20261122000123')).toBe('YL20261122000123');
    expect(formatApplicationNoQr('YL20261122000123')).toMatch(QR_ALPHANUMERIC);
  });

  it.each(['YL20261322000123', 'YL2026112200012', 'ELQ1:CN:20261122:A012', ''])('refuses %j', (no) => {
    expect(() => formatApplicationNoQr(no)).toThrow(expect.objectContaining({ code: 'SCAN_FIELD_INVALID' }));
  });
});

describe('formatPersonalCodeQr', () => {
  it('prefixes SSM: and refuses tokens outside the format', () => {
    expect(parseScanPayload(formatPersonalCodeQr('0123456789abcdef'))).toEqual({ kind: 'suishenma', token: '0123456789abcdef' });
    expect(() => formatPersonalCodeQr('short')).toThrow(InvalidScanFieldError);
  });
});

describe('describeScanForLog', () => {
  it('names our documents but never a personal code', () => {
    expect(describeScanForLog({ kind: 'application', applicationNo: 'YL20261122000123' })).toContain('YL20261122000123');
    expect(describeScanForLog({ kind: 'queue-ticket', centreId: 'CN', date: '2026-11-22', ticketNo: 'A012' })).toContain('A012');
    expect(describeScanForLog({ kind: 'suishenma', token: 'very-secret-token-123' })).not.toContain('secret');
  });
});
