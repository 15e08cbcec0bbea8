import { Transform, type TransformCallback } from 'node:stream';
import { GA467_HEADER_LENGTH, GA467_MIN_LENGTH, GA467_PREAMBLE, xorChecksum } from './ga467-frame';

/**
 * Why bytes were dropped:
 *   garbage   bytes before a preamble (line noise, the tail of a frame we lost the start of)
 *   length    a preamble followed by an impossible length
 *   checksum  a whole candidate frame whose XOR check failed
 *   truncated an incomplete frame left when the stream ended or was reset
 */
export interface FrameRejection {
  reason: 'garbage' | 'length' | 'checksum' | 'truncated';
  /** How many bytes were discarded for this reason. */
  bytes: number;
}

export interface SplitResult {
  frames: Buffer[];
  rejections: FrameRejection[];
  /** Bytes that may still become a frame: prepend them to the next chunk. */
  rest: Buffer;
}

export interface FrameSplitterOptions {
  /**
   * The largest LEN accepted. The longest GA 467 reply (text, photo and fingerprints) is about
   * 2.3 kB; anything far beyond is noise that happens to follow a preamble.
   */
  maxLength?: number;
}

export const DEFAULT_MAX_FRAME_LENGTH = 4096;

/**
 * The pure core of the splitter: finds every whole, valid frame in `buffer`. It never throws on
 * any input; resynchronisation is always "skip to the next preamble".
 */
export function splitFrames(buffer: Buffer, options: FrameSplitterOptions = {}): SplitResult {
  const maxLength = options.maxLength ?? DEFAULT_MAX_FRAME_LENGTH;
  const frames: Buffer[] = [];
  const rejections: FrameRejection[] = [];
  let pos = 0;
  while (pos < buffer.length) {
    const start = buffer.indexOf(GA467_PREAMBLE, pos);
    if (start < 0) {
      // Keep a tail that could be the first bytes of a preamble split across chunks.
      const keep = partialPreambleSuffix(buffer, pos);
      const dropped = buffer.length - pos - keep;
      if (dropped > 0) rejections.push({ reason: 'garbage', bytes: dropped });
      pos = buffer.length - keep;
      break;
    }
    if (start > pos) rejections.push({ reason: 'garbage', bytes: start - pos });
    pos = start;
    if (buffer.length - start < GA467_HEADER_LENGTH) break;
    const length = buffer.readUInt16BE(start + 5);
    if (length < GA467_MIN_LENGTH || length > maxLength) {
      pos = skipToNextPreamble(buffer, start, rejections, 'length');
      continue;
    }
    const end = start + GA467_HEADER_LENGTH + length;
    if (end > buffer.length) break;
    if (xorChecksum(buffer, start + 5, end - 1) !== buffer[end - 1]) {
      pos = skipToNextPreamble(buffer, start, rejections, 'checksum');
      continue;
    }
    frames.push(Buffer.from(buffer.subarray(start, end)));
    pos = end;
  }
  return { frames, rejections, rest: Buffer.from(buffer.subarray(pos)) };
}

/** Drops the bad candidate at `start` up to the next preamble (which may lie inside it). */
function skipToNextPreamble(buffer: Buffer, start: number, rejections: FrameRejection[], reason: FrameRejection['reason']): number {
  const next = buffer.indexOf(GA467_PREAMBLE, start + 1);
  const resume = next < 0 ? buffer.length - partialPreambleSuffix(buffer, start + 1) : next;
  rejections.push({ reason, bytes: resume - start });
  return resume;
}

/** Length of the longest suffix of buffer[from..] that is a proper prefix of the preamble. */
function partialPreambleSuffix(buffer: Buffer, from: number): number {
  const max = Math.min(GA467_PREAMBLE.length - 1, buffer.length - from);
  for (let n = max; n > 0; n--) {
    if (buffer.subarray(buffer.length - n).equals(GA467_PREAMBLE.subarray(0, n))) return n;
  }
  return 0;
}

/**
 * A Transform stream from raw bytes to whole GA 467 frames (object mode on the readable side).
 * Dropped bytes are reported with a `frame.rejected` event and counted in `stats`; the stream
 * never errors on bad input.
 */
export class Ga467FrameSplitter extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  private readonly maxLength: number;
  readonly stats = { frames: 0, rejected: 0, droppedBytes: 0 };

  constructor(options: FrameSplitterOptions = {}) {
    super({ readableObjectMode: true });
    const maxLength = options.maxLength ?? DEFAULT_MAX_FRAME_LENGTH;
    if (!Number.isInteger(maxLength) || maxLength < GA467_MIN_LENGTH || maxLength > 0xffff) {
      throw new TypeError(`maxLength must be an integer from ${GA467_MIN_LENGTH} to 65535, got ${String(options.maxLength)}`);
    }
    this.maxLength = maxLength;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const input = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const { frames, rejections, rest } = splitFrames(input, { maxLength: this.maxLength });
    this.pending = rest;
    for (const rejection of rejections) this.reject(rejection);
    for (const frame of frames) {
      this.stats.frames++;
      this.push(frame);
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.reset();
    callback();
  }

  /** Drops whatever partial frame is buffered, e.g. before a new command so stale bytes cannot answer it. */
  reset(): void {
    if (this.pending.length > 0) this.reject({ reason: 'truncated', bytes: this.pending.length });
    this.pending = Buffer.alloc(0);
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  private reject(rejection: FrameRejection): void {
    this.stats.rejected++;
    this.stats.droppedBytes += rejection.bytes;
    this.emit('frame.rejected', rejection);
  }
}
