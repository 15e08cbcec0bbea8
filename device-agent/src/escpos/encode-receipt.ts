import QRCode from 'qrcode';
import type { ReceiptBlock, ReceiptDocument } from '@eldercare/domain';
import { EscPosBuilder, type EscPosAlign } from './escpos-builder';
import { EscPosError } from './escpos-error';
import { displayWidth, wrapRuns, type LaidOutLine, type StyledRun } from './text-layout';

export interface EncodeReceiptOptions {
  /** Columns of font A at normal size: 48 on 80 mm paper (576 dots), 32 on 58 mm. */
  columns?: number;
  /** Full cut by default: a senior with a tremor should not have to tear the paper off. */
  cut?: 'full' | 'partial';
}

/** Font A is 12 dots wide, so the printable width in dots follows from the column count. */
const DOTS_PER_COLUMN = 12;
const QR_MODULE_SIZE = 6;
const FINAL_FEED_LINES = 4;
const FULL_WIDTH_COLON = '：';

/**
 * ¥ (U+00A5) is a 4-byte GB18030 code most printer fonts lack; ￥ (U+FFE5) is in GB2312.
 * Control characters would be read as commands, so they become spaces; line breaks split paragraphs.
 */
function paragraphs(text: string): string[] {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\u00a5/g, '\uffe5')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
      .split('\n')
  );
}

function plainLines(text: string, width: number): LaidOutLine[] {
  return paragraphs(text).flatMap((p) => wrapRuns([{ text: p, bold: false }], width));
}

function printLines(b: EscPosBuilder, lines: readonly LaidOutLine[], indent = 0): void {
  let bold = false;
  lines.forEach((line, index) => {
    if (index > 0 && indent > 0 && line.width > 0) b.text(' '.repeat(indent));
    for (const run of line.runs) {
      if (run.bold !== bold) {
        bold = run.bold;
        b.bold(bold);
      }
      b.text(run.text);
    }
    b.newline();
  });
  if (bold) b.bold(false);
}

/** Sets the style for one block, prints it, then restores the defaults so blocks never leak style. */
function styled(b: EscPosBuilder, style: { align: EscPosAlign; bold: boolean; large: boolean }, body: () => void): void {
  if (style.align !== 'left') b.align(style.align);
  if (style.large) b.size(2, 2);
  if (style.bold) b.bold(true);
  body();
  if (style.bold) b.bold(false);
  if (style.large) b.size(1, 1);
  if (style.align !== 'left') b.align('left');
}

/** Shrinks the module size only when a long payload would not fit the paper at size 6. */
function qrModuleSize(data: Uint8Array, paperDots: number): number {
  let modules: number;
  try {
    modules = QRCode.create([{ mode: 'byte', data }], { errorCorrectionLevel: 'M' }).modules.size;
  } catch {
    throw new EscPosError('ESCPOS_QR_TOO_LONG', `QR data of ${data.length} bytes does not fit a QR code at error level M`);
  }
  return Math.max(1, Math.min(QR_MODULE_SIZE, Math.floor(paperDots / modules)));
}

function encodeBlock(b: EscPosBuilder, block: ReceiptBlock, columns: number): void {
  switch (block.kind) {
    case 'heading':
      styled(b, { align: 'center', bold: true, large: true }, () => printLines(b, plainLines(block.text, Math.floor(columns / 2))));
      return;
    case 'text': {
      const large = block.size === 'large';
      const width = large ? Math.floor(columns / 2) : columns;
      styled(b, { align: block.align ?? 'left', bold: block.bold ?? false, large }, () => printLines(b, plainLines(block.text, width)));
      return;
    }
    case 'field': {
      // Label and value are one line of text; a wrapped value hangs under the value column.
      const label = paragraphs(block.label).join(' ') + FULL_WIDTH_COLON;
      const labelWidth = displayWidth(label);
      const indent = labelWidth <= columns / 2 ? labelWidth : 0;
      const runs: StyledRun[] = [
        { text: label, bold: false },
        { text: paragraphs(block.value).join(' '), bold: true },
      ];
      printLines(b, wrapRuns(runs, columns, indent), indent);
      return;
    }
    case 'rule':
      b.line('-'.repeat(columns));
      return;
    case 'qr': {
      const data = new TextEncoder().encode(block.data);
      styled(b, { align: 'center', bold: false, large: false }, () => {
        b.qrCode(data, { moduleSize: qrModuleSize(data, columns * DOTS_PER_COLUMN), errorLevel: 'M' });
        if (block.caption !== undefined) printLines(b, plainLines(block.caption, columns));
      });
      return;
    }
    case 'feed':
      b.feed(block.lines);
      return;
  }
}

/**
 * A receipt as ESC/POS bytes for an 80 mm printer: init, Chinese mode, the blocks, then a feed
 * past the cutter and a cut. Text is GB18030; QR payloads are UTF-8.
 */
export function encodeReceipt(doc: ReceiptDocument, options: EncodeReceiptOptions = {}): Uint8Array {
  const columns = options.columns ?? 48;
  if (!Number.isInteger(columns) || columns < 8 || columns > 255) {
    throw new EscPosError('ESCPOS_INVALID_ARGUMENT', `columns must be a whole number from 8 to 255, got ${columns}`);
  }
  const b = new EscPosBuilder().init().chineseMode(true);
  for (const block of doc.blocks) encodeBlock(b, block, columns);
  return b.feed(FINAL_FEED_LINES).cut(options.cut ?? 'full').build();
}
