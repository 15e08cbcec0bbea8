import { describe, expect, it } from 'vitest';
import type { WaitingTicket } from './choose-next-ticket';
import { describeCallReason } from './describe-queue-reason';
import type { PriorityClass } from './priority-class';
import { estimatedWaitMinutes, peopleAhead } from './people-ahead';
import { DEFAULT_QUEUE_RULES } from './queue-rules';
import { DEFAULT_TICKET_CATEGORIES } from './ticket-category';
import { formatTicketNo } from './ticket-no';

const NOW = new Date('2026-12-01T02:00:00Z');
const MINUTE = 60_000;
const rules = DEFAULT_QUEUE_RULES;

function ticket(seq: number, minutesAgo: number, priority: PriorityClass[] = []): WaitingTicket {
  return { id: `t${seq}`, ticketNo: formatTicketNo('A', seq), category: 'A', priority, issuedAt: new Date(NOW.getTime() - minutesAgo * MINUTE).toISOString() };
}

describe('peopleAhead', () => {
  // Three normal tickets, then an 82-year-old's.
  const hall = [ticket(1, 12), ticket(2, 10), ticket(3, 8), ticket(4, 5, ['age80'])];

  it('puts the priority ticket first and counts it ahead of every normal ticket', () => {
    expect(hall.map((t) => peopleAhead(t, hall, rules, NOW))).toEqual([1, 2, 3, 0]);
  });

  it('starts from the run of priority calls so far', () => {
    expect(hall.map((t) => peopleAhead(t, hall, rules, NOW, { history: { consecutivePriorityCalls: 2 } }))).toEqual([0, 2, 3, 1]);
  });

  it('counts a ticket not yet in the list as the newest arrival', () => {
    const fresh = ticket(5, 0);
    expect(peopleAhead(fresh, hall, rules, NOW)).toBe(4);
    expect(peopleAhead(ticket(6, 0, ['veteran']), hall, rules, NOW)).toBe(1);
  });

  it('lets the simulated clock run, so a normal ticket reaches the maximum wait', () => {
    const waiting = [ticket(1, 25), ticket(2, 3, ['age80']), ticket(3, 2, ['age80']), ticket(4, 1, ['age80'])];
    expect(peopleAhead(waiting[0]!, waiting, rules, NOW)).toBe(2);
    // After one call 5 minutes later it has waited 30: it goes next.
    expect(peopleAhead(waiting[0]!, waiting, rules, NOW, { minutesPerCall: 5 })).toBe(1);
  });

  it('gives every ticket of a mixed queue a different place, 0 … n − 1', () => {
    const classes: PriorityClass[][] = [[], ['age80'], [], ['disability', 'veteran'], [], [], ['appointment'], [], ['veteran'], []];
    const waiting = classes.map((p, i) => ticket(i + 1, 40 - i * 3, p));
    const places = waiting.map((t) => peopleAhead(t, waiting, rules, NOW, { minutesPerCall: 4 }));
    expect([...places].sort((a, b) => a - b)).toEqual(waiting.map((_, i) => i));
  });
});

describe('estimatedWaitMinutes', () => {
  const [elderlyCare] = DEFAULT_TICKET_CATEGORIES;

  it('spreads the people ahead over the open counters, rounding up', () => {
    expect(estimatedWaitMinutes(3, { averageServiceMinutes: 10 }, 2)).toBe(15);
    expect(estimatedWaitMinutes(1, { averageServiceMinutes: 8 }, 3)).toBe(3);
  });

  it("uses the rules' average when the category has none", () => {
    expect(estimatedWaitMinutes(3, elderlyCare!, 2, { averageServiceMinutes: 6 })).toBe(9);
    expect(estimatedWaitMinutes(3, elderlyCare!, 1)).toBe(3 * rules.averageServiceMinutes);
  });

  it('is 0 with nobody ahead and unknown (null) with no counter open', () => {
    expect(estimatedWaitMinutes(0, elderlyCare!, 1)).toBe(0);
    expect(estimatedWaitMinutes(5, elderlyCare!, 0)).toBeNull();
  });
});

describe('describeCallReason', () => {
  it('exist in English too', () => {
    expect(describeCallReason('en', { code: 'priority', priorityClass: 'age80' })).toBe('Priority: Aged 80 or over');
    expect(describeCallReason('en', { code: 'first-come' })).toBe('In the order tickets were taken');
  });
});
