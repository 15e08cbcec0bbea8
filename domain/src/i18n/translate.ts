import { en } from './messages/en';
import { zhCN, type MessageKey } from './messages/zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** Looks a key up in the locale's catalogue and fills in {placeholders}. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date the way people write it: 2029年4月3日 / 3 April 2029. */
export function formatDate(locale: Locale, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return translate(locale, 'date.format', { year, month, day, monthName: MONTHS[month - 1] ?? '' });
}

/** Picks the language of a bilingual text. */
export function localized(locale: Locale, text: { zh: string; en: string }): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}
