import type { ReceiptDocument } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './encode-receipt';
import { parseEscPos, type EscPosItem } from './parse-escpos';
import { displayWidth } from './text-layout';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(..)(?=.)/g, '$1 ');
const textLines = (items: EscPosItem[]) => items.filter((i) => i.kind === 'text');

describe('encodeReceipt', () => {
  it('produces the frozen golden bytes for a fixed document', () => {
    const doc: ReceiptDocument = {
      id: 'golden-1',
      blocks: [
        { kind: 'heading', text: '受理回执' },
        { kind: 'field', label: '姓名', value: '张*英' },
        { kind: 'rule' },
        { kind: 'text', text: '补贴 ￥300', align: 'right', bold: true, size: 'large' },
        { kind: 'qr', data: 'SQ1', caption: '扫码查询' },
        { kind: 'feed', lines: 2 },
      ],
    };
    // Checked by hand against the ESC/POS reference and the GB2312 code table.
    const expected = [
      '1b 40', // ESC @ init
      '1c 26', // FS & Chinese mode
      // heading: centre, double width and height, bold, 受理回执, LF, back to defaults
      '1b 61 01 1d 21 11 1b 45 01 ca dc c0 ed bb d8 d6 b4 0a 1b 45 00 1d 21 00 1b 61 00',
      // field: 姓名： then the value in bold: 张*英
      'd0 d5 c3 fb a3 ba 1b 45 01 d5 c5 2a d3 a2 0a 1b 45 00',
      // rule: 48 dashes
      Array(48).fill('2d').join(' ') + ' 0a',
      // text: right, large, bold: 补贴 ￥300
      '1b 61 02 1d 21 11 1b 45 01 b2 b9 cc f9 20 a3 a4 33 30 30 0a 1b 45 00 1d 21 00 1b 61 00',
      // qr: centre, model 2, size 6, level M, store "SQ1" (pL 6 = 3 + 3), print, caption 扫码查询
      '1b 61 01 1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 06 1d 28 6b 03 00 31 45 31',
      '1d 28 6b 06 00 31 50 30 53 51 31 1d 28 6b 03 00 31 51 30 c9 a8 c2 eb b2 e9 d1 af 0a 1b 61 00',
      '1b 64 02', // feed 2
      '1b 64 04 1d 56 00', // feed past the cutter, full cut
    ].join(' ');
    expect(hex(encodeReceipt(doc))).toBe(expected);
  });

  it('wraps a long field to the column width with the value hanging under itself', () => {
    const value = '上海市长宁区天山路街道某某小区 12 号楼 301 室（近娄山关路）';
    for (const columns of [32, 48]) {
      const lines = textLines(parseEscPos(encodeReceipt({ id: 'w', blocks: [{ kind: 'field', label: '地址', value }] }, { columns })));
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(displayWidth(line.text)).toBeLessThanOrEqual(columns);
        expect(line.text).not.toContain('\ufffd');
      }
      expect(lines[0]!.text.startsWith('地址：')).toBe(true);
      for (const line of lines.slice(1)) expect(line.text.startsWith('      ') && !line.text.startsWith('       ')).toBe(true);
      expect(lines.map((l) => l.text.trim()).join('').replace(/ /g, '')).toBe(`地址：${value}`.replace(/ /g, ''));
    }
  });

  it('fills the full width exactly when it can', () => {
    const lines = textLines(parseEscPos(encodeReceipt({ id: 'w', blocks: [{ kind: 'text', text: '一'.repeat(30) }] })));
    expect(lines.map((l) => displayWidth(l.text))).toEqual([48, 12]);
  });

  it('wraps large text and headings at half the columns', () => {
    const doc: ReceiptDocument = {
      id: 'w',
      blocks: [
        { kind: 'heading', text: '长期护理保险需求评估申请受理回执单' },
        { kind: 'text', text: 'Please keep this receipt until the assessment is done', size: 'large' },
      ],
    };
    const lines = textLines(parseEscPos(encodeReceipt(doc)));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.width).toBe(2);
      expect(displayWidth(line.text)).toBeLessThanOrEqual(24);
    }
  });

  it('does not indent when the label is wider than half the paper', () => {
    const label = '一二三四五六七八九十一二三';
    const lines = textLines(parseEscPos(encodeReceipt({ id: 'w', blocks: [{ kind: 'field', label, value: 'x'.repeat(60) }] })));
    expect(lines[1]!.text.startsWith('x')).toBe(true);
  });

  it('prints ¥ as the full-width ￥ that GB18030 printers carry', () => {
    const bytes = encodeReceipt({ id: 'y', blocks: [{ kind: 'field', label: '金额', value: '¥12' }] });
    expect(hex(bytes)).toContain('a3 a4 31 32');
    expect(hex(bytes)).not.toContain('81 30 84 36');
  });

  it('turns control characters into spaces and line breaks into lines, so text cannot inject commands', () => {
    const bytes = encodeReceipt({ id: 'c', blocks: [{ kind: 'text', text: 'a\x1b@b\x1d\x56\x00c\r\nd' }] });
    const items = parseEscPos(bytes);
    expect(textLines(items).map((l) => l.text)).toEqual(['a @b V c', 'd']);
    expect(items.filter((i) => i.kind === 'cut')).toHaveLength(1);
  });

  it('centres the QR with its caption and keeps module size 6 for short payloads', () => {
    const items = parseEscPos(encodeReceipt({ id: 'q', blocks: [{ kind: 'qr', data: 'https://example.org/p?n=SQ20240501000123', caption: '扫码查进度' }] }));
    const qr = items.find((i) => i.kind === 'qr');
    expect(qr).toMatchObject({ data: 'https://example.org/p?n=SQ20240501000123', align: 'center', model: 2, moduleSize: 6, errorLevel: 'M' });
    expect(items[items.indexOf(qr!) + 1]).toMatchObject({ kind: 'text', text: '扫码查进度', align: 'center' });
  });

  it('shrinks the QR modules only when the symbol would not fit the paper', () => {
    const data = 'A'.repeat(700); // byte mode, level M: version 21, 101 modules × 6 dots > 576
    const qr = parseEscPos(encodeReceipt({ id: 'q', blocks: [{ kind: 'qr', data }] })).find((i) => i.kind === 'qr');
    expect(qr).toMatchObject({ data });
    if (qr?.kind !== 'qr') throw new Error('no qr');
    expect(qr.moduleSize).toBeLessThan(6);
    expect(qr.moduleSize).toBeGreaterThanOrEqual(1);
  });

  it('starts with init and Chinese mode and ends with feeds and a cut', () => {
    const bytes = encodeReceipt({ id: 'e', blocks: [{ kind: 'rule' }] }, { cut: 'partial' });
    expect(hex(bytes.subarray(0, 4))).toBe('1b 40 1c 26');
    expect(hex(bytes.subarray(-6))).toBe('1b 64 04 1d 56 01');
  });

  it('rejects a column count no printer has', () => {
    expect(() => encodeReceipt({ id: 'e', blocks: [{ kind: 'rule' }] }, { columns: 3 })).toThrow(expect.objectContaining({ code: 'ESCPOS_INVALID_ARGUMENT' }));
  });
});
