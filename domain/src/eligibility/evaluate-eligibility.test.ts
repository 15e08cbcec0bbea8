import { describe, expect, it } from 'vitest';
import { serviceCatalogue } from '../catalogue/service-catalogue';
import { describeReason } from '../i18n/describe-reason';
import { addDays, addYears } from '../time/local-date';
import { evaluateEligibility } from './evaluate-eligibility';
import type { PersonFacts } from './person-facts';

const TODAY = '2026-11-30';

function person(age: number, facts: Partial<PersonFacts> = {}, daysAfterBirthday = 10): PersonFacts {
  return {
    birthDate: addDays(addYears(TODAY, -age), -daysAfterBirthday),
    shanghaiHukou: true,
    holdsSeniorCard: false,
    seniorCardApplicationPending: false,
    careLevel: null,
    financialHardship: false,
    mealAssistanceApproved: false,
    ...facts,
  };
}

function verdict(p: PersonFacts, key: string) {
  const found = evaluateEligibility(p, TODAY).find((e) => e.serviceKey === key);
  if (!found) throw new Error(`no verdict for ${key}`);
  return found;
}

describe('evaluateEligibility', () => {
  it('answers for all 12 services of the policy', () => {
    expect(evaluateEligibility(person(70), TODAY).map((e) => e.serviceKey)).toHaveLength(12);
    expect(serviceCatalogue.services.map((s) => s.policyItem)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it.each([
    ['allowance-channel', 65],
    ['senior-card', 65],
    ['home-adaptation', 60],
    ['meal-assistance', 60],
    ['sports-voucher', 55],
  ])('%s starts on the day a person turns %i', (key, age) => {
    const dayBefore = { ...person(age - 1, {}, 364) };
    const birthday = person(age, {}, 0);
    expect(verdict(dayBefore, key).eligible).toBe(false);
    expect(verdict(birthday, key).eligible).toBe(true);
  });

  it('explains a 62-year-old the way a senior understands', () => {
    const v = verdict(person(62), 'allowance-channel');
    expect(v.eligible).toBe(false);
    expect(v.reasons).toEqual([expect.objectContaining({ code: 'too-young', requiredAge: 65, age: 62 })]);
    const text = describeReason('zh-CN', v.reasons[0]!);
    expect(text).toContain('年满65周岁可办理，您目前62周岁');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日起可以办理/);
    expect(describeReason('en', v.reasons[0]!)).toContain('Available from age 65. You are 62');
  });

  it('requires Shanghai hukou where the policy does, but not for the sports voucher or taxi', () => {
    const outsider = person(70, { shanghaiHukou: false });
    expect(verdict(outsider, 'senior-card').reasons).toEqual([{ code: 'not-shanghai-hukou' }]);
    expect(verdict(outsider, 'allowance-channel').eligible).toBe(false);
    expect(verdict(outsider, 'sports-voucher').eligible).toBe(true);
    expect(verdict(outsider, 'taxi-hailing').eligible).toBe(true);
  });

  it('tells a card holder, and someone whose card is being made, that no new card is needed', () => {
    expect(verdict(person(80, { holdsSeniorCard: true }), 'senior-card').reasons).toEqual([{ code: 'already-holds-senior-card' }]);
    expect(verdict(person(80, { seniorCardApplicationPending: true }), 'senior-card').reasons).toEqual([
      { code: 'senior-card-application-pending' },
    ]);
    expect(verdict(person(80, { holdsSeniorCard: true }), 'allowance-channel').eligible).toBe(true);
  });

  it('assistive devices: 75+, or 60–74 with care level 2 or more', () => {
    expect(verdict(person(75), 'assistive-device-rental').eligible).toBe(true);
    expect(verdict(person(74, { careLevel: 2 }), 'assistive-device-rental').eligible).toBe(true);
    expect(verdict(person(74, { careLevel: 1 }), 'assistive-device-rental').eligible).toBe(false);
    expect(verdict(person(60, { careLevel: 3 }), 'assistive-device-rental').eligible).toBe(true);
    const young = verdict(person(59, { careLevel: 3 }), 'assistive-device-rental');
    expect(young.reasons[0]?.code).toBe('none-of');
    expect(describeReason('zh-CN', young.reasons[0]!)).toContain('满足以下任意一项即可');
  });

  it('care home needs care level 3; the subsidy needs an assessment and hardship', () => {
    expect(verdict(person(80, { careLevel: 2 }), 'care-home-admission').reasons).toEqual([
      { code: 'care-level-too-low', requiredLevel: 3, careLevel: 2 },
    ]);
    expect(verdict(person(80, { careLevel: 3 }), 'care-home-admission').eligible).toBe(true);
    expect(verdict(person(80), 'care-subsidy').reasons.map((r) => r.code)).toEqual(['not-assessed', 'no-financial-hardship']);
  });

  it('meal assistance: first application versus change', () => {
    expect(verdict(person(70), 'meal-assistance').eligible).toBe(true);
    expect(verdict(person(70), 'meal-assistance-change').eligible).toBe(false);
    expect(verdict(person(70, { mealAssistanceApproved: true }), 'meal-assistance').eligible).toBe(false);
    expect(verdict(person(70, { mealAssistanceApproved: true }), 'meal-assistance-change').eligible).toBe(true);
  });
});
