import { describeReason, type EligibilityView, type ServiceEligibility } from '@eldercare/domain';

/** Reasons in both languages, so the kiosk can switch language without asking again. */
export function toEligibilityView(result: ServiceEligibility): EligibilityView {
  return {
    serviceKey: result.serviceKey,
    eligible: result.eligible,
    reasons: result.reasons.map((reason) => ({
      code: reason.code,
      text: { zh: describeReason('zh-CN', reason), en: describeReason('en', reason) },
    })),
  };
}
