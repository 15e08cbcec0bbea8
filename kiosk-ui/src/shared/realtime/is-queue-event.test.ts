import { describe, expect, it } from 'vitest';
import { isQueueEvent } from './is-queue-event';

const called = {
  id: '42',
  centreId: 'xuhui-tianping',
  at: '2026-12-01T01:02:03.000Z',
  type: 'ticket.called',
  ticketNo: 'A012',
  category: 'A',
  counterNumber: 3,
  callCount: 1,
  waiting: [{ category: 'A', waiting: 2 }],
};

describe('isQueueEvent', () => {
  it('accepts events of the contract', () => {
    expect(isQueueEvent(called)).toBe(true);
    expect(isQueueEvent({ id: '1', centreId: 'c', at: called.at, type: 'counter.changed', counterNumber: 1, state: 'paused' })).toBe(true);
    expect(
      isQueueEvent({ id: '7', centreId: 'c', at: called.at, type: 'ticket.transferred', ticketNo: 'B001', fromCounter: 2, toCategory: 'C', toCounter: null, waiting: [] }),
    ).toBe(true);
  });

  it.each([
    ['an unknown type', { ...called, type: 'ticket.teleported' }],
    ['a ticket number off the pattern', { ...called, ticketNo: 'A12' }],
    ['a counter that is not an integer', { ...called, counterNumber: 2.5 }],
    ['a missing field', Object.fromEntries(Object.entries(called).filter(([k]) => k !== 'callCount'))],
    ['a non-numeric id', { ...called, id: 'abc' }],
    ['a malformed waiting count', { ...called, waiting: [{ category: 'A', waiting: '2' }] }],
    ['a wrong counter state', { id: '1', centreId: 'c', at: called.at, type: 'counter.changed', counterNumber: 1, state: 'asleep' }],
    ['null', null],
    ['an array', [called]],
  ])('refuses %s', (_name, value) => {
    expect(isQueueEvent(value)).toBe(false);
  });
});
