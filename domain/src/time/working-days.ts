import { PUBLIC_HOLIDAYS, type HolidayYear } from './public-holidays';

/**
 * Working days (工作日) in Shanghai: Monday to Friday, minus public holidays, plus the weekend
 * days worked in exchange (调休). Deadlines of the services are counted in working days.
 * For a year without published data only weekends count as days off; `isCalendarKnown` says so.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const yearSets = new Map<number, { holidays: Set<string>; working: Set<string> }>();
function setsFor(year: number, calendar: Readonly<Record<number, HolidayYear>>) {
  if (calendar !== PUBLIC_HOLIDAYS) {
    const y = calendar[year];
    return { holidays: new Set(y?.holidays ?? []), working: new Set(y?.workingWeekends ?? []) };
  }
  let sets = yearSets.get(year);
  if (!sets) {
    const y = PUBLIC_HOLIDAYS[year];
    sets = { holidays: new Set(y?.holidays ?? []), working: new Set(y?.workingWeekends ?? []) };
    yearSets.set(year, sets);
  }
  return sets;
}

/** Whether the holiday calendar of that date's year is in the data. */
export function isCalendarKnown(date: string, calendar: Readonly<Record<number, HolidayYear>> = PUBLIC_HOLIDAYS): boolean {
  return calendar[Number(date.slice(0, 4))] !== undefined;
}

export function isWorkingDay(date: string, calendar: Readonly<Record<number, HolidayYear>> = PUBLIC_HOLIDAYS): boolean {
  const { holidays, working } = setsFor(Number(date.slice(0, 4)), calendar);
  if (working.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `days` working days after `date` (the day itself not counted): 2026-09-30 + 1 is
 * 2026-10-08. `days` 0 gives `date` itself.
 */
export function addWorkingDays(date: string, days: number, calendar: Readonly<Record<number, HolidayYear>> = PUBLIC_HOLIDAYS): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays: days must be a whole number ≥ 0, got ${days}`);
  let at = toUtc(date);
  let left = days;
  while (left > 0) {
    at = new Date(at.getTime() + DAY_MS);
    if (isWorkingDay(toIso(at), calendar)) left -= 1;
  }
  return toIso(at);
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: Readonly<Record<number, HolidayYear>> = PUBLIC_HOLIDAYS): number {
  let count = 0;
  for (let at = toUtc(from).getTime() + DAY_MS; at <= toUtc(to).getTime(); at += DAY_MS) {
    if (isWorkingDay(toIso(new Date(at)), calendar)) count += 1;
  }
  return count;
}
