import iconv from 'iconv-lite';
import type { EscPosAlign, QrErrorLevel } from './escpos-builder';

/** A stretch of one line printed with the same attributes. */
export interface EscPosTextRun {
  text: string;
  bold: boolean;
  underline: boolean;
  /** Character width and height multipliers (GS ! / ESC !), 1–8. */
  width: number;
  height: number;
}

/** What a receipt printer would put on paper (or do), in order. */
export type EscPosItem =
  /** One printed line; bold/width/height summarise its runs (bold only when every run is). */
  | { kind: 'text'; text: string; align: EscPosAlign; bold: boolean; width: number; height: number; runs: EscPosTextRun[] }
  | { kind: 'feed'; lines: number }
  | { kind: 'feed-dots'; dots: number }
  | {
      kind: 'qr';
      /** The stored bytes decoded as UTF-8 (invalid sequences become U+FFFD); `bytes` keeps them exactly. */
      data: string;
      bytes: Uint8Array;
      align: EscPosAlign;
      model: 1 | 2 | 3;
      moduleSize: number;
      errorLevel: QrErrorLevel;
    }
  /** `feed`: the n of the GS V forms that feed before cutting, in motion units. */
  | { kind: 'cut'; partial: boolean; feed: number }
  /** DLE EOT n: a real-time status request; the printer answers one byte. */
  | { kind: 'status-query'; n: number }
  /**
   * GS ( H fn 48: a process ID (4 characters, 0x20–0x7e). A printer that supports it answers
   * `37 22 d1 d2 d3 d4 00` once everything before it has been printed.
   */
  | { kind: 'process-id'; id: string }
  /**
   * Bytes the printer would act on but that change nothing here (`unsupported`), that are not a
   * command we know (`unknown`), have an out-of-range parameter (`invalid`) or end early (`truncated`).
   */
  | { kind: 'unknown'; reason: 'unsupported' | 'unknown' | 'invalid' | 'truncated'; hex: string; length: number };

/** One command (or run of text) as it arrived, and the items it produced. */
export interface EscPosStep {
  bytes: Uint8Array;
  items: EscPosItem[];
}

export interface EscPosInterpreterOptions {
  /** Whether double-byte mode is on after power-up or ESC @; many Chinese models ship with it on. */
  chineseMode?: boolean;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;
const CR = 0x0d;

const ALIGNMENTS: readonly EscPosAlign[] = ['left', 'center', 'right'];
const QR_LEVELS: readonly QrErrorLevel[] = ['L', 'M', 'Q', 'H'];
const HEX_SHOWN = 16;

interface Mode {
  align: EscPosAlign;
  bold: boolean;
  underline: boolean;
  width: number;
  height: number;
  chinese: boolean;
}

interface PendingRun {
  bytes: number[];
  bold: boolean;
  underline: boolean;
  width: number;
  height: number;
  chinese: boolean;
}

/** Not enough bytes yet for the command starting here: `need` is how many it takes at least. */
type Incomplete = { need: number };
type Outcome = { length: number; items: EscPosItem[] } | Incomplete;
type Skip = (length: number, reason?: 'unsupported' | 'unknown' | 'invalid') => Outcome;

interface QrSettings {
  model: 1 | 2 | 3;
  moduleSize: number;
  errorLevel: QrErrorLevel;
  data: Uint8Array | null;
}

/** Epson's defaults after power-up and ESC @. */
const QR_DEFAULTS: QrSettings = { model: 2, moduleSize: 3, errorLevel: 'L', data: null };

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, HEX_SHOWN), (b) => b.toString(16).padStart(2, '0')).join(' ') + (bytes.length > HEX_SHOWN ? ' …' : '');
}

/** Fixed lengths of commands that are valid but do not change what this interpreter models. */
const ESC_FIXED: Record<number, number> = {
  0x20: 3, 0x24: 4, 0x25: 3, 0x32: 2, 0x33: 3, 0x3c: 2, 0x3d: 3, 0x3f: 3, 0x47: 3, 0x4c: 2, 0x4d: 3,
  0x52: 3, 0x53: 2, 0x54: 3, 0x55: 3, 0x56: 3, 0x57: 10, 0x5c: 4, 0x63: 4, 0x70: 5, 0x72: 3, 0x74: 3, 0x75: 3, 0x76: 2, 0x7b: 3,
};
const GS_FIXED: Record<number, number> = {
  0x23: 3, 0x24: 4, 0x2f: 3, 0x3a: 2, 0x42: 3, 0x48: 3, 0x49: 3, 0x4c: 4, 0x50: 4, 0x54: 3, 0x57: 4, 0x5c: 4, 0x5e: 5,
  0x61: 3, 0x62: 3, 0x63: 2, 0x66: 3, 0x68: 3, 0x72: 3, 0x77: 3,
};
const DLE_DC4_LENGTH: Record<number, number> = { 1: 5, 2: 5, 3: 7, 7: 4, 8: 10 };
/** ESC and GS functions interpreted (or length-parsed) below rather than through the tables. */
const ESC_HANDLED = new Set([0x21, 0x2a, 0x2d, 0x44, 0x45, 0x4a, 0x61, 0x64]);
const GS_HANDLED = new Set([0x21, 0x28, 0x2a, 0x38, 0x56, 0x6b, 0x76]);
const FS_FIXED: Record<number, number> = { 0x21: 3, 0x2d: 3, 0x43: 3, 0x53: 4, 0x57: 3, 0x70: 4 };

/** GS ( H pL pH fn m d1…d4: only fn 48 (process ID, m = 48) is modelled. */
function gsParenH(cmd: Uint8Array, skip: Skip): Outcome {
  if (cmd[5] !== 0x30) return skip(cmd.length);
  const id = cmd.subarray(7);
  if (cmd.length !== 11 || cmd[6] !== 0x30 || id.some((b) => b < 0x20 || b > 0x7e)) return skip(cmd.length, 'invalid');
  return { length: cmd.length, items: [{ kind: 'process-id', id: String.fromCharCode(...id) }] };
}

/**
 * A streaming ESC/POS interpreter: feed it bytes as they arrive and it returns each completed
 * command with the printed items it produced. It never throws on bad input: unknown or malformed
 * sequences become `unknown` items and a command cut short waits for more bytes (or, at `end()`,
 * is reported as truncated).
 */
export class EscPosInterpreter {
  private pending: Uint8Array = new Uint8Array(0);
  /** Chunks received while a long command (an image, a big QR) is still short of `needed` bytes. */
  private queued: Uint8Array[] = [];
  private queuedLength = 0;
  private needed = 0;
  private mode: Mode;
  private runs: PendingRun[] = [];
  private lineAlign: EscPosAlign | null = null;
  private qr: QrSettings = { ...QR_DEFAULTS };

  constructor(private readonly options: EscPosInterpreterOptions = {}) {
    this.mode = this.initialMode();
  }

  push(chunk: Uint8Array): EscPosStep[] {
    if (chunk.length === 0) return [];
    // Joining only once enough has arrived keeps a large command in small chunks linear.
    this.queued.push(chunk);
    this.queuedLength += chunk.length;
    if (this.pending.length + this.queuedLength < this.needed) return [];
    return this.run(this.takeQueued(), false);
  }

  private takeQueued(): Uint8Array {
    const joined = new Uint8Array(this.pending.length + this.queuedLength);
    joined.set(this.pending);
    let offset = this.pending.length;
    for (const chunk of this.queued) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    this.queued = [];
    this.queuedLength = 0;
    return joined;
  }

  /** End of stream: a held-back partial command is reported and unprinted text is flushed. */
  end(): EscPosStep[] {
    const steps = this.run(this.takeQueued(), true);
    const items = this.flushLine();
    if (items.length > 0) steps.push({ bytes: new Uint8Array(0), items });
    return steps;
  }

  private initialMode(): Mode {
    return { align: 'left', bold: false, underline: false, width: 1, height: 1, chinese: this.options.chineseMode ?? false };
  }

  private run(buf: Uint8Array, final: boolean): EscPosStep[] {
    const steps: EscPosStep[] = [];
    let i = 0;
    this.needed = 0;
    while (i < buf.length) {
      let outcome = this.command(buf, i);
      if ('need' in outcome) {
        if (!final) {
          this.needed = outcome.need;
          break;
        }
        const rest = buf.subarray(i);
        outcome = { length: rest.length, items: [{ kind: 'unknown', reason: 'truncated', hex: hexOf(rest), length: rest.length }] };
      }
      steps.push({ bytes: buf.slice(i, i + outcome.length), items: outcome.items });
      i += outcome.length;
    }
    this.pending = buf.slice(i);
    return steps;
  }

  private command(buf: Uint8Array, i: number): Outcome {
    const b = buf[i]!;
    if (b >= 0x20) return this.text(buf, i);
    const avail = buf.length - i;
    const at = (k: number): number => buf[i + k]!;
    const skip: Skip = (length, reason = 'unsupported') =>
      avail < length ? { need: length } : { length, items: [{ kind: 'unknown', reason, hex: hexOf(buf.subarray(i, i + length)), length }] };

    switch (b) {
      case LF:
        return { length: 1, items: this.printLine(1) };
      case CR:
        // Ignored unless auto line feed is configured; hosts often send CR LF.
        return { length: 1, items: [] };
      case ESC:
        if (avail < 2) return { need: 2 };
        return this.esc(buf, i, at(1), skip);
      case GS:
        if (avail < 2) return { need: 2 };
        return this.gs(buf, i, at(1), skip);
      case FS:
        if (avail < 2) return { need: 2 };
        if (at(1) === 0x26 || at(1) === 0x2e) {
          this.mode.chinese = at(1) === 0x26;
          return { length: 2, items: [] };
        }
        return skip(FS_FIXED[at(1)] ?? 2, FS_FIXED[at(1)] ? 'unsupported' : 'unknown');
      case DLE:
        if (avail < 2) return { need: 2 };
        if (at(1) === 0x04) {
          if (avail < 3) return { need: 3 };
          const n = at(2);
          if (n >= 1 && n <= 4) return { length: 3, items: [{ kind: 'status-query', n }] };
          return skip(n === 7 || n === 8 ? 4 : 3, n === 7 || n === 8 ? 'unsupported' : 'invalid');
        }
        if (at(1) === 0x05) return skip(3);
        if (at(1) === 0x14) {
          if (avail < 3) return { need: 3 };
          return skip(DLE_DC4_LENGTH[at(2)] ?? 3, DLE_DC4_LENGTH[at(2)] ? 'unsupported' : 'invalid');
        }
        return skip(1, 'unknown');
      default:
        return skip(1, 'unknown');
    }
  }

  private text(buf: Uint8Array, i: number): Outcome {
    let j = i;
    while (j < buf.length && buf[j]! >= 0x20) j++;
    const { bold, underline, width, height, chinese } = this.mode;
    let run = this.runs[this.runs.length - 1];
    if (!run || run.bold !== bold || run.underline !== underline || run.width !== width || run.height !== height || run.chinese !== chinese) {
      run = { bytes: [], bold, underline, width, height, chinese };
      this.runs.push(run);
    }
    if (this.lineAlign === null) this.lineAlign = this.mode.align;
    for (let k = i; k < j; k++) run.bytes.push(buf[k]!);
    return { length: j - i, items: [] };
  }

  private esc(buf: Uint8Array, i: number, fn: number, skip: Skip): Outcome {
    const avail = buf.length - i;
    if (fn === 0x40) {
      // ESC @ clears the print buffer and every mode.
      this.mode = this.initialMode();
      this.runs = [];
      this.lineAlign = null;
      this.qr = { ...QR_DEFAULTS };
      return { length: 2, items: [] };
    }
    if (fn === 0x69 || fn === 0x6d) return { length: 2, items: [...this.flushLine(), { kind: 'cut', partial: fn === 0x6d, feed: 0 }] };
    if (!ESC_HANDLED.has(fn)) {
      const fixed = ESC_FIXED[fn];
      return fixed ? skip(fixed) : skip(2, 'unknown');
    }
    if (avail < 3) return { need: 3 };
    const n = buf[i + 2]!;
    switch (fn) {
      case 0x21: // ESC ! n: print mode
        this.mode.bold = (n & 0x08) !== 0;
        this.mode.height = n & 0x10 ? 2 : 1;
        this.mode.width = n & 0x20 ? 2 : 1;
        this.mode.underline = (n & 0x80) !== 0;
        return { length: 3, items: [] };
      case 0x45: // ESC E n
        this.mode.bold = (n & 1) === 1;
        return { length: 3, items: [] };
      case 0x2d: // ESC - n
        this.mode.underline = n % 48 !== 0;
        return { length: 3, items: [] };
      case 0x61: { // ESC a n
        const align = ALIGNMENTS[n >= 48 ? n - 48 : n];
        if (!align) return skip(3, 'invalid');
        this.mode.align = align;
        return { length: 3, items: [] };
      }
      case 0x64: // ESC d n
        return { length: 3, items: this.printLine(n) };
      case 0x4a: // ESC J n
        return { length: 3, items: [...this.flushLine(), ...(n > 0 ? [{ kind: 'feed-dots' as const, dots: n }] : [])] };
      case 0x44: { // ESC D n1 … NUL: tab stops, at most 32
        const end = buf.subarray(i + 2, i + 35).indexOf(0);
        if (end < 0) return avail >= 35 ? skip(35, 'invalid') : { need: avail + 1 };
        return skip(end + 3);
      }
      case 0x2a: { // ESC * m nL nH data: bit image
        if (avail < 5) return { need: 5 };
        const columns = buf[i + 3]! + buf[i + 4]! * 256;
        return skip(5 + columns * (n >= 32 ? 3 : 1));
      }
      default:
        return skip(3);
    }
  }

  private gs(buf: Uint8Array, i: number, fn: number, skip: Skip): Outcome {
    const avail = buf.length - i;
    const at = (k: number): number => buf[i + k]!;
    if (!GS_HANDLED.has(fn)) {
      const fixed = GS_FIXED[fn];
      return fixed ? skip(fixed) : skip(2, 'unknown');
    }
    if (avail < 3) return { need: 3 };
    switch (fn) {
      case 0x21: { // GS ! n: width and height multipliers in the high and low nibble
        const n = at(2);
        if (n & 0x88) return skip(3, 'invalid');
        this.mode.width = (n >> 4) + 1;
        this.mode.height = (n & 0x07) + 1;
        return { length: 3, items: [] };
      }
      case 0x56: { // GS V m [n]: the four cut functions
        const m = at(2);
        if (m === 0 || m === 1 || m === 48 || m === 49) {
          return { length: 3, items: [...this.flushLine(), { kind: 'cut', partial: m % 48 === 1, feed: 0 }] };
        }
        if ([65, 66, 97, 98, 103, 104].includes(m)) {
          if (avail < 4) return { need: 4 };
          return { length: 4, items: [...this.flushLine(), { kind: 'cut', partial: m % 2 === 0, feed: at(3) }] };
        }
        return skip(3, 'invalid');
      }
      case 0x28: { // GS ( fn pL pH …: every function carries its own length
        if (avail < 5) return { need: 5 };
        const length = 5 + at(3) + at(4) * 256;
        if (avail < length) return { need: length };
        if (at(2) === 0x48) return gsParenH(buf.subarray(i, i + length), skip);
        if (at(2) !== 0x6b) return skip(length);
        return this.gsParenK(buf.subarray(i, i + length), skip);
      }
      case 0x6b: { // GS k m …: barcodes, NUL-terminated (m 0–6) or counted (m 65–79)
        const m = at(2);
        if (m <= 6) {
          const end = buf.subarray(i + 3, i + 259).indexOf(0);
          if (end < 0) return avail >= 259 ? skip(259, 'invalid') : { need: avail + 1 };
          return skip(end + 4);
        }
        if (avail < 4) return { need: 4 };
        return skip(4 + at(3));
      }
      case 0x76: { // GS v 0 m xL xH yL yH data: raster image
        if (avail < 8) return { need: 8 };
        return skip(8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256));
      }
      case 0x38: { // GS 8 L p1 p2 p3 p4 …: graphics with a 32-bit length
        if (avail < 7) return { need: 7 };
        return skip(7 + at(3) + at(4) * 0x100 + at(5) * 0x10000 + at(6) * 0x1000000);
      }
      case 0x2a: { // GS * x y data: downloaded bit image
        if (avail < 4) return { need: 4 };
        return skip(4 + at(2) * at(3) * 8);
      }
      default:
        return skip(3);
    }
  }

  /** GS ( k: the QR functions; other symbologies and functions are skipped by their length. */
  private gsParenK(cmd: Uint8Array, skip: Skip): Outcome {
    const done: Outcome = { length: cmd.length, items: [] };
    if (cmd.length < 7) return skip(cmd.length, 'invalid');
    if (cmd[5] !== 0x31) return skip(cmd.length);
    const fn = cmd[6]!;
    const p = cmd.subarray(7);
    switch (fn) {
      case 0x41: { // model: 49, 50 or 51 (micro)
        const model = p[0] !== undefined ? p[0] - 48 : 0;
        if (model !== 1 && model !== 2 && model !== 3) return skip(cmd.length, 'invalid');
        this.qr.model = model;
        return done;
      }
      case 0x43: { // module size in dots
        const size = p[0] ?? 0;
        if (size < 1 || size > 16) return skip(cmd.length, 'invalid');
        this.qr.moduleSize = size;
        return done;
      }
      case 0x45: { // error correction level 48–51
        const level = QR_LEVELS[(p[0] ?? 0) - 48];
        if (!level) return skip(cmd.length, 'invalid');
        this.qr.errorLevel = level;
        return done;
      }
      case 0x50: // store: m = 48, then the data
        if (p[0] !== 0x30 || p.length < 2) return skip(cmd.length, 'invalid');
        this.qr.data = p.slice(1);
        return done;
      case 0x51: { // print the stored symbol
        const data = this.qr.data;
        if (!data) return skip(cmd.length, 'invalid');
        const { model, moduleSize, errorLevel } = this.qr;
        return {
          length: cmd.length,
          items: [
            ...this.flushLine(),
            { kind: 'qr', data: new TextDecoder().decode(data), bytes: data.slice(), align: this.mode.align, model, moduleSize, errorLevel },
          ],
        };
      }
      default:
        return skip(cmd.length);
    }
  }

  /** LF / ESC d n: prints the buffer (that itself advances one line), then feeds the rest. */
  private printLine(lines: number): EscPosItem[] {
    const items = this.flushLine();
    const extra = items.length > 0 ? lines - 1 : lines;
    if (extra > 0) items.push({ kind: 'feed', lines: extra });
    return items;
  }

  private flushLine(): EscPosItem[] {
    if (this.runs.length === 0) return [];
    const runs: EscPosTextRun[] = this.runs.map((r) => ({
      text: iconv.decode(Buffer.from(r.bytes), r.chinese ? 'gb18030' : 'cp437'),
      bold: r.bold,
      underline: r.underline,
      width: r.width,
      height: r.height,
    }));
    const align = this.lineAlign ?? this.mode.align;
    this.runs = [];
    this.lineAlign = null;
    return [
      {
        kind: 'text',
        text: runs.map((r) => r.text).join(''),
        align,
        bold: runs.every((r) => r.bold),
        // reduce, not Math.max(...): a hostile stream can put more runs on a line than fit in arguments
        width: runs.reduce((m, r) => Math.max(m, r.width), 1),
        height: runs.reduce((m, r) => Math.max(m, r.height), 1),
        runs,
      },
    ];
  }
}

/** Adjacent line feeds become one feed item, so blank space reads as one gap. */
export function mergeFeeds(items: readonly EscPosItem[]): EscPosItem[] {
  const out: EscPosItem[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.kind === 'feed' && last?.kind === 'feed') out[out.length - 1] = { kind: 'feed', lines: last.lines + item.lines };
    else out.push(item);
  }
  return out;
}

/** Interprets a complete byte stream: what the printer would print, in order. */
export function parseEscPos(bytes: Uint8Array, options: EscPosInterpreterOptions = {}): EscPosItem[] {
  const interpreter = new EscPosInterpreter(options);
  const steps = [...interpreter.push(bytes), ...interpreter.end()];
  return mergeFeeds(steps.flatMap((s) => s.items));
}
