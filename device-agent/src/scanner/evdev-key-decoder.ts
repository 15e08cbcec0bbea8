import { EV_KEY, KEY_PRESS, KEY_RELEASE, NATIVE_INPUT_EVENT_SIZE, decodeInputEvent, type InputEventSize } from './input-event';
import { ENTER_EVDEV, KEYS_BY_EVDEV, LOCK_EVDEV, OTHER_MODIFIER_EVDEV, SHIFT_EVDEV, type KeyStroke } from './us-keyboard-layout';

/**
 * Turns the bytes of an input device into key strokes: whole `input_event` records (a read may
 * end mid-record; the rest is kept), key presses only (value 1; autorepeat 2 is ignored), with
 * Shift tracked from presses and releases. A key typed with Ctrl, Alt or Meta held, or a key
 * with no US-layout character, is `invalid`: no code we accept contains one.
 */
export class EvdevKeyDecoder {
  private pending = Buffer.alloc(0);
  private readonly shiftDown = new Set<number>();
  private readonly otherDown = new Set<number>();

  constructor(private readonly eventSize: InputEventSize = NATIVE_INPUT_EVENT_SIZE) {}

  push(chunk: Buffer): KeyStroke[] {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = data.length - (data.length % this.eventSize);
    const strokes: KeyStroke[] = [];
    for (let offset = 0; offset < whole; offset += this.eventSize) {
      const event = decodeInputEvent(data, offset, this.eventSize);
      if (event.type !== EV_KEY) continue;
      const stroke = this.key(event.code, event.value);
      if (stroke) strokes.push(stroke);
    }
    this.pending = Buffer.from(data.subarray(whole));
    return strokes;
  }

  /** Forgets a partial record and held modifiers (after the link was lost). */
  reset(): void {
    this.pending = Buffer.alloc(0);
    this.shiftDown.clear();
    this.otherDown.clear();
  }

  private key(code: number, value: number): KeyStroke | undefined {
    const modifier = SHIFT_EVDEV.has(code) ? this.shiftDown : OTHER_MODIFIER_EVDEV.has(code) ? this.otherDown : undefined;
    if (modifier) {
      if (value === KEY_PRESS) modifier.add(code);
      else if (value === KEY_RELEASE) modifier.delete(code);
      return undefined;
    }
    if (value !== KEY_PRESS || LOCK_EVDEV.has(code)) return undefined;
    if (ENTER_EVDEV.has(code)) return { kind: 'enter' };
    const key = KEYS_BY_EVDEV.get(code);
    if (!key || this.otherDown.size > 0) return { kind: 'invalid' };
    return { kind: 'char', char: this.shiftDown.size > 0 ? key.shifted : key.plain };
  }
}
