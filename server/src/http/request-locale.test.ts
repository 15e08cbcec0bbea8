import { describe, expect, it } from 'vitest';
import { requestLocale } from './request-locale';

describe('requestLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.3', 'en'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en;q=abc', 'zh-CN'],
    ['*', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
  ] as const)('%s → %s', (header, expected) => {
    expect(requestLocale(header)).toBe(expected);
  });
});
