import { Type, type Static } from 'typebox';

/**
 * 分别办理: every application has one part per handling department (or, for the joint
 * application, per chosen service), and each part moves through its own statuses. Which moves
 * are allowed depends on the part's kind; officers, the server itself (`system`) and an
 * external department system that took the part over all go through `canMovePart`.
 */

export const PartStatusSchema = Type.Union([
  Type.Literal('submitted'), // 已提交，待受理
  Type.Literal('waiting-for-assessment'), // 待评估结果：the care level it depends on is being assessed in the same application
  Type.Literal('accepted'), // 已受理
  Type.Literal('more-info-requested'), // 需补充材料
  Type.Literal('visit-scheduled'), // 已安排上门（评估或上门办）
  Type.Literal('assessed'), // 已评估，得出照护等级
  Type.Literal('public-notice'), // 评估公示中
  Type.Literal('report-delivered'), // 评估报告已推送
  Type.Literal('approved'), // 审核通过
  Type.Literal('rejected'), // 不予通过
  Type.Literal('completed'), // 已办结（即时办结的事项，或上门办已完成）
]);
export type PartStatus = Static<typeof PartStatusSchema>;

/**
 * - `assessment`: the LTC needs assessment (home visit → care level → 评估公示 → 报告推送);
 * - `review`: a department decides (accept, ask for more, approve or reject);
 * - `home-visit`: 上门办, staff schedule and make a visit;
 * - `instant`: done when submitted (免申即享 channel choice, sports voucher, taxi booking).
 */
export const PartKindSchema = Type.Union([Type.Literal('assessment'), Type.Literal('review'), Type.Literal('home-visit'), Type.Literal('instant')]);
export type PartKind = Static<typeof PartKindSchema>;

const MOVES: Record<PartKind, Partial<Record<PartStatus, readonly PartStatus[]>>> = {
  assessment: {
    submitted: ['accepted', 'more-info-requested', 'rejected'],
    'more-info-requested': ['accepted', 'rejected'],
    accepted: ['visit-scheduled', 'more-info-requested', 'rejected'],
    // A visit may be moved to another day.
    'visit-scheduled': ['visit-scheduled', 'assessed'],
    assessed: ['public-notice'],
    'public-notice': ['report-delivered'],
  },
  review: {
    'waiting-for-assessment': ['submitted', 'rejected'],
    submitted: ['accepted', 'more-info-requested', 'rejected'],
    'more-info-requested': ['accepted', 'rejected'],
    accepted: ['approved', 'rejected', 'more-info-requested'],
  },
  'home-visit': {
    submitted: ['visit-scheduled', 'rejected'],
    'visit-scheduled': ['visit-scheduled', 'completed'],
  },
  instant: {},
};

export function canMovePart(kind: PartKind, from: PartStatus, to: PartStatus): boolean {
  return MOVES[kind][from]?.includes(to) ?? false;
}

/** The statuses a part of this kind can move to next (empty when it is final). */
export function nextPartStatuses(kind: PartKind, from: PartStatus): readonly PartStatus[] {
  return MOVES[kind][from] ?? [];
}

/** A part in a final status moves no more. */
export function isFinalPartStatus(kind: PartKind, status: PartStatus): boolean {
  return nextPartStatuses(kind, status).length === 0;
}
