import iconv from 'iconv-lite';
import { EscPosError } from './escpos-error';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

export type EscPosAlign = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

const ALIGN_CODE: Record<EscPosAlign, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL_CODE: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** GS ( k stores at most 7089 numeric characters (the QR maximum); pL/pH then count 3 bytes more. */
export const QR_MAX_STORE_BYTES = 7089;

// C0 controls and DEL: in printed text they would be read as commands (ESC, GS, DLE …).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function byteArg(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EscPosError('ESCPOS_INVALID_ARGUMENT', `${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Appends ESC/POS commands and returns them as one byte array. Text is encoded as GB18030, which
 * the printer reads as Chinese only after `chineseMode(true)` (FS &).
 */
export class EscPosBuilder {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  /** Raw bytes, appended as they are. */
  raw(bytes: Uint8Array | readonly number[]): this {
    const chunk = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.chunks.push(chunk);
    this.length += chunk.length;
    return this;
  }

  /** ESC @: clears the buffer and resets modes. */
  init(): this {
    return this.raw([ESC, 0x40]);
  }

  /** FS & / FS .: double-byte (GB18030) character mode on or off. */
  chineseMode(on: boolean): this {
    return this.raw([FS, on ? 0x26 : 0x2e]);
  }

  /** Text without a line feed. Control characters are refused: they would inject commands. */
  text(text: string): this {
    if (CONTROL.test(text)) throw new EscPosError('ESCPOS_CONTROL_CHARACTER', 'text must not contain control characters');
    return this.raw(iconv.encode(text, 'gb18030'));
  }

  /** Text followed by LF. */
  line(text = ''): this {
    return this.text(text).newline();
  }

  /** LF: prints the buffer and feeds one line. */
  newline(): this {
    return this.raw([LF]);
  }

  /** ESC a n: justification, effective at the start of a line. */
  align(align: EscPosAlign): this {
    return this.raw([ESC, 0x61, ALIGN_CODE[align]]);
  }

  /** GS ! n: character width and height multipliers, 1–8 each. */
  size(width: number, height: number): this {
    const w = byteArg('width', width, 1, 8) - 1;
    const h = byteArg('height', height, 1, 8) - 1;
    return this.raw([GS, 0x21, (w << 4) | h]);
  }

  /** ESC E n: emphasised (bold) on or off. */
  bold(on: boolean): this {
    return this.raw([ESC, 0x45, on ? 1 : 0]);
  }

  /** ESC d n: prints the buffer and feeds n lines. */
  feed(lines: number): this {
    return this.raw([ESC, 0x64, byteArg('lines', lines, 0, 255)]);
  }

  /** GS V 0 / GS V 1: full or partial cut at the current position (feed past the cutter first). */
  cut(mode: 'full' | 'partial' = 'full'): this {
    return this.raw([GS, 0x56, mode === 'full' ? 0x00 : 0x01]);
  }

  /** GS ( k, QR function 165: select model (1, 2 or micro). */
  qrModel(model: 1 | 2 = 2): this {
    return this.raw([GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x30 + model, 0x00]);
  }

  /** GS ( k, QR function 167: module size in dots, 1–16. */
  qrModuleSize(dots: number): this {
    return this.raw([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, byteArg('module size', dots, 1, 16)]);
  }

  /** GS ( k, QR function 169: error correction level. */
  qrErrorLevel(level: QrErrorLevel): this {
    return this.raw([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, QR_LEVEL_CODE[level]]);
  }

  /** GS ( k, QR function 180: stores the symbol data; pL pH count the data plus `31 50 30`. */
  qrStore(data: string | Uint8Array): this {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (bytes.length < 1 || bytes.length > QR_MAX_STORE_BYTES) {
      throw new EscPosError('ESCPOS_QR_TOO_LONG', `QR data must be 1 to ${QR_MAX_STORE_BYTES} bytes, got ${bytes.length}`);
    }
    const k = bytes.length + 3;
    return this.raw([GS, 0x28, 0x6b, k & 0xff, k >> 8, 0x31, 0x50, 0x30]).raw(bytes);
  }

  /** GS ( k, QR function 181: prints the stored symbol. */
  qrPrint(): this {
    return this.raw([GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);
  }

  /** The whole QR sequence: model 2, module size, error level, store, print. String data is sent as UTF-8. */
  qrCode(data: string | Uint8Array, options: { moduleSize?: number; errorLevel?: QrErrorLevel } = {}): this {
    return this.qrModel(2)
      .qrModuleSize(options.moduleSize ?? 6)
      .qrErrorLevel(options.errorLevel ?? 'M')
      .qrStore(data)
      .qrPrint();
  }

  build(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
