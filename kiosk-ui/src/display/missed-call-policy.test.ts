import type { QueueEvent } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createMissedCallPolicy, MISSED_CALL_MAX_AGE_MS } from './missed-call-policy';

const NOW = Date.parse('2026-12-01T02:00:00.000Z');
const call = (id: string, ageMs = 0): Extract<QueueEvent, { type: 'ticket.called' }> => ({
  id,
  centreId: 'c',
  at: new Date(NOW - ageMs).toISOString(),
  type: 'ticket.called',
  ticketNo: 'A001',
  category: 'A',
  counterNumber: 1,
  callCount: 1,
  waiting: [],
});

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('createMissedCallPolicy', () => {
  it('says live calls, but none of the history a freshly switched-on screen receives', () => {
    const policy = createMissedCallPolicy({ storage: memoryStorage(), centreId: 'c', now: () => NOW });
    expect(policy.shouldAnnounce(call('5', 10_000), { replayed: true })).toBe(false);
    expect(policy.shouldAnnounce(call('6', 9_000), { replayed: true })).toBe(false);
    policy.markLive();
    expect(policy.shouldAnnounce(call('7'), { replayed: false })).toBe(true);
  });

  it('once live, says what a reconnect replays', () => {
    const policy = createMissedCallPolicy({ storage: memoryStorage(), centreId: 'c', now: () => NOW });
    policy.markLive();
    expect(policy.shouldAnnounce(call('3', 5_000), { replayed: true })).toBe(true);
  });

  it('after a reload says what came in meanwhile, once, and not what it said before', () => {
    const storage = memoryStorage();
    const first = createMissedCallPolicy({ storage, centreId: 'c', now: () => NOW });
    expect(first.shouldAnnounce(call('7'), { replayed: false })).toBe(true);
    const reloaded = createMissedCallPolicy({ storage, centreId: 'c', now: () => NOW });
    expect(reloaded.shouldAnnounce(call('7', 5_000), { replayed: true })).toBe(false);
    expect(reloaded.shouldAnnounce(call('8', 2_000), { replayed: true })).toBe(true);
    expect(reloaded.shouldAnnounce(call('8', 2_000), { replayed: true })).toBe(false);
  });

  it('shows but does not say calls missed too long ago', () => {
    const storage = memoryStorage();
    const policy = createMissedCallPolicy({ storage, centreId: 'c', now: () => NOW });
    policy.markLive();
    policy.shouldAnnounce(call('1'), { replayed: false });
    expect(policy.shouldAnnounce(call('2', MISSED_CALL_MAX_AGE_MS + 1), { replayed: true })).toBe(false);
    expect(policy.shouldAnnounce(call('3', MISSED_CALL_MAX_AGE_MS - 1), { replayed: true })).toBe(true);
  });

  it('keeps one position per centre and ignores a damaged stored value', () => {
    const storage = memoryStorage();
    storage.setItem('display.lastAnnounced.c', 'junk');
    const policy = createMissedCallPolicy({ storage, centreId: 'c', now: () => NOW });
    expect(policy.shouldAnnounce(call('4', 1_000), { replayed: true })).toBe(false);
    expect(createMissedCallPolicy({ storage, centreId: 'other', now: () => NOW }).shouldAnnounce(call('1'), { replayed: false })).toBe(true);
  });
});
