import { describe, expect, it } from 'vitest';
import { addWorkingDays, isCalendarKnown, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days in Shanghai', () => {
  it('skips the National Day holiday and counts the Saturday worked in exchange', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('skips the Spring Festival week of 2026 and plain weekends', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday worked
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-30', 0)).toBe('2026-11-30');
  });

  it('counts working days between two dates, the first excluded', () => {
    expect(workingDaysBetween('2026-11-30', '2026-12-04')).toBe(4);
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween('2026-12-04', '2026-11-30')).toBe(0);
  });

  it('says when a year has no published calendar and falls back to weekends', () => {
    expect(isCalendarKnown('2026-05-01')).toBe(true);
    expect(isCalendarKnown('2031-05-01')).toBe(false);
    expect(isWorkingDay('2031-05-01')).toBe(true); // a Thursday; its holiday is not in the data
    expect(() => addWorkingDays('2026-11-30', -1)).toThrow(RangeError);
  });

  it('takes another calendar as data', () => {
    const calendar = { 2030: { holidays: ['2030-01-01'], workingWeekends: [] } };
    expect(isWorkingDay('2030-01-01', calendar)).toBe(false);
  });
});
