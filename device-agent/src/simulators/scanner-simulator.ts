import type { Timers } from '../reader/timers';
import { systemTimers } from '../reader/timers';
import { BOOT_REPORT_SIZE } from '../scanner/boot-keyboard-decoder';
import { EV_KEY, EV_MSC, EV_SYN, KEY_PRESS, KEY_RELEASE, MSC_SCAN, NATIVE_INPUT_EVENT_SIZE, SYN_REPORT, encodeInputEvent, type InputEventSize } from '../scanner/input-event';
import { keyForChar } from '../scanner/us-keyboard-layout';
import type { ByteTransport } from '../transports/byte-transport';

export type ScanTerminator = 'cr' | 'crlf' | 'lf' | 'none';

export interface ScanWriteOptions {
  /** Serial: what follows the code (default CR, the factory setting of most scanners). */
  terminator?: ScanTerminator;
  /** Bytes per write (default: all at once); with gapMs this models a slow or chunked link. */
  chunkSize?: number;
  /** Pause between two writes, on the injected timers (default 0). */
  gapMs?: number;
  /** Keyboard: press Enter after the code (default true). */
  enter?: boolean;
}

export interface ScannerSimulatorOptions extends ScanWriteOptions {
  /** serial: the code's UTF-8 bytes; keyboard: evdev input_event records of a US-layout wedge. */
  mode?: 'serial' | 'keyboard';
  inputEventSize?: InputEventSize;
  /** Event timestamps (ms since the epoch). */
  now?: () => number;
  timers?: Timers;
}

const TERMINATORS: Record<ScanTerminator, Buffer> = { cr: Buffer.from('\r'), crlf: Buffer.from('\r\n'), lf: Buffer.from('\n'), none: Buffer.alloc(0) };
/** KEY_F13: what a wedge sends for a character its layout cannot type (no US key types it). */
const UNTYPEABLE_KEY = 183;
const KEY_LEFTSHIFT = 42;
const KEY_ENTER = 28;
const HID_LEFT_SHIFT = 0x02;
const HID_ENTER = 0x28;
/** HID usage F13, for the same reason as KEY_F13. */
const HID_UNTYPEABLE = 0x68;

/**
 * A QR/barcode scanner: it writes scans to a byte transport the way the hardware does, in
 * serial mode as bytes with an optional terminator, in keyboard mode as the input_event records
 * a Linux keyboard device delivers. It can also send garbage and split its writes.
 */
export class ScannerSimulator {
  private sink: Pick<ByteTransport, 'write'> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly timers: Timers;
  readonly mode: 'serial' | 'keyboard';

  constructor(private readonly options: ScannerSimulatorOptions = {}) {
    this.timers = options.timers ?? systemTimers;
    this.mode = options.mode ?? 'serial';
  }

  /** Where the scans go: the simulator's end of a duplex pair, a pty, a pipe … */
  attach(sink: Pick<ByteTransport, 'write'>): void {
    this.sink = sink;
  }

  /** Scans `text`; resolves once every byte is written. Scans never interleave. */
  scan(text: string, overrides: ScanWriteOptions = {}): Promise<void> {
    const options = { ...this.options, ...overrides };
    const bytes = this.mode === 'keyboard'
      ? encodeKeyboardScan(text, { eventSize: this.options.inputEventSize ?? NATIVE_INPUT_EVENT_SIZE, startMs: (this.options.now ?? Date.now)(), enter: options.enter ?? true })
      : Buffer.concat([Buffer.from(text, 'utf8'), TERMINATORS[options.terminator ?? 'cr']]);
    return this.send(bytes, options);
  }

  /** Writes bytes as they are: line noise, a foreign protocol, half an input_event. */
  garbage(bytes: Uint8Array, overrides: ScanWriteOptions = {}): Promise<void> {
    return this.send(Buffer.from(bytes), { ...this.options, ...overrides });
  }

  /** Waits for every scan queued so far. */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    this.sink = undefined;
  }

  private send(bytes: Buffer, options: ScanWriteOptions): Promise<void> {
    const sink = this.sink;
    if (!sink) return Promise.reject(new Error('The scanner simulator is not attached'));
    const size = options.chunkSize && options.chunkSize > 0 ? options.chunkSize : bytes.length;
    const gapMs = options.gapMs ?? 0;
    const run = async () => {
      for (let offset = 0; offset < bytes.length; offset += size) {
        if (offset > 0 && gapMs > 0) await new Promise<void>((resolve) => this.timers.setTimeout(resolve, gapMs));
        await sink.write(bytes.subarray(offset, offset + size));
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }
}

/**
 * The input_event records of a US-layout keyboard wedge typing `text`: per key MSC_SCAN, press,
 * SYN, release, SYN, with Shift around shifted characters, then Enter. Timestamps advance 1 ms
 * per record pair.
 */
export function encodeKeyboardScan(text: string, options: { eventSize?: InputEventSize; startMs?: number; enter?: boolean } = {}): Buffer {
  const size = options.eventSize ?? NATIVE_INPUT_EVENT_SIZE;
  let timeUs = Math.round((options.startMs ?? 0) * 1000);
  const records: Buffer[] = [];
  const push = (type: number, code: number, value: number) => records.push(encodeInputEvent({ timeUs, type, code, value }, size));
  const tap = (code: number) => {
    push(EV_MSC, MSC_SCAN, code);
    push(EV_KEY, code, KEY_PRESS);
    push(EV_SYN, SYN_REPORT, 0);
    timeUs += 1000;
    push(EV_KEY, code, KEY_RELEASE);
    push(EV_SYN, SYN_REPORT, 0);
    timeUs += 1000;
  };
  for (const char of text) {
    const found = keyForChar(char);
    if (!found) {
      tap(UNTYPEABLE_KEY);
      continue;
    }
    if (found.shift) push(EV_KEY, KEY_LEFTSHIFT, KEY_PRESS);
    tap(found.key.evdev);
    if (found.shift) {
      push(EV_KEY, KEY_LEFTSHIFT, KEY_RELEASE);
      push(EV_SYN, SYN_REPORT, 0);
    }
  }
  if (options.enter ?? true) tap(KEY_ENTER);
  return Buffer.concat(records);
}

/** The HID boot-keyboard reports of a wedge typing `text`: a press report and a release report per key. */
export function encodeBootKeyboardScan(text: string, options: { enter?: boolean } = {}): Buffer {
  const reports: Buffer[] = [];
  const tap = (modifiers: number, usage: number) => {
    const press = Buffer.alloc(BOOT_REPORT_SIZE);
    press[0] = modifiers;
    press[2] = usage;
    reports.push(press, Buffer.alloc(BOOT_REPORT_SIZE));
  };
  for (const char of text) {
    const found = keyForChar(char);
    if (found) tap(found.shift ? HID_LEFT_SHIFT : 0, found.key.usage);
    else tap(0, HID_UNTYPEABLE);
  }
  if (options.enter ?? true) tap(0, HID_ENTER);
  return Buffer.concat(reports);
}
