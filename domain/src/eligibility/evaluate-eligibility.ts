import { serviceCatalogue } from '../catalogue/service-catalogue';
import type { Condition, ServiceCatalogue, ServiceDefinition } from '../catalogue/service-definition';
import { addDays, addYears, ageOn } from '../time/local-date';
import type { IneligibilityReason, PersonFacts, ServiceEligibility } from './person-facts';

/** What a single condition lacks for this person on this date (empty: it holds). */
function check(condition: Condition, person: PersonFacts, onDate: string): IneligibilityReason[] {
  const age = ageOn(person.birthDate, onDate);
  switch (condition.kind) {
    case 'min-age':
      return age >= condition.years
        ? []
        : [{ code: 'too-young', requiredAge: condition.years, age, eligibleFrom: addYears(person.birthDate, condition.years) }];
    case 'age-between':
      return age >= condition.min && age <= condition.max
        ? []
        : [{ code: 'age-out-of-range', min: condition.min, max: condition.max, age }];
    case 'shanghai-hukou':
      return person.shanghaiHukou ? [] : [{ code: 'not-shanghai-hukou' }];
    case 'assessed':
      return person.careLevel !== null ? [] : [{ code: 'not-assessed' }];
    case 'min-care-level':
      if (person.careLevel === null) return [{ code: 'not-assessed' }];
      return person.careLevel >= condition.level
        ? []
        : [{ code: 'care-level-too-low', requiredLevel: condition.level, careLevel: person.careLevel }];
    case 'financial-hardship':
      return person.financialHardship ? [] : [{ code: 'no-financial-hardship' }];
    case 'not-holding-senior-card':
      if (person.holdsSeniorCard) return [{ code: 'already-holds-senior-card' }];
      return person.seniorCardApplicationPending ? [{ code: 'senior-card-application-pending' }] : [];
    case 'meal-assistance-approved':
      if (person.mealAssistanceApproved === condition.expected) return [];
      return [{ code: condition.expected ? 'meal-assistance-not-approved' : 'meal-assistance-already-approved' }];
    case 'assessment-due': {
      // 期末评估: a conclusion still valid beyond the window is not assessed again; one ending
      // within it (or already ended) may be.
      const until = person.assessmentValidUntil ?? null;
      const windowEnd = addDays(onDate, condition.daysAhead);
      return until === null || until <= windowEnd
        ? []
        : [{ code: 'assessment-still-valid', validUntil: until, reassessFrom: addDays(until, -condition.daysAhead) }];
    }
    case 'any-of': {
      const branches = condition.branches.map((branch) => branch.flatMap((c) => check(c, person, onDate)));
      return branches.some((lacks) => lacks.length === 0) ? [] : [{ code: 'none-of', branches }];
    }
  }
}

/** Every reason the conditions do not hold for this person on this date (empty: all hold). */
export function unmetConditions(conditions: readonly Condition[], person: PersonFacts, onDate: string): IneligibilityReason[] {
  return conditions.flatMap((c) => check(c, person, onDate));
}

export function evaluateService(service: ServiceDefinition, person: PersonFacts, onDate: string): ServiceEligibility {
  const reasons = unmetConditions(service.conditions, person, onDate);
  return { serviceKey: service.key, eligible: reasons.length === 0, reasons };
}

/**
 * The one rules function: for a person on a Shanghai date, which services apply and, for each
 * that does not, every reason. The server's answer is authoritative; the kiosk uses the same
 * function only to explain.
 */
export function evaluateEligibility(
  person: PersonFacts,
  onDate: string,
  catalogue: ServiceCatalogue = serviceCatalogue,
): ServiceEligibility[] {
  return catalogue.services.map((service) => evaluateService(service, person, onDate));
}
