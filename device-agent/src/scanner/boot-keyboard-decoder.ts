import { ENTER_USAGES, KEYS_BY_USAGE, OTHER_MODIFIER_BITS, SHIFT_BITS, type KeyStroke } from './us-keyboard-layout';

export const BOOT_REPORT_SIZE = 8;
/** Usages 0x01–0x03 fill the key array when the keyboard cannot report its state (rollover). */
const ERROR_USAGES = new Set([0x01, 0x02, 0x03]);

/**
 * Turns HID boot-keyboard input reports (8 bytes: modifier bits, reserved, up to 6 key usages)
 * into key strokes. A key counts when it appears in a report and was not in the previous one, so
 * a scanner that sends press/release reports types each character once, and two identical
 * characters in a row need the release report between them, as on any keyboard.
 */
export class BootKeyboardDecoder {
  private pending = Buffer.alloc(0);
  private previous = new Set<number>();

  push(chunk: Buffer): KeyStroke[] {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = data.length - (data.length % BOOT_REPORT_SIZE);
    const strokes: KeyStroke[] = [];
    for (let offset = 0; offset < whole; offset += BOOT_REPORT_SIZE) {
      strokes.push(...this.report(data.subarray(offset, offset + BOOT_REPORT_SIZE)));
    }
    this.pending = Buffer.from(data.subarray(whole));
    return strokes;
  }

  reset(): void {
    this.pending = Buffer.alloc(0);
    this.previous = new Set();
  }

  private report(report: Buffer): KeyStroke[] {
    const modifiers = report[0]!;
    const keys = [...report.subarray(2)].filter((usage) => usage !== 0);
    if (keys.some((usage) => ERROR_USAGES.has(usage))) return [];
    const strokes: KeyStroke[] = [];
    for (const usage of keys) {
      if (this.previous.has(usage)) continue;
      if (ENTER_USAGES.has(usage)) {
        strokes.push({ kind: 'enter' });
        continue;
      }
      const key = KEYS_BY_USAGE.get(usage);
      if (!key || (modifiers & OTHER_MODIFIER_BITS) !== 0) strokes.push({ kind: 'invalid' });
      else strokes.push({ kind: 'char', char: (modifiers & SHIFT_BITS) !== 0 ? key.shifted : key.plain });
    }
    this.previous = new Set(keys);
    return strokes;
  }
}
