import { findService, localized, type HomeVisitSummary, type Locale, type PartStatus } from '@eldercare/domain';
import type { Translate } from '../admin-translator';

/** The words of a visit's fields, shared by the list and the detail. */
export const visitWords = (t: Translate, locale: Locale) => ({
  status: (status: PartStatus) => t(`applications.partStatus.${status}`),
  reason: (visit: HomeVisitSummary) => t(`applications.details.homeVisitReason.${visit.reason}`),
  period: (visit: HomeVisitSummary) => t(`applications.details.period.${visit.period}`),
  services: (visit: HomeVisitSummary) => visit.services.map((key) => localized(locale, findService(key).shortName)).join(locale === 'zh-CN' ? '、' : ', '),
});
