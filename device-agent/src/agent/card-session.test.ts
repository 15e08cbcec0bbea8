import { demoResidents } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardSession } from './card-session';

const card = demoResidents('2025-06-15')[0]!.card;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CardSession', () => {
  it('forgets the card after the hold time and wipes the photo bytes', () => {
    const session = new CardSession(60_000);
    const photo = Buffer.alloc(1024, 0x5a);
    session.hold({ card, photo });
    vi.advanceTimersByTime(59_999);
    expect(session.current?.card).toEqual(card);
    vi.advanceTimersByTime(1);
    expect(session.current).toBeUndefined();
    expect(photo.every((b) => b === 0)).toBe(true);
  });

  it('forgets on demand, and a new card restarts the hold time', () => {
    const session = new CardSession(1000);
    session.hold({ card, photo: Buffer.alloc(4, 1) });
    vi.advanceTimersByTime(900);
    const second = Buffer.alloc(4, 2);
    session.hold({ card, photo: second });
    vi.advanceTimersByTime(900);
    expect(session.current?.photo).toBe(second);
    session.forget();
    expect(session.current).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds the optional card fields (extra address, English name, permit number) and drops them with the card', () => {
    const permit = demoResidents('2025-06-15').find((r) => r.card.cardType === 'hkmo-tw-permit')!.card;
    const full = { ...permit, extraAddress: '上海市徐汇区漕溪北路100号', englishName: 'LEUNG, KWOK WAH' };
    const session = new CardSession(1000);
    session.hold({ card: full, photo: Buffer.alloc(4, 1) });
    expect(session.current?.card).toEqual(full);
    session.forget();
    expect(session.current).toBeUndefined();
    session.hold({ card: full, photo: Buffer.alloc(4, 1) });
    vi.advanceTimersByTime(1000);
    expect(session.current).toBeUndefined();
  });
});
