/**
 * What the rules need to know about a person. The server builds it from the ID card and the
 * resident registry; nothing here is personal beyond what the rules use.
 */
export interface PersonFacts {
  /** ISO date from the ID number. */
  birthDate: string;
  shanghaiHukou: boolean;
  holdsSeniorCard: boolean;
  /** A senior-card application is already in progress (card being made). */
  seniorCardApplicationPending: boolean;
  /** Care level 1–6 from the unified needs assessment; null when never assessed. */
  careLevel: number | null;
  financialHardship: boolean;
  mealAssistanceApproved: boolean;
  /**
   * Last day the current assessment conclusion is valid (ISO date); null or absent when there is
   * none. Optional so that hosts built before 期末评估 existed still type-check.
   */
  assessmentValidUntil?: string | null;
}

/** Why a service does not apply, in data; `describeReason` turns it into words. */
export type IneligibilityReason =
  | { code: 'too-young'; requiredAge: number; age: number; eligibleFrom: string }
  | { code: 'age-out-of-range'; min: number; max: number; age: number }
  | { code: 'not-shanghai-hukou' }
  | { code: 'not-assessed' }
  | { code: 'care-level-too-low'; requiredLevel: number; careLevel: number }
  | { code: 'no-financial-hardship' }
  | { code: 'already-holds-senior-card' }
  | { code: 'senior-card-application-pending' }
  | { code: 'meal-assistance-already-approved' }
  | { code: 'meal-assistance-not-approved' }
  /** The assessment conclusion is still valid beyond the re-assessment window (期末评估). */
  | { code: 'assessment-still-valid'; validUntil: string; reassessFrom: string }
  /** None of several alternatives holds; each branch lists what it lacks. */
  | { code: 'none-of'; branches: IneligibilityReason[][] };

export interface ServiceEligibility {
  serviceKey: string;
  eligible: boolean;
  /** Empty when eligible. */
  reasons: IneligibilityReason[];
}
