import {
  HOME_ADAPTATION_SUBSIDY_CATEGORIES,
  type HomeAdaptationSubsidyCategory,
} from '../catalogue/home-adaptation-subsidy';
import { unmetConditions } from './evaluate-eligibility';
import type { PersonFacts } from './person-facts';

/** The first subsidy category (catalogue order) whose conditions the person meets; the last has none. */
export function homeAdaptationCategory(person: PersonFacts, onDate: string): HomeAdaptationSubsidyCategory {
  const found = HOME_ADAPTATION_SUBSIDY_CATEGORIES.find((c) => unmetConditions(c.conditions, person, onDate).length === 0);
  if (!found) throw new Error('The last home-adaptation subsidy category must have no conditions');
  return found;
}
