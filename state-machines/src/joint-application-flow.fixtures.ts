import { evaluateJointOptions, findDemoResident, type IdentifyResponse, type PersonFacts } from '@eldercare/domain';
import { FIXTURE_TODAY, identityOf } from './testing/fixtures';

/**
 * Demo residents for the joint application's tests, with the identify response's `joint` made
 * the way the server makes it (the domain's evaluateJointOptions on the registry's facts).
 */
export const JOINT_FIXTURE_PEOPLE = {
  /** 79, subsistence household, never assessed, resident insurance: assessment now, subsidy and care home with the assessment. */
  hardship: 'he-fuxing',
  /** 67, never assessed, insurance unknown: assessment now, care home with the assessment, no subsidy (no hardship). */
  firstTimer: 'li-xiuying',
  /** 83, care level 4, conclusion ends in 30 days: re-assessment (期末评估) and care home now, no subsidy. */
  reassessment: 'shen-guiying',
  /** 72, care level 2 still valid for 400 days: nothing (assessment still valid, no hardship, level too low). */
  nothing: 'lu-jianhua',
} as const;

export type JointFixturePerson = keyof typeof JOINT_FIXTURE_PEOPLE;
export const JOINT_FIXTURE_PERSONS = Object.keys(JOINT_FIXTURE_PEOPLE) as JointFixturePerson[];

export function jointIdentityOf(person: JointFixturePerson): IdentifyResponse {
  const r = findDemoResident(FIXTURE_TODAY, JOINT_FIXTURE_PEOPLE[person]);
  if (!r) throw new Error(`no demo resident ${JOINT_FIXTURE_PEOPLE[person]}`);
  const facts: PersonFacts = {
    birthDate: r.birthDate,
    shanghaiHukou: r.hukou === 'shanghai',
    holdsSeniorCard: r.holdsSeniorCard,
    seniorCardApplicationPending: false,
    careLevel: r.careLevel ?? null,
    financialHardship: r.financialHardship ?? false,
    mealAssistanceApproved: false,
    assessmentValidUntil: r.assessmentValidUntil,
  };
  // The person view of any fixture will do: the flow shows the joint options, not the person.
  return {
    ...identityOf('firstTimer'),
    identifyToken: `test-token-${r.key}-0123456789`,
    joint: evaluateJointOptions(facts, FIXTURE_TODAY, r.medicalInsurance ?? null),
  };
}
