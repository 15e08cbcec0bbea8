import { MAX_SCAN_LENGTH } from '@eldercare/domain';
import type { Timers } from '../reader/timers';
import type { KeyStroke } from './us-keyboard-layout';

export interface KeyboardScanAssemblerOptions {
  /** Keys that stop for this long without Enter end the scan anyway (scanners set without suffix). */
  idleMs: number;
  timers: Timers;
}

/**
 * Collects typed characters into one scan that Enter ends. A key no scan may contain becomes
 * U+FFFD, so that the payload check rejects the scan (SCAN_INVALID_CHARACTERS) rather than the
 * key vanishing and leaving a different, valid-looking code. Enter with nothing typed is ignored.
 */
export class KeyboardScanAssembler {
  private text = '';
  private timer: unknown;

  constructor(
    private readonly options: KeyboardScanAssemblerOptions,
    private readonly onScan: (text: string) => void,
  ) {
    if (!Number.isFinite(options.idleMs) || options.idleMs <= 0) throw new RangeError(`idleMs must be a positive number of milliseconds, got ${options.idleMs}`);
  }

  push(strokes: readonly KeyStroke[]): void {
    for (const stroke of strokes) {
      if (stroke.kind === 'enter') {
        this.flush();
        continue;
      }
      // One past the limit is enough for the check to say SCAN_TOO_LONG.
      if (this.text.length <= MAX_SCAN_LENGTH) this.text += stroke.kind === 'char' ? stroke.char : '\ufffd';
    }
    const { timers } = this.options;
    timers.clearTimeout(this.timer);
    if (this.text.length > 0) this.timer = timers.setTimeout(() => this.flush(), this.options.idleMs);
  }

  flush(): void {
    this.options.timers.clearTimeout(this.timer);
    const text = this.text;
    this.text = '';
    if (text.length > 0) this.onScan(text);
  }

  reset(): void {
    this.options.timers.clearTimeout(this.timer);
    this.text = '';
  }
}
