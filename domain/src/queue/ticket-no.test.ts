import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DEFAULT_QUEUE_RULES, QueueRulesSchema } from './queue-rules';
import { DEFAULT_TICKET_CATEGORIES, TicketCategorySchema } from './ticket-category';
import { formatTicketNo, InvalidTicketNoError, parseTicketNo, TicketSequenceExhaustedError } from './ticket-no';

describe('formatTicketNo', () => {
  it('is the prefix and three digits', () => {
    expect(formatTicketNo('A', 12)).toBe('A012');
    expect(formatTicketNo('B', 1)).toBe('B001');
    expect(formatTicketNo('C', 999)).toBe('C999');
  });

  it('throws a typed error past 999', () => {
    const error = (() => {
      try {
        formatTicketNo('A', 1000);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TicketSequenceExhaustedError);
    expect((error as TicketSequenceExhaustedError).code).toBe('TICKET_SEQUENCE_EXHAUSTED');
  });

  it('rejects a bad prefix or sequence', () => {
    for (const [prefix, seq] of [['a', 1], ['AB', 1], ['', 1], ['A', 0], ['A', 1.5], ['A', -3]] as const) {
      expect(() => formatTicketNo(prefix, seq)).toThrow(InvalidTicketNoError);
    }
  });
});

describe('parseTicketNo', () => {
  it('reverses formatTicketNo', () => {
    for (const seq of [1, 12, 100, 999]) expect(parseTicketNo(formatTicketNo('B', seq))).toEqual({ prefix: 'B', sequence: seq });
  });

  it('accepts what staff type (spaces, lower case)', () => {
    expect(parseTicketNo(' a012 ')).toEqual({ prefix: 'A', sequence: 12 });
  });

  it('rejects anything else with a stable code', () => {
    for (const input of ['A000', 'A12', 'A1234', '1012', 'AA12', '', 'A01X']) {
      expect(() => parseTicketNo(input)).toThrow(InvalidTicketNoError);
    }
    expect(() => parseTicketNo('A000')).toThrow(expect.objectContaining({ code: 'INVALID_TICKET_NO' }));
  });
});

describe('queue configuration schemas', () => {
  it('accept the defaults', () => {
    expect(Value.Check(QueueRulesSchema, DEFAULT_QUEUE_RULES)).toBe(true);
    for (const c of DEFAULT_TICKET_CATEGORIES) expect(Value.Check(TicketCategorySchema, c)).toBe(true);
    expect(DEFAULT_TICKET_CATEGORIES.map((c) => `${c.code} ${c.name.zh}`)).toEqual(['A 养老服务', 'B 医保', 'C 综合']);
  });

  it('reject a category code that is not one capital letter, and rules out of range', () => {
    expect(Value.Check(TicketCategorySchema, { code: 'AB', name: { zh: '综合', en: 'General' } })).toBe(false);
    expect(Value.Check(TicketCategorySchema, { code: 'a', name: { zh: '综合', en: 'General' } })).toBe(false);
    expect(Value.Check(QueueRulesSchema, { ...DEFAULT_QUEUE_RULES, maxPriorityPerNormal: 0 })).toBe(false);
    expect(Value.Check(QueueRulesSchema, { ...DEFAULT_QUEUE_RULES, averageServiceMinutes: 0 })).toBe(false);
  });
});
