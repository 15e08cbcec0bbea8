import type { PrinterRole, ReceiptDocument } from '@eldercare/domain';

const ROLE_NAME: Record<PrinterRole, string> = { receipt: '回执打印机', ticket: '排队小票打印机' };

/**
 * The page `device-agent test-print` prints: Chinese text in GB18030, full-width ￥, a QR code
 * and a cut, i.e. everything a receipt or ticket needs the printer to get right.
 */
export function testPageDocument(role: PrinterRole, at: Date): ReceiptDocument {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    id: `test-${role}-${at.getTime().toString(36)}`,
    blocks: [
      { kind: 'heading', text: '打印测试页' },
      { kind: 'field', label: '打印机', value: ROLE_NAME[role] },
      { kind: 'field', label: '时间', value: stamp },
      { kind: 'text', text: '中文 GB18030：养老服务一件事 ￥12.50' },
      { kind: 'rule' },
      { kind: 'qr', data: `TEST-${role.toUpperCase()}-${stamp}`, caption: '二维码测试' },
      { kind: 'feed', lines: 2 },
    ],
  };
}
