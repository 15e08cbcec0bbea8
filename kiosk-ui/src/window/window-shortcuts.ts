import type { WindowTerminalEvent } from '@eldercare/state-machines';

/**
 * The clerk's keys. F2/F4/F8/F9 sit on the top row where a hand finds them without looking and
 * no browser uses them (F1 help, F3 find, F5 reload, F6 address bar, F7 caret browsing, F10
 * menu, F11 full screen and F12 devtools are left alone). The rarer actions take one letter;
 * letters and digits are ignored while typing in a field. In the transfer dialog a category
 * letter or a counter digit chooses the target; in the counter picker a digit picks the counter.
 */
export const SHORTCUT_KEYS = {
  callNext: 'F2',
  recall: 'F4',
  noShow: 'F8',
  finish: 'F9',
  transfer: 'T',
  pauseResume: 'P',
  open: 'O',
  close: 'X',
  dismiss: 'Esc',
} as const;

export interface ShortcutContext {
  /** The counter picker is shown with these counters: a digit picks one. */
  pickable?: readonly number[];
  /** The transfer dialog is open: its own keys apply. */
  transferring: boolean;
  paused: boolean;
  /** Category codes and counter numbers the dialog offers. */
  transferCategories: readonly string[];
  transferCounters: readonly number[];
  /** Focus is in a text field: only function keys count. */
  typing: boolean;
}

/** The machine event a key stands for here, or null (the key is left to the browser). */
export function shortcutEvent(key: string, context: ShortcutContext): WindowTerminalEvent | null {
  if (context.pickable !== undefined) {
    const number = /^[1-9]$/.test(key) && !context.typing ? Number(key) : null;
    return number !== null && context.pickable.includes(number) ? { type: 'counter.choose', number } : null;
  }
  if (context.transferring) {
    if (key === 'Escape') return { type: 'transfer.cancel' };
    const letter = key.toUpperCase();
    if (context.transferCategories.includes(letter)) return { type: 'transfer.submit', request: { toCategory: letter } };
    if (/^[1-9]$/.test(key) && context.transferCounters.includes(Number(key))) {
      return { type: 'transfer.submit', request: { toCounter: Number(key) } };
    }
    return null;
  }
  switch (key) {
    case 'F2':
      return { type: 'ticket.callNext' };
    case 'F4':
      return { type: 'ticket.recall' };
    case 'F8':
      return { type: 'ticket.noShow' };
    case 'F9':
      return { type: 'ticket.finish' };
    case 'Escape':
      return { type: 'error.dismiss' };
  }
  if (context.typing) return null;
  switch (key.toUpperCase()) {
    case 'T':
      return { type: 'transfer.start' };
    case 'P':
      return { type: context.paused ? 'counter.resume' : 'counter.pause' };
    case 'O':
      return { type: 'counter.open' };
    case 'X':
      return { type: 'counter.close' };
  }
  return null;
}
