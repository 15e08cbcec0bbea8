import type { PersonFacts } from '@eldercare/domain';
import type { ResidentRecord } from '../registry/resident-record';

/** What the eligibility rules need, from the registry. */
export function personFactsForResident(birthDate: string, resident: ResidentRecord, seniorCardApplicationPending: boolean): PersonFacts {
  return {
    birthDate,
    shanghaiHukou: resident.hukouRegion === 'shanghai',
    holdsSeniorCard: resident.holdsSeniorCard,
    seniorCardApplicationPending,
    careLevel: resident.careLevel,
    financialHardship: resident.financialHardship,
    mealAssistanceApproved: resident.mealAssistanceApproved,
    assessmentValidUntil: resident.assessmentValidUntil,
  };
}

/** A person the registry does not know: only the card speaks for them, and nothing is held. */
export function personFactsForCardOnly(birthDate: string, hukouRegion: 'shanghai' | 'other'): PersonFacts {
  return {
    birthDate,
    shanghaiHukou: hukouRegion === 'shanghai',
    holdsSeniorCard: false,
    seniorCardApplicationPending: false,
    careLevel: null,
    financialHardship: false,
    mealAssistanceApproved: false,
    assessmentValidUntil: null,
  };
}
