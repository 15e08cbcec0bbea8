import { isMessageKey, translate, type Locale, type MessageKey, type MessageParams } from '@eldercare/domain';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** An error code in the page's language (the server answered in the browser's). */
export function errorText(t: Translate, code: string, fallback: string): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? t(key) : fallback;
}

/** Seconds as minutes with one decimal, or — when there is no value. */
export function formatMinutes(seconds: number | null): string {
  return seconds === null ? '—' : (Math.round(seconds / 6) / 10).toFixed(1);
}
