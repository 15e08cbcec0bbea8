import { translate, type Locale } from '../i18n/translate';
import type { CallReason } from './choose-next-ticket';
import type { PriorityFinding } from './classify-priority';
import type { PriorityClass } from './priority-class';

/** The name of a priority class, e.g. 80周岁以上老人. */
export function describePriorityClass(locale: Locale, cls: PriorityClass): string {
  return translate(locale, `queue.class.${cls}`);
}

/** Why a person is served first, e.g. 年满80周岁（82周岁，按身份证出生日期）. */
export function describePriorityFinding(locale: Locale, finding: PriorityFinding): string {
  return translate(locale, finding.key, finding.params);
}

/** Why a ticket is next, for the staff at the window, e.g. 已连续叫了2位优先号，按规则轮到普通号. */
export function describeCallReason(locale: Locale, reason: CallReason): string {
  switch (reason.code) {
    case 'priority':
      return translate(locale, 'queue.reason.priority', { class: describePriorityClass(locale, reason.priorityClass) });
    case 'normal-waited-too-long':
      return translate(locale, 'queue.reason.normal-waited-too-long', {
        waited: reason.waitedMinutes,
        minutes: reason.maxNormalWaitMinutes,
      });
    case 'interleave-normal-turn':
      return translate(locale, 'queue.reason.interleave-normal-turn', { count: reason.consecutivePriorityCalls });
    case 'first-come':
      return translate(locale, 'queue.reason.first-come');
    case 'transferred-to-counter':
      return translate(locale, 'queue.reason.transferred-to-counter', { counter: reason.fromCounter });
  }
}
