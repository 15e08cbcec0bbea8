import type { CentreView, QueueEvent, WaitingCounts } from '@eldercare/domain';

/** How many earlier calls the screen lists under "recent calls", besides the current one. */
export const RECENT_CALLS = 6;

export interface DisplayedCall {
  /** The event id: a recall of the same ticket is a new call with its own id. */
  id: string;
  ticketNo: string;
  counterNumber: number;
  callCount: number;
  at: string;
}

/** What the hall screen shows, built only from public queue events and the centre's categories. */
export interface DisplayState {
  current: DisplayedCall | null;
  /** Newest first, without the current ticket; a ticket appears once (its latest call). */
  recent: DisplayedCall[];
  /** Waiting tickets per category code. */
  waiting: Record<string, number>;
}

export const EMPTY_DISPLAY: DisplayState = { current: null, recent: [], waiting: {} };

/** The centre's own counts, before (or without) any event. */
export function withCentre(state: DisplayState, centre: CentreView): DisplayState {
  return { ...state, waiting: Object.fromEntries(centre.categories.map((c) => [c.code, c.waiting])) };
}

function withWaiting(state: DisplayState, counts: WaitingCounts): DisplayState {
  const waiting = { ...state.waiting };
  for (const { category, waiting: count } of counts) waiting[category] = count;
  return { ...state, waiting };
}

/** Events arrive once each and in order (the stream guarantees it); the state follows them. */
export function applyQueueEvent(state: DisplayState, event: QueueEvent): DisplayState {
  switch (event.type) {
    case 'ticket.called': {
      const call: DisplayedCall = { id: event.id, ticketNo: event.ticketNo, counterNumber: event.counterNumber, callCount: event.callCount, at: event.at };
      const earlier = state.current ? [state.current, ...state.recent] : state.recent;
      const recent = earlier.filter((c) => c.ticketNo !== call.ticketNo).slice(0, RECENT_CALLS);
      return withWaiting({ ...state, current: call, recent }, event.waiting);
    }
    case 'ticket.issued':
    case 'ticket.transferred':
      return withWaiting(state, event.waiting);
    case 'ticket.finished':
    case 'ticket.noShow':
    case 'counter.changed':
      // A finished call stays on the list: people still look for the number they just heard.
      return state;
    case 'help.requested':
    case 'help.resolved':
      // For the windows: the hall display shows no help calls.
      return state;
  }
}
