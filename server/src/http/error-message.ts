import { isMessageKey, translate, type Locale } from '@eldercare/domain';

/**
 * Codes the server uses that the domain message catalogue does not (yet) have. Kept here rather
 * than in domain/ because only the server raises them.
 */
const SERVER_ONLY_MESSAGES: Record<string, Record<Locale, string>> = {
  DATABASE_UNAVAILABLE: { 'zh-CN': '系统暂时无法访问数据库，请稍后再试。', en: 'The database is unavailable. Please try again later.' },
  BAD_REQUEST: { 'zh-CN': '请求无法处理，请检查后重试。', en: 'The request could not be processed.' },
};

/** The people-facing message for an error code, in the request's language. */
export function errorMessage(locale: Locale, code: string): string {
  const key = `error.${code}`;
  if (isMessageKey(key)) return translate(locale, key);
  const local = SERVER_ONLY_MESSAGES[code];
  return local ? local[locale] : translate(locale, 'error.INTERNAL');
}
