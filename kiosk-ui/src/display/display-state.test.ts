import type { CentreView, QueueEvent } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { applyQueueEvent, EMPTY_DISPLAY, RECENT_CALLS, withCentre, type DisplayState } from './display-state';

let nextId = 1;
const called = (ticketNo: string, counterNumber: number, callCount = 1, waiting = [{ category: ticketNo[0]!, waiting: 0 }]): QueueEvent => ({
  id: String(nextId++),
  centreId: 'c',
  at: '2026-12-01T02:00:00.000Z',
  type: 'ticket.called',
  ticketNo,
  category: ticketNo[0]!,
  counterNumber,
  callCount,
  waiting,
});
const apply = (events: QueueEvent[], from: DisplayState = EMPTY_DISPLAY) => events.reduce(applyQueueEvent, from);

describe('display state', () => {
  it('shows the latest call large and the earlier ones newest first', () => {
    const state = apply([called('A001', 1), called('B001', 2), called('A002', 3)]);
    expect(state.current).toMatchObject({ ticketNo: 'A002', counterNumber: 3 });
    expect(state.recent.map((c) => c.ticketNo)).toEqual(['B001', 'A001']);
  });

  it('moves a recalled ticket back to the top, listed once', () => {
    const state = apply([called('A001', 1), called('A002', 2), called('A001', 1, 2)]);
    expect(state.current).toMatchObject({ ticketNo: 'A001', callCount: 2 });
    expect(state.recent.map((c) => c.ticketNo)).toEqual(['A002']);
  });

  it(`keeps ${RECENT_CALLS} recent calls`, () => {
    const state = apply(Array.from({ length: 10 }, (_, i) => called(`C${String(i + 1).padStart(3, '0')}`, 1)));
    expect(state.current?.ticketNo).toBe('C010');
    expect(state.recent.map((c) => c.ticketNo)).toEqual(['C009', 'C008', 'C007', 'C006', 'C005', 'C004']);
  });

  it('follows the waiting counts of each event, starting from the centre', () => {
    const centre = { categories: [{ code: 'A', waiting: 4 }, { code: 'B', waiting: 1 }] } as CentreView;
    const issued: QueueEvent = { id: '90', centreId: 'c', at: '2026-12-01T02:00:00.000Z', type: 'ticket.issued', ticketNo: 'B002', category: 'B', waiting: [{ category: 'A', waiting: 4 }, { category: 'B', waiting: 2 }] };
    let state = withCentre(EMPTY_DISPLAY, centre);
    expect(state.waiting).toEqual({ A: 4, B: 1 });
    state = apply([issued, called('A005', 1, 1, [{ category: 'A', waiting: 3 }, { category: 'B', waiting: 2 }])], state);
    expect(state.waiting).toEqual({ A: 3, B: 2 });
  });

  it('leaves the screen as it was on a kiosk’s help call and its resolve (those are for the windows)', () => {
    const before = apply([called('A001', 1)]);
    const help = { centreId: 'c', at: '2026-12-01T02:01:00.000Z', requestId: 7, kioskId: 'kiosk-1', reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' } as const;
    const after = apply([{ id: '97', type: 'help.requested', ...help }, { id: '98', type: 'help.resolved', ...help }], before);
    expect(after).toEqual(before);
  });

  it('keeps a finished call on the screen', () => {
    const state = apply([called('A001', 1), { id: '99', centreId: 'c', at: '2026-12-01T02:01:00.000Z', type: 'ticket.finished', ticketNo: 'A001', counterNumber: 1 }]);
    expect(state.current?.ticketNo).toBe('A001');
  });
});
