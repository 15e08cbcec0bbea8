import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../contracts/server-api';
import { composeApplicationReceipt } from '../receipt/compose-application-receipt';
import { parseScanPayload } from './parse-scan-payload';
import { formatReceiptCode, parseReceiptCode, RECEIPT_CODE_PATTERN } from './receipt-code';
import { InvalidScanFieldError } from './scan-errors';

const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;
const MAC = Uint8Array.from([0xff, 0x00, 0xa5, 0x5a, 0x12, 0x34, 0x56, 0x78, 0x9a]);

describe('receipt codes', () => {
  it('append 10 base32 characters of the MAC to the number, in the QR alphanumeric mode', () => {
    const code = formatReceiptCode('YL20261122000123', MAC);
    // ff 00 a5 5a 12 34 56 → 11111 11100 00000 01010 01010 10110 10000 10010 00110 10001 → Z W 0 A A P G J 6 H
    expect(code).toBe('YL20261122000123-ZW0AAPGJ6H');
    expect(code).toMatch(QR_ALPHANUMERIC);
    expect(code).toMatch(RECEIPT_CODE_PATTERN);
    expect(parseReceiptCode(code)).toEqual({ applicationNo: 'YL20261122000123', check: 'ZW0AAPGJ6H' });
  });

  it('scan as the application with the whole code as receiptCode; bare numbers scan as before', () => {
    expect(parseScanPayload('YL20261122000123-ZW0AAPGJ6H')).toEqual({
      kind: 'application',
      applicationNo: 'YL20261122000123',
      receiptCode: 'YL20261122000123-ZW0AAPGJ6H',
    });
    expect(parseScanPayload('YL20261122000123')).toEqual({ kind: 'application', applicationNo: 'YL20261122000123' });
  });

  it.each([
    ['YL20261122000123-ZW0AAPGJ6', 'SCAN_INVALID_APPLICATION_NO'],
    ['YL20261122000123-ZW0AAPGJ6HD', 'SCAN_INVALID_APPLICATION_NO'],
    ['YL20261122000123-ZW0AAPGJ6I', 'SCAN_INVALID_APPLICATION_NO'], // I is not in the alphabet
    ['YL20261122000123-zw0aap8j6d', 'SCAN_INVALID_APPLICATION_NO'],
    ['YL20261122000123--ZW0AAPGJ6', 'SCAN_INVALID_APPLICATION_NO'],
    ['YL20261322000123-ZW0AAPGJ6H', 'SCAN_INVALID_DATE'],
    ['YL20261122000000-ZW0AAPGJ6H', 'SCAN_INVALID_APPLICATION_NO'],
  ])('rejects %j (%s)', (text, code) => {
    expect(() => parseScanPayload(text)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses to format what it could not print', () => {
    expect(() => formatReceiptCode('YL2026112200012', MAC)).toThrow(InvalidScanFieldError);
    expect(() => formatReceiptCode('YL20261122000123', MAC.slice(0, 6))).toThrow(InvalidScanFieldError);
  });
});

describe('the receipt QR', () => {
  const view: ApplicationView = {
    applicationNo: 'YL20261122000123',
    serviceKey: 'senior-card',
    serviceName: { zh: '敬老卡申领', en: 'Senior card' },
    status: 'submitted',
    submittedAt: '2026-11-22T02:00:00.000Z',
    applicantNameMasked: '李*英',
    idNumberMasked: '310105**********21',
    answers: {},
    details: [],
    parts: [],
    catalogueVersion: 'test',
  };
  const qrOf = (app: ApplicationView) => composeApplicationReceipt(app, { locale: 'zh-CN' }).blocks.find((b) => b.kind === 'qr');

  it('holds the receipt code when the server gave one, which scans back to the same application', () => {
    const code = formatReceiptCode(view.applicationNo, MAC);
    expect(qrOf({ ...view, receiptCode: code })).toMatchObject({ kind: 'qr', data: code });
    expect(parseScanPayload(code)).toMatchObject({ applicationNo: view.applicationNo, receiptCode: code });
  });

  it('falls back to the bare number for a view without one', () => {
    expect(qrOf(view)).toMatchObject({ kind: 'qr', data: 'YL20261122000123' });
  });
});
