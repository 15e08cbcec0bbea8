import { demoResidents, type IdCardData } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { decodeCardText } from './card-text';
import { CARD_TEXT_LENGTH } from './card-text-block';
import { encodeResidentCardText } from './resident-card-text';

const residents = demoResidents('2025-06-15').filter((r) => r.card.cardType === 'resident');
const liXiuying = residents.find((r) => r.key === 'li-xiuying')!.card;

describe('resident card text', () => {
  it.each(residents.map((r) => [r.key, r.card] as const))('round-trips %s', (_key, card) => {
    const text = encodeResidentCardText(card);
    expect(text).toHaveLength(CARD_TEXT_LENGTH);
    expect(decodeCardText(text)).toEqual(card);
  });

  it('puts each field at its GA 467 offset, UCS-2LE, padded with spaces', () => {
    const text = encodeResidentCardText(liXiuying);
    const at = (start: number, end: number) => text.toString('utf16le', start, end);
    expect(at(0, 30)).toBe('李秀英' + ' '.repeat(12));
    expect(at(30, 32)).toBe('2');
    expect(at(32, 36)).toBe('01');
    expect(at(36, 52)).toBe(liXiuying.birthDate.replaceAll('-', ''));
    expect(at(122, 158)).toBe(liXiuying.idNumber);
    expect(at(158, 188).trimEnd()).toBe('上海市公安局长宁分局');
    expect(at(204, 220)).toBe('长期' + ' '.repeat(6));
    expect(text[248]).toBe(0x20);
  });

  it('decodes a card that is not long-term', () => {
    const young = residents.find((r) => r.key === 'sun-lifang')!.card;
    expect(young.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(decodeCardText(encodeResidentCardText(young)).validTo).toBe(young.validTo);
  });

  it('trims trailing spaces only', () => {
    const card: IdCardData = { ...liXiuying, address: ' 上海市 长宁区 ' };
    expect(decodeCardText(encodeResidentCardText(card)).address).toBe(' 上海市 长宁区');
  });

  it('reports an unknown type mark at byte 248 as CARD_TYPE_UNSUPPORTED', () => {
    const text = encodeResidentCardText(liXiuying);
    text[248] = 0x4b; // 'K': no such card
    expect(() => decodeCardText(text)).toThrow(expect.objectContaining({ code: 'CARD_TYPE_UNSUPPORTED' }));
  });

  it('rejects malformed text without echoing personal data', () => {
    const badSex = encodeResidentCardText(liXiuying);
    badSex.write('9', 30, 'utf16le');
    expect(() => decodeCardText(badSex)).toThrow(expect.objectContaining({ code: 'CARD_TEXT_INVALID' }));
    const badDate = encodeResidentCardText(liXiuying);
    badDate.write('20231340', 36, 'utf16le');
    try {
      decodeCardText(badDate);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('2023');
      expect((err as Error).message).not.toContain(liXiuying.name);
    }
    expect(() => decodeCardText(Buffer.alloc(255))).toThrow(expect.objectContaining({ code: 'CARD_TEXT_INVALID' }));
  });

  it('refuses to encode what a resident card cannot hold', () => {
    expect(() => encodeResidentCardText({ ...liXiuying, name: '很'.repeat(16) })).toThrow(RangeError);
    expect(() => encodeResidentCardText({ ...liXiuying, cardType: 'foreign-permanent' })).toThrow(
      expect.objectContaining({ code: 'CARD_TYPE_UNSUPPORTED' }),
    );
  });
});
