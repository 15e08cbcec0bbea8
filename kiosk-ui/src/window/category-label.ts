import { localized, type CounterView } from '@eldercare/domain';
import type { WindowWords } from './window-translator';

/** "A 养老服务" from the view's category names. */
export function categoryLabel(view: CounterView, code: string, words: WindowWords): string {
  const name = view.categoryNames.find((c) => c.code === code)?.name;
  return name ? `${code} ${localized(words.locale, name)}` : code;
}
