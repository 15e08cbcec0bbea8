import { translate, type Locale, type MessageKey, type MessageParams } from '@eldercare/domain';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function displayTranslator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
