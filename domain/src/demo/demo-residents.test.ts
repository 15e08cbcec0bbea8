import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../id-number/id-number';
import { ageOn } from '../time/local-date';
import { demoResidents } from './demo-residents';

describe('demo residents', () => {
  it.each(['2026-11-30', '2027-02-28', '2028-02-29', '2030-06-15'])('have valid ID numbers and their stated ages on %s', (today) => {
    const residents = demoResidents(today);
    for (const r of residents) {
      const parsed = parseIdNumber(r.idNumber);
      expect(parsed.birthDate).toBe(r.birthDate);
      expect(parsed.sex).toBe(r.sex);
      expect(ageOn(r.birthDate, today), r.key).toBe(r.age);
      expect(r.card.idNumber).toBe(r.idNumber);
    }
    expect(new Set(residents.map((r) => r.idNumber)).size).toBe(residents.length);
  });

  it('span ages 55 to 101 with Shanghai and other hukou, card holders and chosen channels', () => {
    const residents = demoResidents('2026-11-30');
    const ages = residents.map((r) => r.age);
    expect(Math.min(...ages)).toBe(55);
    expect(Math.max(...ages)).toBe(101);
    expect(residents.some((r) => r.hukou === 'other')).toBe(true);
    expect(residents.some((r) => r.holdsSeniorCard)).toBe(true);
    expect(residents.some((r) => r.allowanceChannel !== null)).toBe(true);
  });
});
