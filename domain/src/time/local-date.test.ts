import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageOn, isValidIsoDate, shanghaiDate, shanghaiDateTime } from './local-date';

describe('Shanghai dates', () => {
  it('turns an instant into the Shanghai calendar date (UTC+8)', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(shanghaiDateTime(new Date('2026-11-30T06:05:00Z'))).toBe('2026-11-30 14:05');
  });

  it('counts full years of age, birthday inclusive', () => {
    expect(ageOn('1961-11-30', '2026-11-29')).toBe(64);
    expect(ageOn('1961-11-30', '2026-11-30')).toBe(65);
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
  });

  it('adds days and years across month ends and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-11-30', -65)).toBe('1961-11-30');
  });

  it('validates ISO dates', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2024-2-9')).toBe(false);
  });
});
