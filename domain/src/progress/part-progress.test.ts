import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../time/working-days';
import { EXPECTED_WORKING_DAYS, PUBLIC_NOTICE_WORKING_DAYS } from './expected-durations';
import { partProgress, type PartFacts } from './part-progress';

const MEDICAL = { zh: '医保部门', en: 'Medical insurance bureau' };
const STREET = { zh: '街道（乡镇）', en: 'Street / township office' };

function facts(over: Partial<PartFacts>): PartFacts {
  return { kind: 'review', status: 'submitted', departmentName: STREET, changedOn: '2026-09-29', ...over };
}

describe('EXPECTED_WORKING_DAYS', () => {
  it('adds up to the 17 working days the policy promises for the LTC assessment', () => {
    const a = EXPECTED_WORKING_DAYS.assessment;
    const total = a.submitted!.within + a.accepted!.within + a['visit-scheduled']!.within + a.assessed!.within + PUBLIC_NOTICE_WORKING_DAYS + a['public-notice']!.within;
    expect(total).toBe(17);
  });
});

describe('partProgress across the 2026 National Day holiday (1–7 October off, Saturday 10 October worked)', () => {
  it('a review part submitted on Tuesday 29 September is due for acceptance on Thursday 8 October', () => {
    const p = partProgress(facts({}), '2026-10-08');
    expect(p).toMatchObject({ nextStep: 'acceptance', expectedBy: '2026-10-08', late: false, done: false });
    expect(p.words.zh).toBe('已提交，等待街道（乡镇）受理');
    expect(partProgress(facts({}), '2026-10-09').late).toBe(true);
  });

  it('a decision within 10 working days of acceptance on 30 September counts the worked Saturday', () => {
    // 8, 9, 10 (Sat, worked), 12, 13, 14, 15, 16, 19, 20 October.
    const p = partProgress(facts({ status: 'accepted', changedOn: '2026-09-30' }), '2026-10-20');
    expect(p).toMatchObject({ nextStep: 'decision', expectedBy: '2026-10-20', late: false });
    expect(p.words.zh).toBe('已受理，街道（乡镇）正在审核');
    expect(p.words.en).toBe('Accepted; the Street / township office is reviewing it');
  });

  it('an accepted assessment says it waits for the visit, due within 5 working days', () => {
    const p = partProgress(facts({ kind: 'assessment', status: 'accepted', departmentName: MEDICAL, changedOn: '2026-09-30' }), '2026-10-01');
    expect(p.words.zh).toBe('已受理，等待上门评估');
    // 8, 9, 10 (Sat, worked), 12, 13 October.
    expect(p).toMatchObject({ nextStep: 'visit', expectedBy: '2026-10-13', late: false });
  });

  it('a booked visit names its date, and the result is due 3 working days after it', () => {
    const p = partProgress(
      facts({ kind: 'assessment', status: 'visit-scheduled', departmentName: MEDICAL, changedOn: '2026-09-28', visitDate: '2026-09-30' }),
      '2026-10-12',
    );
    expect(p.words.zh).toBe('评估人员2026年9月30日上门评估');
    expect(p).toMatchObject({ nextStep: 'result', expectedBy: '2026-10-10', late: true });
  });

  it('the care level is told, and the public notice is due the same day', () => {
    const p = partProgress(facts({ kind: 'assessment', status: 'assessed', careLevel: 3, changedOn: '2026-10-09' }), '2026-10-09');
    expect(p.words.zh).toBe('已评估，照护等级3级，即将公示');
    expect(p).toMatchObject({ nextStep: 'notice', expectedBy: '2026-10-09', late: false });
  });

  it('the report is due 2 working days after the notice ends (recorded, or 5 working days after it began)', () => {
    const recorded = partProgress(facts({ kind: 'assessment', status: 'public-notice', changedOn: '2026-09-24', noticeEndsOn: '2026-09-30' }), '2026-10-09');
    expect(recorded.words.zh).toBe('评估结果公示中，2026年9月30日结束');
    expect(recorded).toMatchObject({ nextStep: 'report', expectedBy: '2026-10-09', late: false });
    const counted = partProgress(facts({ kind: 'assessment', status: 'public-notice', changedOn: '2026-09-24' }), '2026-10-09');
    // From Thursday 24 Sep: 25–27 Sep are 中秋节 in the 2026 data, so 28, 29, 30 Sep, 8, 9 Oct end
    // the notice, and 10 (Saturday, worked) and 12 Oct deliver the report.
    expect(addWorkingDays('2026-09-24', 5)).toBe('2026-10-09');
    expect(counted).toMatchObject({ expectedBy: '2026-10-12', late: false });
    expect(counted.words.zh).toBe('评估结果公示中，2026年10月9日结束');
  });

  it('a home visit: arranged within 3 working days, then due on its day', () => {
    const asked = partProgress(facts({ kind: 'home-visit', status: 'submitted', changedOn: '2026-09-30' }), '2026-10-10');
    expect(asked.words.zh).toBe('已提交，等待安排上门');
    expect(asked).toMatchObject({ nextStep: 'visit', expectedBy: '2026-10-10', late: false });
    const booked = partProgress(facts({ kind: 'home-visit', status: 'visit-scheduled', visitDate: '2026-10-12' }), '2026-10-13');
    expect(booked.words.zh).toBe('工作人员2026年10月12日上门');
    expect(booked).toMatchObject({ expectedBy: '2026-10-12', late: true });
  });

  it.each([
    ['review', 'approved', '审核通过，办好了'],
    ['review', 'rejected', '没有通过，原因请问窗口工作人员'],
    ['assessment', 'report-delivered', '评估报告已送达，评估办完了'],
    ['instant', 'completed', '已办结'],
    ['home-visit', 'completed', '已办结'],
  ] as const)('a final %s part (%s) is done, with no date and never late', (kind, status, words) => {
    const p = partProgress(facts({ kind, status, changedOn: '2020-01-01' }), '2026-10-12');
    expect(p).toMatchObject({ done: true, nextStep: null, expectedBy: null, late: false });
    expect(p.words.zh).toBe(words);
  });

  it.each([
    ['more-info-requested', '需要补充材料，请带上材料到服务中心窗口'],
    ['waiting-for-assessment', '等评估结果出来后再审核'],
  ] as const)('%s waits for someone else than the department: no date, not late', (status, words) => {
    const p = partProgress(facts({ status, changedOn: '2020-01-01' }), '2026-10-12');
    expect(p).toMatchObject({ done: false, nextStep: null, expectedBy: null, late: false });
    expect(p.words.zh).toBe(words);
  });

  it('every status of every kind has words in both languages without leftover placeholders', () => {
    for (const kind of ['review', 'assessment', 'home-visit', 'instant'] as const) {
      for (const status of ['submitted', 'waiting-for-assessment', 'accepted', 'more-info-requested', 'visit-scheduled', 'assessed', 'public-notice', 'report-delivered', 'approved', 'rejected', 'completed'] as const) {
        const { words } = partProgress(facts({ kind, status }), '2026-10-12');
        expect(words.zh).not.toMatch(/[{}]/);
        expect(words.en).not.toMatch(/[{}]/);
      }
    }
  });
});
