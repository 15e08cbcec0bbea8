import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit, parseIdNumber } from '../id-number/id-number';
import { translate } from '../i18n/translate';
import { addDays, addYears } from '../time/local-date';
import { classifyPriority } from './classify-priority';
import { describePriorityFinding } from './describe-queue-reason';
import { DEFAULT_QUEUE_RULES } from './queue-rules';

// 00:30 on 1 December in Shanghai, still 30 November in UTC: the Shanghai date must decide.
const NOW = new Date('2026-11-30T16:30:00Z');
const SHANGHAI_TODAY = '2026-12-01';
const rules = DEFAULT_QUEUE_RULES;

const classes = (facts: Parameters<typeof classifyPriority>[0], now = NOW) => classifyPriority(facts, now, rules).map((f) => f.class);

describe('classifyPriority: age 80 from the ID birth date', () => {
  it('counts the 80th birthday itself, on the Shanghai date', () => {
    const birthDate = addYears(SHANGHAI_TODAY, -80);
    const [finding] = classifyPriority({ birthDate }, NOW, rules);
    expect(finding).toMatchObject({ class: 'age80', source: 'id-card', key: 'queue.priority.age80.id-card', params: { age: 80 } });
  });

  it('does not count the day before the 80th birthday (79)', () => {
    expect(classes({ birthDate: addDays(addYears(SHANGHAI_TODAY, -80), 1) })).toEqual([]);
  });

  it('takes the birth date from a real ID number', () => {
    // 1944-05-15: 82 years old.
    const first17 = '31010519440515001';
    const { birthDate } = parseIdNumber(first17 + idNumberCheckDigit(first17));
    const [finding] = classifyPriority({ birthDate }, NOW, rules);
    expect(finding?.params).toEqual({ age: 82 });
    expect(describePriorityFinding('zh-CN', finding!)).toBe('年满80周岁（82周岁，按身份证出生日期）');
  });
});

describe('classifyPriority: registry flags and staff', () => {
  it('takes 优抚对象 and disability from the registry', () => {
    expect(classes({ registryFlags: { veteran: true, disability: true } })).toEqual(['veteran', 'disability']);
    expect(classes({ registryFlags: { veteran: false, disability: false } })).toEqual([]);
  });

  it('takes a class confirmed by staff, and prefers the automatic source for the same class', () => {
    const found = classifyPriority({ registryFlags: { veteran: true }, staffConfirmed: ['disability', 'veteran'] }, NOW, rules);
    expect(found.map((f) => [f.class, f.source])).toEqual([
      ['veteran', 'registry'],
      ['disability', 'staff'],
    ]);
    expect(translate('zh-CN', found[1]!.key)).toBe('残疾人（工作人员核实证件）');
  });

  it('lists several classes in a fixed order, and none for a person with no entitlement', () => {
    const birthDate = addYears(SHANGHAI_TODAY, -85);
    expect(classes({ birthDate, registryFlags: { disability: true }, staffConfirmed: ['veteran'] })).toEqual(['age80', 'veteran', 'disability']);
    expect(classes({ birthDate: addYears(SHANGHAI_TODAY, -70) })).toEqual([]);
    expect(classes({})).toEqual([]);
  });
});

describe('classifyPriority: appointment within its slot', () => {
  // Slot 10:00–10:30 Shanghai time (02:00–02:30 UTC); grace 10 minutes.
  const appointment = { slotStart: '2026-12-01T02:00:00Z', slotEnd: '2026-12-01T02:30:00Z' };
  const at = (iso: string) => classes({ appointment }, new Date(iso));

  it('counts from slot start − grace, inclusive', () => {
    expect(at('2026-12-01T01:50:00Z')).toEqual(['appointment']);
    expect(at('2026-12-01T01:49:59.999Z')).toEqual([]);
  });

  it('counts until the slot end, exclusive', () => {
    expect(at('2026-12-01T02:29:59.999Z')).toEqual(['appointment']);
    expect(at('2026-12-01T02:30:00Z')).toEqual([]);
  });

  it('names the slot in Shanghai time', () => {
    const [finding] = classifyPriority({ appointment }, new Date('2026-12-01T02:10:00Z'), rules);
    expect(describePriorityFinding('zh-CN', finding!)).toBe('预约时段10:00–10:30内签到');
  });

  it('follows the configured grace', () => {
    const found = classifyPriority({ appointment }, new Date('2026-12-01T01:50:00Z'), { ...rules, appointmentGraceMinutes: 5 });
    expect(found).toEqual([]);
  });
});
