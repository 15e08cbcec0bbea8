import { mainPriorityClass, type PriorityClass } from './priority-class';
import type { QueueRules } from './queue-rules';

/** A ticket waiting for a counter (the caller has already kept only the counter's categories). */
export interface WaitingTicket {
  id: string;
  ticketNo: string;
  category: string;
  /** Empty: a normal ticket. */
  priority: readonly PriorityClass[];
  /** ISO instant. */
  issuedAt: string;
}

/** What the interleave remembers between calls (per counter, kept by the caller). */
export interface QueueHistory {
  consecutivePriorityCalls: number;
}

export const EMPTY_QUEUE_HISTORY: QueueHistory = { consecutivePriorityCalls: 0 };

/** Why a ticket is next, in data; describeCallReason turns it into words for staff. */
export type CallReason =
  | { code: 'normal-waited-too-long'; waitedMinutes: number; maxNormalWaitMinutes: number }
  | { code: 'priority'; priorityClass: PriorityClass }
  | { code: 'interleave-normal-turn'; consecutivePriorityCalls: number; maxPriorityPerNormal: number }
  | { code: 'first-come' }
  /** Transferred to one counter by name: that counter calls it before its own line (the window service decides this, not the interleave). */
  | { code: 'transferred-to-counter'; fromCounter: number };

export interface NextTicketChoice<T extends WaitingTicket = WaitingTicket> {
  ticket: T;
  reason: CallReason;
}

const MINUTE_MS = 60_000;

/** Earlier issued first; the ticket number breaks a tie so the order never depends on input order. */
function byArrival(a: WaitingTicket, b: WaitingTicket): number {
  return Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || (a.ticketNo < b.ticketNo ? -1 : a.ticketNo > b.ticketNo ? 1 : 0);
}

function oldest<T extends WaitingTicket>(tickets: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const t of tickets) if (best === undefined || byArrival(t, best) < 0) best = t;
  return best;
}

/**
 * The fair interleave: (a) a normal ticket that has waited maxNormalWaitMinutes goes before
 * every priority ticket that arrived after it (never before one that came earlier: see
 * docs/decisions/0010-priority-waits-are-bounded.md); (b) otherwise a priority ticket, unless
 * maxPriorityPerNormal priority calls came in a row; (c) then the oldest normal ticket; (d) with
 * only priority tickets left, the oldest of them. Null when nothing waits.
 *
 * Only the oldest normal and the oldest priority ticket are ever looked at (the fast
 * peopleAheadOf on the server relies on this).
 */
export function chooseNextTicket<T extends WaitingTicket>(
  waiting: readonly T[],
  history: QueueHistory,
  rules: QueueRules,
  now: Date,
): NextTicketChoice<T> | null {
  const normal = oldest(waiting.filter((t) => t.priority.length === 0));
  const priority = oldest(waiting.filter((t) => t.priority.length > 0));
  const priorityChoice = (t: T): NextTicketChoice<T> => ({
    ticket: t,
    reason: { code: 'priority', priorityClass: mainPriorityClass(t.priority)! },
  });

  if (normal) {
    const waitedMinutes = (now.getTime() - Date.parse(normal.issuedAt)) / MINUTE_MS;
    // An overdue normal ticket may not pass a priority ticket that was there before it:
    // otherwise, under overload, overdue normal tickets would go first for ever.
    const passesPriority = priority === undefined || byArrival(normal, priority) < 0;
    if (waitedMinutes >= rules.maxNormalWaitMinutes && passesPriority) {
      return {
        ticket: normal,
        reason: { code: 'normal-waited-too-long', waitedMinutes: Math.floor(waitedMinutes), maxNormalWaitMinutes: rules.maxNormalWaitMinutes },
      };
    }
    if (priority && history.consecutivePriorityCalls < rules.maxPriorityPerNormal) return priorityChoice(priority);
    if (priority) {
      return {
        ticket: normal,
        reason: {
          code: 'interleave-normal-turn',
          consecutivePriorityCalls: history.consecutivePriorityCalls,
          maxPriorityPerNormal: rules.maxPriorityPerNormal,
        },
      };
    }
    return { ticket: normal, reason: { code: 'first-come' } };
  }
  return priority ? priorityChoice(priority) : null;
}

/** The history after a call: a priority call extends the run, a normal call ends it. */
export function nextHistory(history: QueueHistory, chosen: Pick<WaitingTicket, 'priority'> | { ticket: Pick<WaitingTicket, 'priority'> }): QueueHistory {
  const ticket = 'ticket' in chosen ? chosen.ticket : chosen;
  return { consecutivePriorityCalls: ticket.priority.length > 0 ? history.consecutivePriorityCalls + 1 : 0 };
}
