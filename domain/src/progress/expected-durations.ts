import type { PartKind, PartStatus } from '../applications/part-status';
import type { ProgressStep } from '../contracts/progress-api';

/**
 * How long each step of a part should take, in working days (工作日), as data. `from` says what
 * the days count from: the part's last status change, or (once booked) the visit date, or the
 * end of the public notice. A status missing here expects nothing of the department: the part
 * is final, or waits for the person (补充材料) or for another part (待评估结果).
 *
 * The LTC assessment adds up to 17 working days, as the policy promises (from 30 to 17):
 * accept 2 + visit 5 + result 3 + public notice 5 + report 2 (the notice starts the day the
 * result is out).
 */
export interface ExpectedStep {
  next: ProgressStep;
  within: number;
  from: 'status-change' | 'visit-date' | 'notice-end';
}

export const EXPECTED_WORKING_DAYS: Readonly<Record<PartKind, Partial<Record<PartStatus, ExpectedStep>>>> = {
  review: {
    submitted: { next: 'acceptance', within: 2, from: 'status-change' },
    accepted: { next: 'decision', within: 10, from: 'status-change' },
  },
  assessment: {
    submitted: { next: 'acceptance', within: 2, from: 'status-change' },
    accepted: { next: 'visit', within: 5, from: 'status-change' },
    'visit-scheduled': { next: 'result', within: 3, from: 'visit-date' },
    assessed: { next: 'notice', within: 0, from: 'status-change' },
    'public-notice': { next: 'report', within: 2, from: 'notice-end' },
  },
  'home-visit': {
    submitted: { next: 'visit', within: 3, from: 'status-change' },
    'visit-scheduled': { next: 'visit', within: 0, from: 'visit-date' },
  },
  instant: {},
};

/** The 评估公示 lasts this many working days when the officer did not record its end. */
export const PUBLIC_NOTICE_WORKING_DAYS = 5;
