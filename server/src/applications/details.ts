import { translate, type Localized, type MessageKey } from '@eldercare/domain';

/** One line of an application's `details`. */
export interface DetailLine {
  label: Localized;
  value: Localized;
}

/** A catalogue message in both languages. */
export function words(key: MessageKey): Localized {
  return { zh: translate('zh-CN', key), en: translate('en', key) };
}

/** Several messages joined the way each language lists things (扶手、防滑地面 / Grab bars, Non-slip floor). */
export function wordList(keys: MessageKey[]): Localized {
  const sep = words('applications.separator');
  return { zh: keys.map((k) => translate('zh-CN', k)).join(sep.zh), en: keys.map((k) => translate('en', k)).join(sep.en) };
}

export function joinLocalized(values: Localized[]): Localized {
  const sep = words('applications.separator');
  return { zh: values.map((v) => v.zh).join(sep.zh), en: values.map((v) => v.en).join(sep.en) };
}

/** Same text in both languages: numbers, masked values. */
export function verbatim(value: string): Localized {
  return { zh: value, en: value };
}

export function line(label: MessageKey, value: Localized): DetailLine {
  return { label: words(label), value };
}

export function yesNo(value: boolean): Localized {
  return words(value ? 'applications.yes' : 'applications.no');
}
