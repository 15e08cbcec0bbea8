import { DEFAULT_QUEUE_RULES, peopleAhead, type PriorityClass, type WaitingTicket } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { peopleAheadOf } from './people-ahead-of';
import { seededRandom } from '@eldercare/domain';

const NOW = new Date('2026-03-10T02:00:00Z');
const CLASSES: PriorityClass[][] = [[], [], [], ['age80'], ['veteran', 'disability'], ['appointment']];

function randomQueue(rand: () => number, size: number): WaitingTicket[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `t${i}`,
    ticketNo: `A${String(i + 1).padStart(3, '0')}`,
    category: 'A',
    priority: CLASSES[Math.floor(rand() * CLASSES.length)]!,
    // Up to an hour ago, some at the same instant; not in issue order.
    issuedAt: new Date(NOW.getTime() - Math.floor(rand() * 12) * 5 * 60_000).toISOString(),
  }));
}

describe('peopleAheadOf', () => {
  it('counts exactly what the domain peopleAhead counts, on 300 random queues, rules and histories', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = seededRandom(seed);
      const waiting = randomQueue(rand, 1 + Math.floor(rand() * 40));
      const ticket = waiting[Math.floor(rand() * waiting.length)]!;
      const rules = { ...DEFAULT_QUEUE_RULES, maxPriorityPerNormal: 1 + Math.floor(rand() * 3), maxNormalWaitMinutes: 10 + Math.floor(rand() * 60) };
      const history = { consecutivePriorityCalls: Math.floor(rand() * 3) };
      expect({ seed, ahead: peopleAheadOf(ticket, waiting, rules, NOW, history) }).toEqual({
        seed,
        ahead: peopleAhead(ticket, waiting, rules, NOW, { history }),
      });
    }
  });

  it('lets a new 80-year-old go first when nobody has been called, and third after two priority calls in a row', () => {
    const at = NOW.toISOString();
    const waiting: WaitingTicket[] = ['A001', 'A002', 'A003'].map((ticketNo) => ({ id: ticketNo, ticketNo, category: 'A', priority: [], issuedAt: at }));
    const old: WaitingTicket = { id: 'A004', ticketNo: 'A004', category: 'A', priority: ['age80'], issuedAt: at };
    expect(peopleAheadOf(old, waiting, DEFAULT_QUEUE_RULES, NOW)).toBe(0);
    expect(peopleAheadOf(old, waiting, DEFAULT_QUEUE_RULES, NOW, { consecutivePriorityCalls: 2 })).toBe(1);
  });
});
