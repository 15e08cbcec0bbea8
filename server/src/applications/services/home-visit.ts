import { ageOn, findService, SERVICE_KEYS, type HomeVisitReason, type MessageKey } from '@eldercare/domain';
import { HomeVisitNotEligibleError, HomeVisitUnknownServiceError } from '../application-errors';
import { joinLocalized, line, words } from '../details';
import type { ApplierFor } from '../service-applier';

const HOME_VISIT_MIN_AGE = 80;

/**
 * 上门办: staff come to someone who cannot come. Age 80+ is checked against the ID number;
 * bedridden or disabled is declared by the senior (or their proxy) and accepted as told.
 */
export const homeVisitApplier: ApplierFor<'home-visit'> = {
  async apply(request, { facts, today }) {
    const { reason, services, period, phone } = request.answers;
    const age = ageOn(facts.birthDate, today);
    if (reason === 'age-80-plus' && age < HOME_VISIT_MIN_AGE) throw new HomeVisitNotEligibleError(age);
    const unknown = services.filter((key) => !(SERVICE_KEYS as readonly string[]).includes(key));
    if (unknown.length > 0) throw new HomeVisitUnknownServiceError(unknown);
    return {
      status: 'submitted',
      answers: { reason, services, period },
      phone,
      mailingAddress: null,
      parts: [{ serviceKey: 'home-visit', department: 'street-office', kind: 'home-visit', status: 'submitted' }],
    };
  },

  describe({ answers }) {
    const services = answers.services as string[];
    return [
      line('applications.details.homeVisitReason', words(`applications.details.homeVisitReason.${answers.reason as HomeVisitReason}`)),
      line('applications.details.homeVisitServices', joinLocalized(services.map((key) => findService(key).shortName))),
      line('applications.details.period', words(`applications.details.period.${answers.period as 'morning' | 'afternoon'}` as MessageKey)),
    ];
  },
};
