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

describe('demo residents without a resident card', () => {
  const residents = demoResidents('2026-11-30');
  const anna = residents.find((r) => r.key === 'anna-miller')!;
  const leung = residents.find((r) => r.key === 'leung-kwok-wah')!;

  it('a foreign permanent resident of about 70 with a 2023 card: 18 digits starting with 9', () => {
    expect(anna.age).toBe(70);
    expect(anna.card).toMatchObject({ cardType: 'foreign-permanent', englishName: 'MILLER, ANNA', nationality: 'CAN', address: '', nationCode: '' });
    expect(anna.idNumber).toMatch(/^9\d{16}[\dX]$/);
    expect(parseIdNumber(anna.idNumber).regionCode).toBe('931124');
    expect(anna.hukou).toBe('other');
    expect(anna.address.startsWith('上海市')).toBe(true);
  });

  it('a Hong Kong resident of about 66 with a residence permit: 18 digits starting with 81', () => {
    expect(leung.age).toBe(66);
    expect(leung.card).toMatchObject({ cardType: 'hkmo-tw-permit', passNumber: 'H60218457', issueCount: 1, nationCode: '' });
    expect(leung.idNumber).toMatch(/^810000\d{11}[\dX]$/);
    expect(leung.hukou).toBe('other');
  });

  it('both cards are valid today', () => {
    for (const card of [anna.card, leung.card]) {
      expect(card.validFrom < '2026-11-30').toBe(true);
      expect(card.validTo > '2026-11-30').toBe(true);
    }
  });
});
