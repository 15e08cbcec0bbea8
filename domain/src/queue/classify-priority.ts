import type { MessageKey } from '../i18n/messages/zh-CN';
import { ageOn, shanghaiDate, shanghaiDateTime } from '../time/local-date';
import { PRIORITY_CLASSES, type PriorityClass } from './priority-class';
import type { QueueRules } from './queue-rules';

/** The age from which a person is served first. */
export const PRIORITY_AGE = 80;

export interface PriorityFacts {
  /** ISO date, from the ID number (parseIdNumber). */
  birthDate?: string;
  /** From the resident registry. */
  registryFlags?: { veteran?: boolean; disability?: boolean };
  /** Classes a staff member has checked on a document (e.g. a disability certificate). */
  staffConfirmed?: readonly PriorityClass[];
  /** ISO instants of the booked slot. */
  appointment?: { slotStart: string; slotEnd: string };
}

export type PrioritySource = 'id-card' | 'registry' | 'staff' | 'appointment';

/** One class that applies and why; `key` + `params` is the text for staff and the citizen. */
export interface PriorityFinding {
  class: PriorityClass;
  source: PrioritySource;
  key: MessageKey;
  params: Record<string, string | number>;
}

const MINUTE_MS = 60_000;

/** HH:mm in Shanghai time. */
function clock(instant: Date): string {
  return shanghaiDateTime(instant).slice(11);
}

function automatic(facts: PriorityFacts, now: Date, rules: QueueRules): PriorityFinding[] {
  const found: PriorityFinding[] = [];
  if (facts.birthDate !== undefined) {
    // Age on the Shanghai calendar date: the 80th birthday itself already counts.
    const age = ageOn(facts.birthDate, shanghaiDate(now));
    if (age >= PRIORITY_AGE) found.push({ class: 'age80', source: 'id-card', key: 'queue.priority.age80.id-card', params: { age } });
  }
  if (facts.registryFlags?.veteran) found.push({ class: 'veteran', source: 'registry', key: 'queue.priority.veteran.registry', params: {} });
  if (facts.registryFlags?.disability) {
    found.push({ class: 'disability', source: 'registry', key: 'queue.priority.disability.registry', params: {} });
  }
  if (facts.appointment) {
    const start = Date.parse(facts.appointment.slotStart);
    const end = Date.parse(facts.appointment.slotEnd);
    if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError('The appointment slot needs ISO instants');
    // Half-open window: from grace minutes before the slot until (not including) its end.
    const t = now.getTime();
    if (t >= start - rules.appointmentGraceMinutes * MINUTE_MS && t < end) {
      found.push({
        class: 'appointment',
        source: 'appointment',
        key: 'queue.priority.appointment.slot',
        params: { slotStart: clock(new Date(start)), slotEnd: clock(new Date(end)) },
      });
    }
  }
  return found;
}

const STAFF_KEYS: Record<PriorityClass, MessageKey> = {
  age80: 'queue.priority.age80.staff',
  veteran: 'queue.priority.veteran.staff',
  disability: 'queue.priority.disability.staff',
  appointment: 'queue.priority.appointment.staff',
};

/**
 * The priority classes that apply to a person checking in at `now`, one finding per class (an
 * automatic source wins over a staff confirmation of the same class), in PRIORITY_CLASSES order.
 * Empty: a normal ticket.
 */
export function classifyPriority(facts: PriorityFacts, now: Date, rules: QueueRules): PriorityFinding[] {
  const found = automatic(facts, now, rules);
  for (const cls of facts.staffConfirmed ?? []) {
    if (!found.some((f) => f.class === cls)) found.push({ class: cls, source: 'staff', key: STAFF_KEYS[cls], params: {} });
  }
  return PRIORITY_CLASSES.flatMap((cls) => found.filter((f) => f.class === cls));
}
