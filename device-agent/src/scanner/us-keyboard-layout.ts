/**
 * The US keyboard layout a keyboard-wedge scanner types in (set the scanner to "US keyboard"):
 * each key's character without and with Shift, its Linux key code (linux/input-event-codes.h)
 * and its HID usage (HID Usage Tables, page 0x07). Keypad keys type as with Num Lock on.
 */
export interface KeyDefinition {
  readonly plain: string;
  readonly shifted: string;
  readonly evdev: number;
  readonly usage: number;
}

const key = (plain: string, shifted: string, evdev: number, usage: number): KeyDefinition => ({ plain, shifted, evdev, usage });

const LETTER_EVDEV: Record<string, number> = {
  q: 16, w: 17, e: 18, r: 19, t: 20, y: 21, u: 22, i: 23, o: 24, p: 25,
  a: 30, s: 31, d: 32, f: 33, g: 34, h: 35, j: 36, k: 37, l: 38,
  z: 44, x: 45, c: 46, v: 47, b: 48, n: 49, m: 50,
};

/** The keys that type printable ASCII: letters, digits, punctuation, space. */
const MAIN_KEYS: readonly KeyDefinition[] = [
  // Letters: usages 0x04 (a) … 0x1d (z).
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c, i) => key(c, c.toUpperCase(), LETTER_EVDEV[c]!, 0x04 + i)),
  // Top-row digits: KEY_1 = 2 … KEY_0 = 11; usages 0x1e (1) … 0x27 (0).
  ...'1234567890'.split('').map((c, i) => key(c, '!@#$%^&*()'[i]!, 2 + i, 0x1e + i)),
  key('-', '_', 12, 0x2d),
  key('=', '+', 13, 0x2e),
  key('[', '{', 26, 0x2f),
  key(']', '}', 27, 0x30),
  key('\\', '|', 43, 0x31),
  key(';', ':', 39, 0x33),
  key("'", '"', 40, 0x34),
  key('`', '~', 41, 0x35),
  key(',', '<', 51, 0x36),
  key('.', '>', 52, 0x37),
  key('/', '?', 53, 0x38),
  key(' ', ' ', 57, 0x2c),
];

export const US_KEYS: readonly KeyDefinition[] = [
  ...MAIN_KEYS,
  // Control keys type control characters, which the payload check rejects.
  key('\t', '\t', 15, 0x2b),
  key('\u001b', '\u001b', 1, 0x29),
  key('\b', '\b', 14, 0x2a),
  // Keypad.
  key('/', '/', 98, 0x54),
  key('*', '*', 55, 0x55),
  key('-', '-', 74, 0x56),
  key('+', '+', 78, 0x57),
  ...'1234567890'.split('').map((c, i) => key(c, c, [79, 80, 81, 75, 76, 77, 71, 72, 73, 82][i]!, 0x59 + i)),
  key('.', '.', 83, 0x63),
];

/** Keys that end a scan: Enter and keypad Enter. */
export const ENTER_EVDEV = new Set([28, 96]);
export const ENTER_USAGES = new Set([0x28, 0x58]);

/** Linux key codes of the modifier keys (KEY_LEFTSHIFT, KEY_RIGHTSHIFT; Ctrl, Alt, Meta). */
export const SHIFT_EVDEV = new Set([42, 54]);
export const OTHER_MODIFIER_EVDEV = new Set([29, 97, 56, 100, 125, 126]);
/** Lock keys type nothing. */
export const LOCK_EVDEV = new Set([58, 69, 70]);

/** The boot report's modifier byte: bit 1 left Shift, bit 5 right Shift; the rest Ctrl/Alt/GUI. */
export const SHIFT_BITS = 0x22;
export const OTHER_MODIFIER_BITS = 0xdd;

export const KEYS_BY_EVDEV: ReadonlyMap<number, KeyDefinition> = new Map(US_KEYS.map((k) => [k.evdev, k]));
export const KEYS_BY_USAGE: ReadonlyMap<number, KeyDefinition> = new Map(US_KEYS.map((k) => [k.usage, k]));

/** What a key press types, for the decoders: a character, Enter, or something no scan contains. */
export type KeyStroke = { kind: 'char'; char: string } | { kind: 'enter' } | { kind: 'invalid' };

/** For the simulator: the main-block key and Shift state that type a printable ASCII character. */
export function keyForChar(char: string): { key: KeyDefinition; shift: boolean } | undefined {
  for (const k of MAIN_KEYS) {
    if (k.plain === char) return { key: k, shift: false };
    if (k.shifted === char) return { key: k, shift: true };
  }
  return undefined;
}
