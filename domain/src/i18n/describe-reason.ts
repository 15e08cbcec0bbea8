import type { IneligibilityReason } from '../eligibility/person-facts';
import { formatDate, translate, type Locale } from './translate';

/** A reason a senior understands, e.g. 年满65周岁可办理，您目前62周岁，…起可以办理。 */
export function describeReason(locale: Locale, reason: IneligibilityReason): string {
  switch (reason.code) {
    case 'too-young':
      return translate(locale, 'reason.too-young', {
        requiredAge: reason.requiredAge,
        age: reason.age,
        eligibleFrom: formatDate(locale, reason.eligibleFrom),
      });
    case 'age-out-of-range':
      return translate(locale, 'reason.age-out-of-range', reason);
    case 'care-level-too-low':
      return translate(locale, 'reason.care-level-too-low', reason);
    case 'assessment-still-valid':
      return translate(locale, 'reason.assessment-still-valid', {
        validUntil: formatDate(locale, reason.validUntil),
        reassessFrom: formatDate(locale, reason.reassessFrom),
      });
    case 'none-of': {
      const alternatives = reason.branches
        .map((lacks) => lacks.map((r) => describeReason(locale, r).replace(/[。.]$/, '')).join(locale === 'zh-CN' ? '，' : ', '))
        .join(translate(locale, 'reason.alternative-separator'));
      return translate(locale, 'reason.none-of', { alternatives });
    }
    default:
      return translate(locale, `reason.${reason.code}`);
  }
}
