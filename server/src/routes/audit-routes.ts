import { AUDIT_CSV_MAX_ROWS, AuditCsvQuerySchema, AuditLogPageSchema, AuditQuerySchema, isValidIsoDate, type AuditQuery, type Locale } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditCsv } from '../audit/audit-csv';
import { AUDIT_PAGE_SIZE_DEFAULT, AuditLog, type AuditFilter } from '../audit/audit-log';
import { centreScopeOf } from '../centres/centre-scope';
import { ValidationFailedError } from '../errors/api-errors';
import { requestLocale } from '../http/request-locale';
import { errorResponses } from './error-responses';

const ERRORS =
  'Errors: 400 VALIDATION_FAILED (also a date not on the calendar, or from after to); 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN (supervisors only).';

/** The pattern lets 2026-02-30 through; the database would refuse it with a 500. */
function filterOf(query: AuditQuery): AuditFilter {
  for (const key of ['from', 'to'] as const) {
    const date = query[key];
    if (date !== undefined && !isValidIsoDate(date)) throw new ValidationFailedError([{ path: `/querystring/${key}`, message: 'not a calendar date' }]);
  }
  if (query.from && query.to && query.from > query.to) throw new ValidationFailedError([{ path: '/querystring/from', message: 'after to' }]);
  return {
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
    ...(query.username !== undefined && { username: query.username }),
    ...(query.event !== undefined && { event: query.event }),
  };
}

/**
 * /admin 审计日志: supervisors read who logged in, and who read whose data when and why: the rows
 * of their centre (its staff; officers' reads of its applications) and rows of no centre.
 */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const log = new AuditLog(app.db);

  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first, filtered by Shanghai date range, username and event, paged',
        description: `The viewer’s centre only: its staff’s rows, officers’ reads of its applications, and rows of no centre (unknown usernames, officers’ logins). No person data: ticket numbers and application numbers only. ${ERRORS}`,
        querystring: AuditQuerySchema,
        response: { 200: AuditLogPageSchema, ...errorResponses(400, 401, 403) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? AUDIT_PAGE_SIZE_DEFAULT;
      return { ...(await log.page(filterOf(request.query), centreScopeOf(request.staffUser!), page, pageSize)), page, pageSize };
    },
  );

  app.get(
    '/admin/audit.csv',
    {
      schema: {
        tags: ['admin'],
        summary: 'The same rows as CSV (UTF-8 with BOM, for Excel), newest first',
        description: `At most ${AUDIT_CSV_MAX_ROWS} rows; headers in the language of lang, else Accept-Language. ${ERRORS}`,
        querystring: AuditCsvQuerySchema,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errorResponses(400, 401, 403) },
      },
      preHandler: app.requireStaff('supervisor'),
    },
    async (request, reply) => {
      const locale: Locale = request.query.lang ?? requestLocale(request.headers['accept-language']);
      const entries = await log.all(filterOf(request.query), centreScopeOf(request.staffUser!), AUDIT_CSV_MAX_ROWS);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .header('cache-control', 'no-store')
        .send(auditCsv(entries, locale));
    },
  );
};
