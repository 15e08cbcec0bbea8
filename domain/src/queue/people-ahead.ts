import { chooseNextTicket, EMPTY_QUEUE_HISTORY, nextHistory, type QueueHistory, type WaitingTicket } from './choose-next-ticket';
import { DEFAULT_QUEUE_RULES, type QueueRules } from './queue-rules';
import type { TicketCategory } from './ticket-category';

export interface PeopleAheadOptions {
  /** The run of priority calls so far (default: none). */
  history?: QueueHistory;
  /**
   * Simulated minutes between calls, so that normal tickets reach the maximum wait during the
   * simulation as they would in the hall (default 0: the clock stands still).
   */
  minutesPerCall?: number;
}

const MINUTE_MS = 60_000;

/**
 * How many tickets would be called before `ticket` if nothing else arrived: chooseNextTicket
 * run call by call over the waiting tickets. `ticket` may or may not be among `waiting`.
 */
export function peopleAhead(
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  rules: QueueRules,
  now: Date,
  options: PeopleAheadOptions = {},
): number {
  let queue = [...waiting.filter((t) => t.id !== ticket.id), ticket];
  let history = options.history ?? EMPTY_QUEUE_HISTORY;
  const step = (options.minutesPerCall ?? 0) * MINUTE_MS;
  for (let called = 0; ; called++) {
    const choice = chooseNextTicket(queue, history, rules, new Date(now.getTime() + called * step));
    // Never null: `ticket` stays in the queue until it is chosen.
    if (!choice || choice.ticket.id === ticket.id) return called;
    history = nextHistory(history, choice);
    queue = queue.filter((t) => t !== choice.ticket);
  }
}

/**
 * Minutes until a ticket with `peopleAhead` before it is called, rounded up; null when no
 * counter serving its category is open (there is no honest number then).
 */
export function estimatedWaitMinutes(
  peopleAhead: number,
  category: Pick<TicketCategory, 'averageServiceMinutes'>,
  openCounters: number,
  rules: Pick<QueueRules, 'averageServiceMinutes'> = DEFAULT_QUEUE_RULES,
): number | null {
  if (openCounters < 1) return null;
  if (peopleAhead <= 0) return 0;
  const perTicket = category.averageServiceMinutes ?? rules.averageServiceMinutes;
  return Math.ceil((peopleAhead * perTicket) / openCounters);
}
