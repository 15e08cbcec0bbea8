import { describe, expect, it } from 'vitest';
import { CALL_CLIPS, counterClips, counterNumberInChinese, InvalidSpokenCallError, spokenCall, ticketClips, type CallClipId } from './spoken-call';

const clipIds = new Set(CALL_CLIPS.map((clip) => clip.id));

describe('counter numbers, read as quantities', () => {
  it('reads the examples the way people say them', () => {
    expect(counterNumberInChinese(3)).toBe('三');
    expect(counterNumberInChinese(10)).toBe('十');
    expect(counterNumberInChinese(12)).toBe('十二');
    expect(counterNumberInChinese(20)).toBe('二十');
    expect(counterNumberInChinese(21)).toBe('二十一');
    expect(counterNumberInChinese(99)).toBe('九十九');
    expect(counterClips(12)).toEqual(['shi', 'digit-2']);
    expect(counterClips(20)).toEqual(['digit-2', 'shi']);
  });

  it('reads every number from 1 to 99 by the rule, with clips that exist', () => {
    const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    for (let n = 1; n <= 99; n++) {
      const tens = Math.floor(n / 10);
      const expected = (tens === 0 ? '' : tens === 1 ? '十' : `${units[tens]}十`) + units[n % 10];
      expect(counterNumberInChinese(n), String(n)).toBe(expected);
      for (const id of counterClips(n)) expect(clipIds.has(id), `${n}: ${id}`).toBe(true);
    }
  });

  it('refuses a counter it cannot read', () => {
    for (const bad of [0, 100, 1.5, -3, Number.NaN]) expect(() => counterClips(bad)).toThrow(InvalidSpokenCallError);
  });
});

describe('ticket numbers, read letter and digit by digit', () => {
  it('keeps the leading zeros as 零', () => {
    expect(ticketClips('A012')).toEqual(['letter-a', 'digit-0', 'digit-1', 'digit-2']);
    expect(ticketClips('B001')).toEqual(['letter-b', 'digit-0', 'digit-0', 'digit-1']);
    expect(ticketClips('C100')).toEqual(['letter-c', 'digit-1', 'digit-0', 'digit-0']);
  });

  it('has a clip for every letter, named after it', () => {
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const [first] = ticketClips(`${letter}123`);
      expect(first).toBe(`letter-${letter.toLowerCase()}`);
      expect(CALL_CLIPS.find((clip) => clip.id === first)).toEqual({ id: first, text: letter, kind: 'letter' });
    }
  });

  it('refuses what is not a ticket number', () => {
    for (const bad of ['a012', 'A12', 'A0123', 'AB12', '', '1012']) expect(() => ticketClips(bad), bad).toThrow(InvalidSpokenCallError);
  });
});

describe('spokenCall', () => {
  it('is 请 A012 号 到 3 号窗口办理, twice, slowly', () => {
    const call = spokenCall('A012', 3);
    expect(call.text).toBe('请A012号到3号窗口办理');
    expect(call.speech).toBe('请，A，零 一 二号，到三号窗口办理');
    expect(call.clips).toEqual<CallClipId[]>(['qing', 'letter-a', 'digit-0', 'digit-1', 'digit-2', 'hao', 'dao', 'digit-3', 'hao-chuangkou-banli']);
    expect(call.repetitions).toBe(2);
    expect(call.pauseMs).toBeGreaterThanOrEqual(800);
    expect(call.rate).toBeLessThan(1);
  });

  it('reads a two-digit counter as a quantity', () => {
    const call = spokenCall('C999', 12);
    expect(call.text).toBe('请C999号到12号窗口办理');
    expect(call.speech).toBe('请，C，九 九 九号，到十二号窗口办理');
    expect(call.clips.slice(-3)).toEqual(['shi', 'digit-2', 'hao-chuangkou-banli']);
  });

  it('has a typed error with a stable code', () => {
    try {
      spokenCall('A012', 100);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSpokenCallError);
      expect((error as InvalidSpokenCallError).code).toBe('INVALID_SPOKEN_CALL');
    }
  });

  it('lists each clip once', () => {
    expect(clipIds.size).toBe(CALL_CLIPS.length);
    expect(CALL_CLIPS.length).toBe(5 + 10 + 26);
  });
});
