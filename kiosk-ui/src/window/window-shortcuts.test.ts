import { describe, expect, it } from 'vitest';
import { shortcutEvent, type ShortcutContext } from './window-shortcuts';

const AT_COUNTER: ShortcutContext = { transferring: false, paused: false, transferCategories: [], transferCounters: [], typing: false };

describe('shortcutEvent', () => {
  it('maps the function keys to the calling actions, also while typing', () => {
    expect(shortcutEvent('F2', AT_COUNTER)).toEqual({ type: 'ticket.callNext' });
    expect(shortcutEvent('F4', AT_COUNTER)).toEqual({ type: 'ticket.recall' });
    expect(shortcutEvent('F8', AT_COUNTER)).toEqual({ type: 'ticket.noShow' });
    expect(shortcutEvent('F9', { ...AT_COUNTER, typing: true })).toEqual({ type: 'ticket.finish' });
  });

  it('leaves browser keys alone', () => {
    for (const key of ['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'Enter', ' ', 'Tab']) expect(shortcutEvent(key, AT_COUNTER)).toBeNull();
  });

  it('takes letters only outside text fields; P pauses or resumes', () => {
    expect(shortcutEvent('t', AT_COUNTER)).toEqual({ type: 'transfer.start' });
    expect(shortcutEvent('p', AT_COUNTER)).toEqual({ type: 'counter.pause' });
    expect(shortcutEvent('P', { ...AT_COUNTER, paused: true })).toEqual({ type: 'counter.resume' });
    expect(shortcutEvent('o', AT_COUNTER)).toEqual({ type: 'counter.open' });
    expect(shortcutEvent('x', AT_COUNTER)).toEqual({ type: 'counter.close' });
    expect(shortcutEvent('x', { ...AT_COUNTER, typing: true })).toBeNull();
  });

  it('in the transfer dialog, a category letter or a counter digit chooses; Esc cancels; nothing else', () => {
    const dialog = { ...AT_COUNTER, transferring: true, transferCategories: ['B', 'C'], transferCounters: [2, 3] };
    expect(shortcutEvent('b', dialog)).toEqual({ type: 'transfer.submit', request: { toCategory: 'B' } });
    expect(shortcutEvent('3', dialog)).toEqual({ type: 'transfer.submit', request: { toCounter: 3 } });
    expect(shortcutEvent('1', dialog)).toBeNull();
    expect(shortcutEvent('A', dialog)).toBeNull();
    expect(shortcutEvent('F9', dialog)).toBeNull();
    expect(shortcutEvent('Escape', dialog)).toEqual({ type: 'transfer.cancel' });
  });

  it('in the counter picker, a digit picks that counter', () => {
    const picker = { ...AT_COUNTER, pickable: [1, 2, 3, 4] };
    expect(shortcutEvent('3', picker)).toEqual({ type: 'counter.choose', number: 3 });
    expect(shortcutEvent('5', picker)).toBeNull();
    expect(shortcutEvent('F2', picker)).toBeNull();
  });
});
