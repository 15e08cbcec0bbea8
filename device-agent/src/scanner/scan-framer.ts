import { MAX_SCAN_LENGTH } from '@eldercare/domain';
import type { Timers } from '../reader/timers';

export interface ScanFramerOptions {
  /** A pause this long after the last byte ends a code (scanners that send no terminator). */
  interByteTimeoutMs: number;
  timers: Timers;
}

/** A frame longer than this cannot be a valid scan (4 UTF-8 bytes per character at most). */
export const MAX_SCAN_BYTES = MAX_SCAN_LENGTH * 4;

/**
 * Frames a serial scanner's byte stream into one buffer per scan: a CR or LF ends a scan (CR LF
 * counts once), and so does a pause of interByteTimeoutMs. Bytes past MAX_SCAN_BYTES are dropped
 * but counted, so an endless stream still ends as one overlong frame and never grows memory.
 */
export class ScanFramer {
  private chunks: Buffer[] = [];
  private length = 0;
  private overflow = false;
  private timer: unknown;

  constructor(
    private readonly options: ScanFramerOptions,
    private readonly onFrame: (frame: Buffer, overflow: boolean) => void,
  ) {
    if (!Number.isFinite(options.interByteTimeoutMs) || options.interByteTimeoutMs <= 0) {
      throw new RangeError(`interByteTimeoutMs must be a positive number of milliseconds, got ${options.interByteTimeoutMs}`);
    }
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 0x0d && byte !== 0x0a) continue;
      this.append(chunk.subarray(start, i));
      start = i + 1;
      this.flush();
    }
    this.append(chunk.subarray(start));
    const { timers } = this.options;
    timers.clearTimeout(this.timer);
    if (this.length > 0 || this.overflow) this.timer = timers.setTimeout(() => this.flush(), this.options.interByteTimeoutMs);
  }

  /** Ends the current frame now, if there is one. */
  flush(): void {
    this.options.timers.clearTimeout(this.timer);
    if (this.length === 0 && !this.overflow) return;
    const frame = Buffer.concat(this.chunks);
    const overflow = this.overflow;
    this.reset();
    this.onFrame(frame, overflow);
  }

  /** Drops a partial frame (the link was lost mid-scan). */
  reset(): void {
    this.options.timers.clearTimeout(this.timer);
    this.chunks = [];
    this.length = 0;
    this.overflow = false;
  }

  private append(part: Buffer): void {
    if (part.length === 0) return;
    const room = MAX_SCAN_BYTES - this.length;
    if (part.length > room) this.overflow = true;
    const kept = part.subarray(0, Math.max(0, room));
    if (kept.length === 0) return;
    this.chunks.push(Buffer.from(kept));
    this.length += kept.length;
  }
}
