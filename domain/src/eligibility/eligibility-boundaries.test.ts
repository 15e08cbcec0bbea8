import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../time/local-date';
import { isValidBankCardNo } from './bank-card-no';
import { evaluateEligibility } from './evaluate-eligibility';
import { evaluateJointOptions, jointOptions } from './evaluate-joint-options';
import { homeAdaptationCategory } from './home-adaptation-category';
import type { PersonFacts } from './person-facts';

const TODAY = '2026-11-30';

/** A person exactly `age` today (birthday `daysAfterBirthday` days ago). */
function person(age: number, facts: Partial<PersonFacts> = {}, daysAfterBirthday = 0): PersonFacts {
  return {
    birthDate: addDays(addYears(TODAY, -age), -daysAfterBirthday),
    shanghaiHukou: true,
    holdsSeniorCard: false,
    seniorCardApplicationPending: false,
    careLevel: null,
    financialHardship: false,
    mealAssistanceApproved: false,
    assessmentValidUntil: null,
    ...facts,
  };
}

const eligible = (p: PersonFacts, key: string) => evaluateEligibility(p, TODAY).find((e) => e.serviceKey === key)!.eligible;

describe('eligibility at every boundary of the issue', () => {
  it.each([
    // service, age, facts, eligible
    ['sports-voucher', 54, {}, false],
    ['sports-voucher', 55, {}, true],
    ['sports-voucher', 55, { shanghaiHukou: false }, true],
    ['ltc-assessment', 59, {}, false],
    ['ltc-assessment', 60, {}, true],
    ['home-adaptation', 59, {}, false],
    ['home-adaptation', 60, {}, true],
    ['meal-assistance', 59, {}, false],
    ['meal-assistance', 60, {}, true],
    ['senior-education', 59, {}, false],
    ['senior-education', 60, {}, true],
    ['allowance-channel', 64, {}, false],
    ['allowance-channel', 65, {}, true],
    ['senior-card', 64, {}, false],
    ['senior-card', 65, {}, true],
    // Assistive devices: 60–74 with care level ≥ 2, or 75+.
    ['assistive-device-rental', 59, { careLevel: 2 }, false],
    ['assistive-device-rental', 60, { careLevel: 2 }, true],
    ['assistive-device-rental', 60, { careLevel: 1 }, false],
    ['assistive-device-rental', 64, { careLevel: 1 }, false],
    ['assistive-device-rental', 65, { careLevel: 2 }, true],
    ['assistive-device-rental', 74, { careLevel: 1 }, false],
    ['assistive-device-rental', 74, { careLevel: 2 }, true],
    ['assistive-device-rental', 74, { careLevel: 3 }, true],
    ['assistive-device-rental', 74, {}, false],
    ['assistive-device-rental', 75, {}, true],
    ['assistive-device-rental', 75, { shanghaiHukou: false }, false],
    // Care home: care level 3+.
    ['care-home-admission', 80, { careLevel: 1 }, false],
    ['care-home-admission', 80, { careLevel: 2 }, false],
    ['care-home-admission', 80, { careLevel: 3 }, true],
    ['care-home-admission', 80, { careLevel: 3, shanghaiHukou: false }, false],
    // Care subsidy: assessed (any level) and in hardship, Shanghai hukou.
    ['care-subsidy', 80, { careLevel: 1, financialHardship: true }, true],
    ['care-subsidy', 80, { careLevel: 1 }, false],
    ['care-subsidy', 80, { careLevel: 2, financialHardship: true, shanghaiHukou: false }, false],
    ['taxi-hailing', 30, { shanghaiHukou: false }, true],
  ] as const)('%s at %i with %o: %s', (key, age, facts, expected) => {
    // On the birthday itself, and on the last day before the next one.
    expect(eligible(person(age, facts), key)).toBe(expected);
    expect(eligible(person(age, facts, 364), key)).toBe(expected);
  });

  it.each(['allowance-channel', 'senior-card', 'home-adaptation', 'meal-assistance', 'assistive-device-rental', 'care-home-admission'])(
    '%s needs Shanghai hukou',
    (key) => {
      const facts = { careLevel: 4, financialHardship: true };
      expect(eligible(person(80, facts), key)).toBe(true);
      expect(eligible(person(80, { ...facts, shanghaiHukou: false }), key)).toBe(false);
    },
  );
});

describe('期末评估: the assessment again only within 60 days of the end', () => {
  it.each([
    [null, true],
    [addDays(TODAY, 61), false],
    [addDays(TODAY, 60), true],
    [addDays(TODAY, 30), true],
    [addDays(TODAY, -1), true],
  ])('conclusion valid until %s: assessment possible %s', (until, expected) => {
    const p = person(83, { careLevel: until === null ? null : 4, assessmentValidUntil: until });
    const verdict = evaluateEligibility(p, TODAY).find((e) => e.serviceKey === 'ltc-assessment')!;
    expect(verdict.eligible).toBe(expected);
    if (!expected) expect(verdict.reasons).toEqual([{ code: 'assessment-still-valid', validUntil: until, reassessFrom: addDays(until!, -60) }]);
    expect(evaluateJointOptions(p, TODAY).reassessmentDue).toBe(until !== null && expected);
  });
});

describe('joint options', () => {
  const availability = (p: PersonFacts) => Object.fromEntries(jointOptions(p, TODAY).map((o) => [o.serviceKey, o.availability]));

  it('never assessed, in hardship: subsidy and care home only with the assessment', () => {
    expect(availability(person(79, { financialHardship: true }))).toEqual({
      'ltc-assessment': 'now',
      'care-subsidy': 'with-assessment',
      'care-home-admission': 'with-assessment',
    });
  });

  it('never assessed, no hardship: the subsidy is not possible at all', () => {
    expect(availability(person(79))).toMatchObject({ 'care-subsidy': 'no', 'care-home-admission': 'with-assessment' });
  });

  it('non-Shanghai hukou: subsidy and care home are not possible, the assessment is', () => {
    expect(availability(person(70, { shanghaiHukou: false, financialHardship: true }))).toEqual({
      'ltc-assessment': 'now',
      'care-subsidy': 'no',
      'care-home-admission': 'no',
    });
  });

  it('care level 2 still valid for long: no assessment, so no care home; level 4 due for re-assessment: all now', () => {
    expect(availability(person(72, { careLevel: 2, assessmentValidUntil: addDays(TODAY, 400) }))).toEqual({
      'ltc-assessment': 'no',
      'care-subsidy': 'no',
      'care-home-admission': 'no',
    });
    expect(availability(person(72, { careLevel: 2, assessmentValidUntil: addDays(TODAY, 20) }))).toMatchObject({
      'care-home-admission': 'with-assessment',
    });
    expect(availability(person(83, { careLevel: 4, assessmentValidUntil: addDays(TODAY, 30), financialHardship: true }))).toEqual({
      'ltc-assessment': 'now',
      'care-subsidy': 'now',
      'care-home-admission': 'now',
    });
  });

  it('reasons come in both languages', () => {
    const view = evaluateJointOptions(person(72, { careLevel: 2, assessmentValidUntil: '2027-12-31' }), TODAY, 'resident');
    expect(view.insurance).toBe('resident');
    expect(view.options[0]!.reasons[0]!.text.zh).toContain('2027年12月31日');
    expect(view.options[0]!.reasons[0]!.text.en).toContain('31 December 2027');
  });
});

describe('home adaptation subsidy category', () => {
  it.each([
    [person(70, { financialHardship: true }), 'full'],
    [person(70, { careLevel: 2 }), 'partial'],
    [person(79, { careLevel: 1 }, 364), 'self-funded'],
    [person(80), 'partial'],
    [person(70), 'self-funded'],
  ] as const)('%# → %s', (p, key) => {
    expect(homeAdaptationCategory(p, TODAY).key).toBe(key);
  });
});

describe('bank card numbers', () => {
  it.each([
    ['6222021234567890128', true],
    ['6222021234567890123', false],
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['411111111111111', false],
  ])('%s: %s', (no, ok) => expect(isValidBankCardNo(no)).toBe(ok));
});
