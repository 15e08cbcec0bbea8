import type { PartMoveResponse } from '@eldercare/domain';
import type { Translate } from '../admin-translator';

/**
 * What a move of the assessment did to the parts that waited for it, for the officer's message:
 * passed on to their departments (report delivered) or ended with it (assessment rejected).
 */
export function movedWithIt(t: Translate, released: PartMoveResponse['released']): string {
  const ended = released.filter((r) => r.status === 'rejected').length;
  const passedOn = released.length - ended;
  return [passedOn > 0 ? t('worklist.released', { count: passedOn }) : '', ended > 0 ? t('worklist.closedWithAssessment', { count: ended }) : '']
    .join(' ')
    .trim();
}
