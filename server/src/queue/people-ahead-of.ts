import { chooseNextTicket, EMPTY_QUEUE_HISTORY, nextHistory, type QueueHistory, type QueueRules, type WaitingTicket } from '@eldercare/domain';

function byArrival(a: { at: number; ticket: WaitingTicket }, b: { at: number; ticket: WaitingTicket }): number {
  return a.at - b.at || (a.ticket.ticketNo < b.ticket.ticketNo ? -1 : a.ticket.ticketNo > b.ticket.ticketNo ? 1 : 0);
}

/**
 * The same count as the domain's `peopleAhead` (the interleave run call by call, the clock
 * standing still), in O(n log n) instead of O(n²): chooseNextTicket only ever looks at the
 * oldest normal and the oldest priority ticket, so each call is asked with just those two heads
 * of the arrival-sorted queues. With several hundred waiting, the plain simulation took a
 * quarter of a second per issued ticket.
 */
export function peopleAheadOf(ticket: WaitingTicket, waiting: readonly WaitingTicket[], rules: QueueRules, now: Date, history: QueueHistory = EMPTY_QUEUE_HISTORY): number {
  const all = [...waiting.filter((t) => t.id !== ticket.id), ticket].map((t) => ({ at: Date.parse(t.issuedAt), ticket: t })).sort(byArrival);
  const normal = all.filter((t) => t.ticket.priority.length === 0).map((t) => t.ticket);
  const priority = all.filter((t) => t.ticket.priority.length > 0).map((t) => t.ticket);
  let [n, p] = [0, 0];
  let run = history;
  for (let called = 0; ; called++) {
    const heads = [normal[n], priority[p]].filter((t): t is WaitingTicket => t !== undefined);
    const choice = chooseNextTicket(heads, run, rules, now);
    // Never null: `ticket` stays in one of the queues until it is chosen.
    if (!choice || choice.ticket.id === ticket.id) return called;
    if (choice.ticket === normal[n]) n++;
    else p++;
    run = nextHistory(run, choice);
  }
}
