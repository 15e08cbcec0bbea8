import { isMessageKey, translate, type Locale } from '@eldercare/domain';

/** The people-facing message for an error code, in the request's language. */
export function errorMessage(locale: Locale, code: string): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'error.INTERNAL');
}
