import { isFinalPartStatus, type PartKind, type PartStatus } from '../applications/part-status';
import type { ProgressStep } from '../contracts/progress-api';
import { formatDate, translate, type Locale } from '../i18n/translate';
import type { HolidayYear } from '../time/public-holidays';
import { PUBLIC_HOLIDAYS } from '../time/public-holidays';
import { addWorkingDays } from '../time/working-days';
import { EXPECTED_WORKING_DAYS, PUBLIC_NOTICE_WORKING_DAYS } from './expected-durations';

/** What is known of a part, as the server stores it (dates are Shanghai dates, YYYY-MM-DD). */
export interface PartFacts {
  kind: PartKind;
  status: PartStatus;
  departmentName: { zh: string; en: string };
  /** The day of the part's last status change. */
  changedOn: string;
  visitDate?: string | null;
  careLevel?: number | null;
  noticeEndsOn?: string | null;
}

export interface PartProgressState {
  words: { zh: string; en: string };
  nextStep: ProgressStep | null;
  expectedBy: string | null;
  late: boolean;
  done: boolean;
}

type Calendar = Readonly<Record<number, HolidayYear>>;

/**
 * A part's state in plain words with the date its next step is due, counted in working days
 * from its last change (or from the booked visit / the end of the public notice), and whether
 * that date has passed (`today` is the Shanghai date; the caller's clock decides it).
 */
export function partProgress(facts: PartFacts, today: string, calendar: Calendar = PUBLIC_HOLIDAYS): PartProgressState {
  const done = isFinalPartStatus(facts.kind, facts.status);
  const step = done ? undefined : EXPECTED_WORKING_DAYS[facts.kind][facts.status];
  let expectedBy: string | null = null;
  if (step) {
    const from =
      step.from === 'visit-date'
        ? (facts.visitDate ?? facts.changedOn)
        : step.from === 'notice-end'
          ? (facts.noticeEndsOn ?? addWorkingDays(facts.changedOn, PUBLIC_NOTICE_WORKING_DAYS, calendar))
          : facts.changedOn;
    expectedBy = addWorkingDays(from, step.within, calendar);
  }
  return {
    words: { zh: wordsFor(facts, 'zh-CN', calendar), en: wordsFor(facts, 'en', calendar) },
    nextStep: step?.next ?? null,
    expectedBy,
    late: expectedBy !== null && today > expectedBy,
    done,
  };
}

function wordsFor(facts: PartFacts, locale: Locale, calendar: Calendar): string {
  const department = locale === 'zh-CN' ? facts.departmentName.zh : facts.departmentName.en;
  const date = (iso: string | null | undefined) => (iso ? formatDate(locale, iso) : '');
  const noticeEnd = facts.noticeEndsOn ?? addWorkingDays(facts.changedOn, PUBLIC_NOTICE_WORKING_DAYS, calendar);
  const params = { department, visitDate: date(facts.visitDate), careLevel: facts.careLevel ?? '', noticeEnd: date(noticeEnd) };
  const { kind, status } = facts;
  // Words that depend on the kind first, then those every kind shares.
  if (kind === 'assessment' && status === 'accepted') return translate(locale, 'progress.words.assessment.accepted', params);
  if (kind === 'assessment' && status === 'visit-scheduled' && facts.visitDate) {
    return translate(locale, 'progress.words.assessment.visit-scheduled', params);
  }
  if (kind === 'home-visit' && status === 'submitted') return translate(locale, 'progress.words.home-visit.submitted', params);
  if (kind === 'home-visit' && status === 'visit-scheduled' && facts.visitDate) {
    return translate(locale, 'progress.words.home-visit.visit-scheduled', params);
  }
  if (status === 'assessed' && facts.careLevel != null) return translate(locale, 'progress.words.assessed.level', params);
  return translate(locale, `progress.words.${status}`, params);
}
