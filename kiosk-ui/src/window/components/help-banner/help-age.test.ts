import { translate } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { helpAge } from './help-age';

const at = '2026-12-01T02:00:00.000Z';
const words = (now: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const { key, params } = helpAge(at, Date.parse(now));
  return translate(locale, key, params);
};

describe('helpAge', () => {
  it('says 刚刚 under a minute, and when the browser clock is behind the server', () => {
    expect(words('2026-12-01T02:00:59.999Z')).toBe('刚刚');
    expect(words('2026-12-01T01:59:30.000Z')).toBe('刚刚');
  });

  it('counts whole minutes, then hours and minutes', () => {
    expect(words('2026-12-01T02:01:00.000Z')).toBe('1 分钟前');
    expect(words('2026-12-01T02:59:59.000Z')).toBe('59 分钟前');
    expect(words('2026-12-01T03:05:00.000Z')).toBe('1 小时 5 分钟前');
    expect(words('2026-12-01T03:05:00.000Z', 'en')).toBe('1 h 5 min ago');
  });
});
