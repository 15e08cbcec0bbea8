import { isMessageKey, translate, type Locale, type MessageKey, type MessageParams } from '@eldercare/domain';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface WindowWords {
  locale: Locale;
  t: Translate;
  /** The plain words for a failure's stable code (the catalogue's error.<CODE>, else a fallback naming the code). */
  error(code: string): string;
  /** A time of day in Shanghai, e.g. 09:42. */
  time(iso: string): string;
}

export function windowWords(locale: Locale): WindowWords {
  const t: Translate = (key, params) => translate(locale, key, params);
  const clock = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    locale,
    t,
    error(code) {
      const own = `window.error.${code}`;
      if (isMessageKey(own)) return t(own);
      const shared = `error.${code}`;
      if (isMessageKey(shared)) return t(shared);
      return t('window.error.unknown', { code });
    },
    time: (iso) => clock.format(new Date(iso)),
  };
}
