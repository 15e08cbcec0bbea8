import { ScanRejectedError, parseScanPayload, type ParseScanOptions, type ScanPayload, type ScannerState, type ScannerStatus } from '@eldercare/domain';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';
import { BootKeyboardDecoder } from './boot-keyboard-decoder';
import { decodeScanBytes } from './decode-scan-bytes';
import { EvdevKeyDecoder } from './evdev-key-decoder';
import type { InputEventSize } from './input-event';
import { KeyboardScanAssembler } from './keyboard-scan-assembler';
import { ScanFramer } from './scan-framer';
import type { KeyStroke } from './us-keyboard-layout';

/**
 * serial: the scanner sends the code's bytes (CDC/VCP serial, TCP, or a HID POS scanner through
 * a hid: byte transport — mode "hid"); keyboard: it types the code as key presses, which arrive
 * as evdev input_event records or as HID boot-keyboard reports.
 */
export type ScannerMode = 'serial' | 'hid' | 'keyboard';
export type KeyboardProtocol = 'evdev' | 'hid-boot';

export interface ScannerDeviceOptions {
  mode?: ScannerMode;
  /** Keyboard mode only: what the transport delivers (default evdev). */
  keyboardProtocol?: KeyboardProtocol;
  /** Serial: a pause this long ends a code that came without CR/LF (default 50 ms). */
  interByteTimeoutMs?: number;
  /** Keyboard: keys that stop this long without Enter end the code (default 500 ms). */
  keyboardIdleMs?: number;
  /** Wait between attempts to (re)open a lost or missing scanner (default 2 s, like the reader). */
  reconnectMs?: number;
  /** evdev record size; default the running machine's. */
  inputEventSize?: InputEventSize;
  parse?: ParseScanOptions;
  timers?: Timers;
}

export type ScannerEvent =
  | { type: 'scan.read'; scan: ScanPayload }
  | { type: 'scan.rejected'; code: string }
  | { type: 'scanner.state'; state: ScannerState; error?: string };

/**
 * The scanner as the agent sees it: a link (re)opened until it works, a decoder for its mode,
 * and every scan checked by parseScanPayload before anyone hears of it. Events carry the
 * payload; nothing here logs it (a personal code is never logged).
 */
export class ScannerDevice {
  private readonly timers: Timers;
  private readonly reconnectMs: number;
  private readonly mode: ScannerMode;
  private readonly listeners = new Set<(event: ScannerEvent) => void>();
  private readonly framer: ScanFramer | undefined;
  private readonly keys: { decoder: EvdevKeyDecoder | BootKeyboardDecoder; assembler: KeyboardScanAssembler } | undefined;
  private connected = false;
  private started = false;
  private closed = false;
  private retryTimer: unknown;
  private linkError: string | undefined;

  constructor(
    readonly address: string,
    private readonly transport: ByteTransport,
    private readonly options: ScannerDeviceOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.reconnectMs = options.reconnectMs ?? 2000;
    this.mode = options.mode ?? 'serial';
    if (this.mode === 'keyboard') {
      const decoder = options.keyboardProtocol === 'hid-boot' ? new BootKeyboardDecoder() : new EvdevKeyDecoder(options.inputEventSize);
      const assembler = new KeyboardScanAssembler({ idleMs: options.keyboardIdleMs ?? 500, timers: this.timers }, (text) => this.accept(text));
      this.keys = { decoder, assembler };
    } else {
      this.framer = new ScanFramer({ interByteTimeoutMs: options.interByteTimeoutMs ?? 50, timers: this.timers }, (frame, overflow) => this.frame(frame, overflow));
    }
    transport.onData((chunk) => this.data(chunk));
    transport.onClose((err) => {
      if (this.closed || !err) return;
      this.connected = false;
      this.linkError = 'SCANNER_DISCONNECTED';
      this.resetDecoders();
      this.emitState();
      this.scheduleConnect();
    });
  }

  get status(): ScannerStatus {
    const state: ScannerState = this.connected ? 'ready' : 'offline';
    return {
      address: this.address,
      mode: this.mode === 'keyboard' ? 'keyboard' : 'serial',
      state,
      ...(!this.connected && this.linkError ? { lastError: this.linkError } : {}),
    };
  }

  on(listener: (event: ScannerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts connecting; never throws (an absent scanner is a state, not a crash). */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.connected = false;
    this.timers.clearTimeout(this.retryTimer);
    this.resetDecoders();
    await this.transport.close().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.transport.isOpen) await this.transport.open();
    } catch (err) {
      this.linkError = (err as { code?: string }).code ?? 'TRANSPORT_OPEN_FAILED';
      this.emitState();
      this.scheduleConnect();
      return;
    }
    if (this.closed) return;
    this.connected = true;
    this.linkError = undefined;
    this.emitState();
  }

  private scheduleConnect(): void {
    if (this.closed) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.timers.setTimeout(() => void this.connect(), this.reconnectMs);
  }

  private data(chunk: Buffer): void {
    if (this.keys) {
      const strokes: KeyStroke[] = this.keys.decoder.push(chunk);
      if (strokes.length > 0) this.keys.assembler.push(strokes);
    } else {
      this.framer!.push(chunk);
    }
  }

  private frame(frame: Buffer, overflow: boolean): void {
    if (overflow) return this.emit({ type: 'scan.rejected', code: 'SCAN_TOO_LONG' });
    const text = decodeScanBytes(frame);
    if (text === undefined) return this.emit({ type: 'scan.rejected', code: 'SCAN_INVALID_ENCODING' });
    this.accept(text);
  }

  private accept(text: string): void {
    let scan: ScanPayload;
    try {
      scan = parseScanPayload(text, this.options.parse);
    } catch (err) {
      if (err instanceof ScanRejectedError) return this.emit({ type: 'scan.rejected', code: err.code });
      throw err;
    }
    this.emit({ type: 'scan.read', scan });
  }

  private resetDecoders(): void {
    this.framer?.reset();
    this.keys?.decoder.reset();
    this.keys?.assembler.reset();
  }

  private emitState(): void {
    const { state, lastError } = this.status;
    this.emit({ type: 'scanner.state', state, ...(lastError ? { error: lastError } : {}) });
  }

  private emit(event: ScannerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
