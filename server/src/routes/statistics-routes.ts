import {
  AdminCentresResponseSchema,
  CentreDayStatisticsSchema,
  isValidIsoDate,
  shanghaiDate,
  StatisticsParamsSchema,
  StatisticsQuerySchema,
  type Locale,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ValidationFailedError } from '../errors/api-errors';
import { requestLocale } from '../http/request-locale';
import type { StaffUser } from '../staff/staff-accounts';
import { QueueStatistics } from '../statistics/queue-statistics';
import { statisticsCsv } from '../statistics/statistics-csv';
import { StatisticsCentreForbiddenError } from '../statistics/statistics-errors';
import { errorResponses } from './error-responses';

const CsvQuerySchema = Type.Object(
  {
    ...StatisticsQuerySchema.properties,
    /** A link cannot set Accept-Language: the page passes its own language. */
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

const ERRORS =
  'Errors: 400 VALIDATION_FAILED (also for a date that is not on the calendar); 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN ' +
  '(not a supervisor or officer), STATISTICS_CENTRE_FORBIDDEN (a supervisor asking for another centre); 404 QUEUE_CENTRE_NOT_FOUND.';

/** A supervisor sees their own centre only; officers work across centres. */
function checkCentre(user: StaffUser, centreId: string): void {
  if (user.role === 'supervisor' && user.centreId !== centreId) throw new StatisticsCentreForbiddenError(centreId);
}

/**
 * /admin statistics of a centre's day. Counts and durations only, no personal data: the reads
 * are not audited (the holder read on the window terminal is).
 */
export const statisticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const statistics = new QueueStatistics(app.db);

  /** The requested day (today in Shanghai by default), checked against the calendar. */
  const dayOf = (date: string | undefined): string => {
    if (date === undefined) return shanghaiDate(app.clock());
    // The pattern lets 2026-02-30 through; the database would refuse it with a 500.
    if (!isValidIsoDate(date)) throw new ValidationFailedError([{ path: '/querystring/date', message: 'not a calendar date' }]);
    return date;
  };
  const staff = (request: FastifyRequest) => request.staffUser!;

  app.get(
    '/admin/centres',
    {
      schema: {
        tags: ['admin'],
        summary: 'The centres this staff member may see statistics of',
        description: 'A supervisor: their own centre; an officer: every centre. Errors: 401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN.',
        response: { 200: AdminCentresResponseSchema, ...errorResponses(401, 403) },
      },
      preHandler: app.requireStaff('supervisor', 'officer'),
    },
    async (request) => {
      const user = staff(request);
      // A supervisor without a centre sees none (not every one).
      if (user.role === 'supervisor') return { centres: user.centreId === null ? [] : await statistics.centres(user.centreId) };
      return { centres: await statistics.centres() };
    },
  );

  app.get(
    '/admin/centres/:centreId/statistics',
    {
      schema: {
        tags: ['admin'],
        summary: 'A centre’s day in numbers: tickets, transfers, recalls, waiting and service times per category and counter, priority share, tickets per hour',
        description: `date defaults to today (Asia/Shanghai). No personal data, so not audited. ${ERRORS}`,
        params: StatisticsParamsSchema,
        querystring: StatisticsQuerySchema,
        response: { 200: CentreDayStatisticsSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff('supervisor', 'officer'),
    },
    async (request) => {
      checkCentre(staff(request), request.params.centreId);
      return statistics.day(request.params.centreId, dayOf(request.query.date));
    },
  );

  app.get(
    '/admin/centres/:centreId/statistics.csv',
    {
      schema: {
        tags: ['admin'],
        summary: 'The same numbers as CSV (UTF-8 with BOM, for Excel), plus one row per ticket without holder data',
        description:
          'Sections: summary, by category, by counter, priority classes, tickets per hour, tickets (number, category, priority classes, ' +
          'issued / first called / last called / finished times in Shanghai time, counter, counter that transferred it, status). ' +
          'Times in minutes. Headers in the language of ' +
          `lang, else Accept-Language. ${ERRORS}`,
        params: StatisticsParamsSchema,
        querystring: CsvQuerySchema,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: app.requireStaff('supervisor', 'officer'),
    },
    async (request, reply) => {
      const { centreId } = request.params;
      checkCentre(staff(request), centreId);
      const date = dayOf(request.query.date);
      const locale: Locale = request.query.lang ?? requestLocale(request.headers['accept-language']);
      const [day, tickets] = await Promise.all([statistics.day(centreId, date), statistics.tickets(centreId, date)]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="statistics-${centreId}-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(statisticsCsv(day, tickets, locale));
    },
  );
};
