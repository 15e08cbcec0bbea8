import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { formatDate, translate } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogue', () => {
  it('has every Chinese key in English, with no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const value of [...Object.values(en), ...Object.values(zhCN)]) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages (dates excepted)', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      if (key === 'date.format') continue;
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('fills placeholders and formats dates per language', () => {
    expect(translate('zh-CN', 'age.years', { age: 82 })).toBe('82周岁');
    expect(formatDate('zh-CN', '2029-04-03')).toBe('2029年4月3日');
    expect(formatDate('en', '2029-04-03')).toBe('3 April 2029');
  });
});
