import QRCode from 'qrcode';
import type { EscPosItem, EscPosTextRun } from './parse-escpos';
import { charWidth, displayWidth } from './text-layout';

export interface PreviewOptions {
  /** Columns of font A at normal size: 48 on 80 mm paper. */
  columns?: number;
}

/** Font A is 12 dots per column; default line spacing is about 30 dots. */
const DOTS_PER_COLUMN = 12;
const DOTS_PER_LINE = 30;
const LINE_HEIGHT_EM = 1.35;

type TextItem = Extract<EscPosItem, { kind: 'text' }>;
type QrItem = Extract<EscPosItem, { kind: 'qr' }>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Controls in a QR payload would garble a terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '·');
}

/** The printer wraps a line wider than the paper at the character that no longer fits. */
function paperLines(item: TextItem, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const run of item.runs) {
    for (const char of run.text) {
      const w = charWidth(char) * run.width;
      if (used + w > columns && used > 0) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += char;
      used += w;
    }
  }
  lines.push(line);
  return lines;
}

function placed(text: string, align: TextItem['align'], columns: number): string {
  const free = Math.max(0, columns - displayWidth(text));
  const left = align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0;
  return ' '.repeat(left) + text;
}

/**
 * The printout as plain text for terminals and tests: lines placed by their alignment, feeds as
 * blank lines, QR codes as `[QR] payload`, cuts as a marked rule. Enlarged text is not enlarged.
 */
export function renderPreviewText(items: readonly EscPosItem[], options: PreviewOptions = {}): string {
  const columns = options.columns ?? 48;
  const out: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'text':
        for (const line of paperLines(item, columns)) out.push(placed(line.trimEnd(), item.align, columns).trimEnd());
        break;
      case 'feed':
        for (let i = 0; i < item.lines; i++) out.push('');
        break;
      case 'feed-dots':
        for (let i = 0; i < Math.round(item.dots / DOTS_PER_LINE); i++) out.push('');
        break;
      case 'qr':
        out.push(placed(`[QR] ${printable(item.data)}`, item.align, columns));
        break;
      case 'cut': {
        const label = item.partial ? ' partial cut ' : ' cut ';
        const side = Math.max(2, Math.floor((columns - label.length) / 2));
        out.push('='.repeat(side) + label + '='.repeat(side));
        break;
      }
      case 'status-query':
      case 'process-id':
      case 'unknown':
        break;
    }
  }
  return out.join('\n');
}

function runHtml(run: EscPosTextRun): string {
  const decoration = `${run.bold ? 'font-weight:700;' : ''}${run.underline ? 'text-decoration:underline;' : ''}`;
  if (run.width === 1 && run.height === 1) {
    return decoration ? `<span style="${decoration}">${escapeHtml(run.text)}</span>` : escapeHtml(run.text);
  }
  // Scale the glyphs to the height, then stretch to the width, reserving the printed width in ch.
  const columns = displayWidth(run.text) * run.width;
  return (
    `<span style="display:inline-block;width:${columns}ch;white-space:pre">` +
    `<span style="display:inline-block;font-size:${run.height}em;transform:scaleX(${run.width / run.height});transform-origin:left;${decoration}">` +
    `${escapeHtml(run.text)}</span></span>`
  );
}

async function qrHtml(item: QrItem): Promise<string> {
  const segments = [{ mode: 'byte' as const, data: item.bytes }];
  const modules = QRCode.create(segments, { errorCorrectionLevel: item.errorLevel }).modules.size;
  const size = ((modules * item.moduleSize) / DOTS_PER_COLUMN).toFixed(2);
  const svg = await QRCode.toString(segments, { type: 'svg', errorCorrectionLevel: item.errorLevel, margin: 0 });
  const sized = svg.replace('<svg ', `<svg style="width:${size}ch;height:${size}ch" role="img" aria-label="QR ${escapeHtml(item.data)}" `);
  return `<div style="text-align:${item.align};line-height:0;padding:.4em 0">${sized}</div>`;
}

function feedHtml(lines: number): string {
  return lines > 0 ? `<div style="height:${(lines * LINE_HEIGHT_EM).toFixed(2)}em"></div>` : '';
}

/**
 * The printout as a self-contained HTML fragment (inline styles only) that looks like the paper:
 * a fixed column width, enlarged and aligned lines, QR codes as inline SVG, dashed cut marks.
 */
export async function renderPreviewHtml(items: readonly EscPosItem[], options: PreviewOptions = {}): Promise<string> {
  const columns = options.columns ?? 48;
  const parts: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'text':
        parts.push(`<div style="text-align:${item.align}">${item.runs.map(runHtml).join('')}</div>`);
        break;
      case 'feed':
        parts.push(feedHtml(item.lines));
        break;
      case 'feed-dots':
        parts.push(feedHtml(item.dots / DOTS_PER_LINE));
        break;
      case 'qr':
        try {
          parts.push(await qrHtml(item));
        } catch {
          // A payload too long for any QR code: the printer would print nothing either.
          parts.push(`<div style="text-align:${item.align};color:#a00">[QR: ${item.bytes.length} bytes, too long]</div>`);
        }
        break;
      case 'cut':
        parts.push(
          `<div title="${item.partial ? 'partial cut' : 'cut'}" style="position:relative;margin:.8em -1.5ch;border-top:2px ${item.partial ? 'dotted' : 'dashed'} #999">` +
            `<span style="position:absolute;left:.5ch;top:-.75em;background:#fff;color:#999;line-height:1">✂</span></div>`,
        );
        break;
      case 'status-query':
      case 'process-id':
      case 'unknown':
        break;
    }
  }
  return (
    `<div class="escpos-preview" style="display:inline-block;box-sizing:content-box;width:${columns}ch;padding:1em 1.5ch;` +
    `background:#fff;color:#111;font-family:'Noto Sans Mono CJK SC','Sarasa Mono SC','SimHei',monospace;font-size:14px;` +
    `line-height:${LINE_HEIGHT_EM};white-space:pre-wrap;word-break:break-all;text-align:left;box-shadow:0 1px 4px rgba(0,0,0,.3)">` +
    parts.join('') +
    `</div>`
  );
}
