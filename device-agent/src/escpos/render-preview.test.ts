import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './encode-receipt';
import { parseEscPos, type EscPosItem } from './parse-escpos';
import { renderPreviewHtml, renderPreviewText } from './render-preview';

const receipt = parseEscPos(
  encodeReceipt({
    id: 'p',
    blocks: [
      { kind: 'heading', text: '回执' },
      { kind: 'field', label: '姓名', value: '张*' },
      { kind: 'text', text: 'right', align: 'right' },
      { kind: 'qr', data: 'SQ1', caption: '扫码' },
    ],
  }),
);

const line = (text: string, extra: Partial<Extract<EscPosItem, { kind: 'text' }>> = {}): EscPosItem => ({
  kind: 'text',
  text,
  align: 'left',
  bold: false,
  width: 1,
  height: 1,
  runs: [{ text, bold: false, underline: false, width: 1, height: 1 }],
  ...extra,
});

describe('renderPreviewText', () => {
  it('places lines by alignment on the paper width and marks QR codes, feeds and the cut', () => {
    const text = renderPreviewText(receipt, { columns: 20 });
    expect(text.split('\n')).toEqual([
      '        回执', // centred on its visible width
      '姓名：张*',
      '               right',
      '      [QR] SQ1',
      '        扫码',
      '',
      '',
      '',
      '',
      '======= cut =======',
    ]);
  });

  it('wraps a line wider than the paper where the printer would', () => {
    const item = line('abcdefgh', { width: 2, runs: [{ text: 'abcdefgh', bold: false, underline: false, width: 2, height: 1 }] });
    expect(renderPreviewText([item], { columns: 10 }).split('\n')).toEqual(['abcde', 'fgh']);
  });

  it('keeps control characters of a QR payload out of the terminal', () => {
    const qr: EscPosItem = { kind: 'qr', data: 'a\x1b[2Jb', bytes: new Uint8Array(), align: 'left', model: 2, moduleSize: 3, errorLevel: 'L' };
    expect(renderPreviewText([qr])).toBe('[QR] a·[2Jb');
  });
});

describe('renderPreviewHtml', () => {
  it('renders a fixed-width receipt with enlarged, aligned lines, an SVG QR code and a dashed cut', async () => {
    const html = await renderPreviewHtml(receipt);
    expect(html).toMatch(/^<div class="escpos-preview" style="[^"]*width:48ch/);
    expect(html).toContain('<div style="text-align:center"><span style="display:inline-block;width:8ch;white-space:pre">');
    expect(html).toContain('font-size:2em;transform:scaleX(1);transform-origin:left;font-weight:700;">回执</span>');
    expect(html).toContain('<div style="text-align:left">姓名：<span style="font-weight:700;">张*</span></div>');
    expect(html).toContain('<div style="text-align:right">right</div>');
    expect(html).toMatch(/<div style="text-align:center;line-height:0;padding:.4em 0"><svg style="width:[\d.]+ch;height:[\d.]+ch" role="img" aria-label="QR SQ1" [^>]*viewBox/);
    expect(html).toContain('border-top:2px dashed');
    expect(html.endsWith('</div>')).toBe(true);
  });

  it('escapes all text, captions and QR payloads', async () => {
    const evil = '<img src=x onerror="alert(1)">&';
    const qr: EscPosItem = { kind: 'qr', data: evil, bytes: new TextEncoder().encode(evil), align: 'center', model: 2, moduleSize: 3, errorLevel: 'M' };
    const html = await renderPreviewHtml([line(evil), line(evil, { width: 2, height: 2, runs: [{ text: evil, bold: true, underline: true, width: 2, height: 2 }] }), qr]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"alert');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;');
  });

  it('draws the QR code of exactly the stored bytes', async () => {
    const a = await renderPreviewHtml([{ kind: 'qr', data: 'A', bytes: Uint8Array.of(0x41), align: 'left', model: 2, moduleSize: 6, errorLevel: 'M' }]);
    const b = await renderPreviewHtml([{ kind: 'qr', data: 'A', bytes: Uint8Array.of(0x42), align: 'left', model: 2, moduleSize: 6, errorLevel: 'M' }]);
    expect(a).not.toBe(b);
    // 21 modules × 6 dots / 12 dots per column
    expect(a).toContain('width:10.50ch');
  });

  it('falls back to a note for a payload no QR code can hold', async () => {
    const bytes = new Uint8Array(4000).fill(0x41);
    const html = await renderPreviewHtml([{ kind: 'qr', data: '', bytes, align: 'left', model: 2, moduleSize: 6, errorLevel: 'H' }]);
    expect(html).toContain('[QR: 4000 bytes, too long]');
  });
});
