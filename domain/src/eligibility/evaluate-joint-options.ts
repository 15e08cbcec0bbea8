import { findService } from '../catalogue/service-catalogue';
import type { JointAvailability, JointOptionsView, JointServiceKey, MedicalInsurance } from '../contracts/service-applications';
import { JOINT_SERVICE_KEYS } from '../contracts/service-applications';
import { describeReason } from '../i18n/describe-reason';
import { addDays } from '../time/local-date';
import { evaluateService } from './evaluate-eligibility';
import type { IneligibilityReason, PersonFacts } from './person-facts';

/** 期末评估: a conclusion ending within this many days may be assessed again. */
export const REASSESSMENT_WINDOW_DAYS = 60;

/** Reasons the needs assessment itself can settle: the care level is unknown or may change. */
const SETTLED_BY_ASSESSMENT = new Set<IneligibilityReason['code']>(['not-assessed', 'care-level-too-low']);

export interface JointOption {
  serviceKey: JointServiceKey;
  availability: JointAvailability;
  reasons: IneligibilityReason[];
}

/** The three linked services for one person, as data (the server decides with these). */
export function jointOptions(person: PersonFacts, onDate: string): JointOption[] {
  const assessment = evaluateService(findService('ltc-assessment'), person, onDate);
  const assessmentPossible = assessment.eligible;
  return JOINT_SERVICE_KEYS.map((serviceKey) => {
    const { eligible, reasons } = serviceKey === 'ltc-assessment' ? assessment : evaluateService(findService(serviceKey), person, onDate);
    let availability: JointAvailability = eligible ? 'now' : 'no';
    // Only the care level is missing, and the same application can obtain it: the part waits.
    if (!eligible && serviceKey !== 'ltc-assessment' && assessmentPossible && reasons.every((r) => SETTLED_BY_ASSESSMENT.has(r.code))) {
      availability = 'with-assessment';
    }
    return { serviceKey, availability, reasons };
  });
}

/** Whether the current conclusion ends within the re-assessment window (or has ended). */
export function isReassessmentDue(person: PersonFacts, onDate: string): boolean {
  const until = person.assessmentValidUntil ?? null;
  return until !== null && until <= addDays(onDate, REASSESSMENT_WINDOW_DAYS);
}

/** 一件事一次办: what the identify response says about the joint application, reasons in both languages. */
export function evaluateJointOptions(person: PersonFacts, onDate: string, insurance: MedicalInsurance | null = null): JointOptionsView {
  return {
    reassessmentDue: isReassessmentDue(person, onDate),
    assessmentValidUntil: person.assessmentValidUntil ?? null,
    insurance,
    options: jointOptions(person, onDate).map((o) => ({
      serviceKey: o.serviceKey,
      availability: o.availability,
      reasons: o.reasons.map((r) => ({ code: r.code, text: { zh: describeReason('zh-CN', r), en: describeReason('en', r) } })),
    })),
  };
}
