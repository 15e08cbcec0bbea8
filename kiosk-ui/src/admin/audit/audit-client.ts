import type { AuditLogPage, AuditQuery, Locale } from '@eldercare/domain';
import { adminFetch } from '../admin-client';

function search(query: AuditQuery & { lang?: Locale }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The audit log calls of /admin 审计日志. */
export const auditClient = {
  page: (query: AuditQuery) => adminFetch<AuditLogPage>(`/api/v1/admin/audit${search(query)}`),
  csvHref: (query: AuditQuery, locale: Locale) => `/api/v1/admin/audit.csv${search({ ...query, page: undefined, pageSize: undefined, lang: locale })}`,
};
export type AuditClient = typeof auditClient;
