import { demoResidents, idNumberCheckDigit, type IdCardData } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { decodeCardText, encodeCardText } from './card-text';
import { CARD_TEXT_LENGTH } from './card-text-block';
import { ReaderError } from './reader-error';

const residents = demoResidents('2025-06-15');
const anna = residents.find((r) => r.key === 'anna-miller')!.card;
const leung = residents.find((r) => r.key === 'leung-kwok-wah')!.card;

/** A 2017 foreign permanent resident card, invented: 15-character number, no Chinese name. */
const card2017: IdCardData = {
  cardType: 'foreign-permanent',
  name: 'OKAFOR, CHIDI EMEKA',
  sex: 'male',
  nationCode: '',
  birthDate: '1956-03-09',
  address: '',
  idNumber: 'NGA310056030912',
  issuingAuthority: '3100',
  validFrom: '2019-05-20',
  validTo: '2029-05-19',
  englishName: 'OKAFOR, CHIDI EMEKA',
  nationality: 'NGA',
};

const ucs2 = (value: string) => Buffer.from(value, 'utf16le');
/** `value` padded with spaces to the field's byte length, as a card holds it. */
const field = (value: string, bytes: number) => Buffer.concat([ucs2(value), ucs2(' '.repeat((bytes - value.length * 2) / 2))]);

describe('card text layouts (golden bytes)', () => {
  it('2017 foreign permanent resident card: type I, English name first, 15-character number', () => {
    const text = encodeCardText({ ...card2017, name: '奥卡福' });
    expect(text).toHaveLength(CARD_TEXT_LENGTH);
    const expected = Buffer.concat([
      field('OKAFOR, CHIDI EMEKA', 120), // 0–119 English name
      ucs2('1'), // 120 sex
      ucs2('NGA310056030912'), // 122–151 number
      ucs2('NGA'), // 152–157 nationality
      field('奥卡福', 30), // 158–187 Chinese name
      ucs2('20190520'),
      ucs2('20290519'),
      ucs2('19560309'), // 220–235 birth
      ucs2('01'), // 236–239 card version
      ucs2('3100'), // 240–247 authority code
      ucs2('I'),
      field('', 6),
    ]);
    expect(text.toString('hex')).toBe(expected.toString('hex'));
  });

  it('2023 foreign permanent resident card: type Y, the resident grid, English name split at 35 characters', () => {
    const longName = 'MILLER-FITZGERALD, ANNA CATHERINE ELIZABETH'; // 43 characters
    const text = encodeCardText({ ...anna, englishName: longName });
    const expected = Buffer.concat([
      field('米安娜', 30),
      ucs2('2'), // 30 sex
      ucs2('00'), // 32–35 renewal count
      ucs2(anna.birthDate.replaceAll('-', '')),
      ucs2(longName.slice(0, 35)), // 52–121 English name, first 35 characters
      ucs2(anna.idNumber), // 122–157
      field('', 30), // 158–187 reserved
      ucs2(anna.validFrom.replaceAll('-', '')),
      ucs2(anna.validTo.replaceAll('-', '')),
      field(longName.slice(35), 22), // 220–241 English name, characters 36–46
      ucs2('CAN'), // 242–247
      ucs2('Y'),
      field('', 6),
    ]);
    expect(text.toString('hex')).toBe(expected.toString('hex'));
    expect(decodeCardText(text).englishName).toBe(longName);
  });

  it('HK/Macau/Taiwan residence permit: type J, resident grid plus permit number and issue count', () => {
    const text = encodeCardText(leung);
    const expected = Buffer.concat([
      field('梁国华', 30),
      ucs2('1'),
      field('', 4), // 32–35: no nation on a permit
      ucs2(leung.birthDate.replaceAll('-', '')),
      field(leung.address, 70),
      ucs2(leung.idNumber),
      field('上海市公安局徐汇分局', 30),
      ucs2(leung.validFrom.replaceAll('-', '')),
      ucs2(leung.validTo.replaceAll('-', '')),
      ucs2('H60218457'), // 220–237
      ucs2('01'), // 238–241
      field('', 6),
      ucs2('J'),
      field('', 6),
    ]);
    expect(text.toString('hex')).toBe(expected.toString('hex'));
  });
});

describe('decodeCardText', () => {
  it.each(residents.map((r) => [r.key, r.card] as const))('round-trips demo card %s', (_key, card) => {
    expect(decodeCardText(encodeCardText(card))).toEqual(card);
  });

  it('round-trips a 2017 card, a card with a Chinese name and a card without counts', () => {
    expect(decodeCardText(encodeCardText(card2017))).toEqual(card2017);
    expect(decodeCardText(encodeCardText({ ...card2017, name: '奥卡福' }))).toMatchObject({ name: '奥卡福', englishName: card2017.englishName });
    const { issueCount: _dropped, ...noCount } = leung;
    expect(decodeCardText(encodeCardText(noCount))).toEqual(noCount);
  });

  it('uses the English name when a foreign card has no Chinese name', () => {
    const decoded = decodeCardText(encodeCardText({ ...anna, name: anna.englishName! }));
    expect(decoded.name).toBe('MILLER, ANNA');
  });

  it('checks each card type number rule', () => {
    const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const cases: [IdCardData, string][] = [
      [anna, wrongCheck(anna.idNumber)], // 2023: GB 11643 check digit
      [anna, '1' + anna.idNumber.slice(1, 17) + idNumberCheckDigit('1' + anna.idNumber.slice(1, 17))], // must start with 9
      [leung, wrongCheck(leung.idNumber)],
      [leung, '84' + leung.idNumber.slice(2, 17) + idNumberCheckDigit('84' + leung.idNumber.slice(2, 17))], // 81/82/83 only
      [card2017, 'NG4310056030912'], // 3 letters and 12 digits
    ];
    for (const [card, idNumber] of cases) {
      expect(() => decodeCardText(encodeCardText({ ...card, idNumber })), idNumber).toThrow(
        expect.objectContaining({ code: 'CARD_TEXT_INVALID' }),
      );
    }
  });

  it('rejects a bad nationality, permit number or count without echoing personal data', () => {
    const bad: IdCardData[] = [
      { ...card2017, nationality: 'ng1' },
      { ...leung, passNumber: 'h-1' },
    ];
    for (const card of bad) {
      try {
        decodeCardText(encodeCardText(card));
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(ReaderError);
        expect((err as ReaderError).code).toBe('CARD_TEXT_INVALID');
        expect((err as Error).message).not.toContain(card.idNumber);
        expect((err as Error).message).not.toContain(card.name);
      }
    }
    const badCount = encodeCardText(leung);
    badCount.write('1x', 238, 'utf16le');
    expect(() => decodeCardText(badCount)).toThrow(expect.objectContaining({ code: 'CARD_TEXT_INVALID' }));
  });

  it('refuses to encode what a card cannot hold', () => {
    expect(() => encodeCardText({ ...anna, englishName: 'A'.repeat(47) })).toThrow(RangeError);
    expect(() => encodeCardText({ ...card2017, englishName: 'A'.repeat(61) })).toThrow(RangeError);
    expect(() => encodeCardText({ ...leung, passNumber: 'H1234567890' })).toThrow(RangeError);
  });
});
