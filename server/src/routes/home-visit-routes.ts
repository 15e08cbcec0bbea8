import {
  HomeVisitDetailSchema,
  HomeVisitListQuerySchema,
  HomeVisitListSchema,
  HomeVisitMovedSchema,
  HomeVisitMoveRequestSchema,
  HomeVisitParamsSchema,
  HomeVisitReadQuerySchema,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HomeVisits } from '../home-visits/home-visits';
import { errorResponses } from './error-responses';

const AUTH = '401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN (window staff and supervisors only)';

/**
 * /admin 上门办: the centre's staff see, schedule and complete home visits: those of their own
 * centre's applications and of applications tied to no centre (another centre's: 404).
 */
export const homeVisitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const visits = new HomeVisits(app.db, app.protector, app.clock);
  const staffOnly = app.requireStaff('staff', 'supervisor');

  app.get(
    '/admin/home-visits',
    {
      schema: {
        tags: ['admin'],
        summary: 'Home visits (上门办) of the viewer’s centre (and of applications tied to none) to schedule and make, oldest first, without person data',
        description: `Errors: 400 VALIDATION_FAILED; ${AUTH}.`,
        querystring: HomeVisitListQuerySchema,
        response: { 200: HomeVisitListSchema, ...errorResponses(400, 401, 403) },
      },
      preHandler: staffOnly,
    },
    async (request) => ({ visits: await visits.list(request.query.status ?? 'open', request.staffUser!) }),
  );

  app.get(
    '/admin/home-visits/:applicationNo/:partNo',
    {
      schema: {
        tags: ['admin'],
        summary: 'One home visit with the person (masked) and its history; the read is audited with the reason given',
        description: `Writes a person_read row to staff_audit (who, when, reason, application, part) before answering. Errors: 400 VALIDATION_FAILED (reason required); ${AUTH}; 404 HOME_VISIT_NOT_FOUND (also another centre’s visit).`,
        params: HomeVisitParamsSchema,
        querystring: HomeVisitReadQuerySchema,
        response: { 200: HomeVisitDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preHandler: staffOnly,
    },
    async (request) => visits.detail(request.params.applicationNo, request.params.partNo, request.staffUser!, request.query.reason, request.ip ?? null),
  );

  app.post(
    '/admin/home-visits/:applicationNo/:partNo/moves',
    {
      schema: {
        tags: ['admin'],
        summary: 'Schedule a home visit (or move it to another day), mark it done, or decline it; answers the visit and its history',
        description:
          'Moves as canMovePart allows for home-visit parts (submitted → visit-scheduled | rejected; visit-scheduled → visit-scheduled | completed), ' +
          `written to the part's history with the staff username. Errors: 400 VALIDATION_FAILED, VISIT_DATE_REQUIRED, VISIT_DATE_IN_PAST, MOVE_FIELD_UNEXPECTED; ${AUTH}; ` +
          '404 HOME_VISIT_NOT_FOUND (also another centre’s visit); 409 PART_MOVE_NOT_ALLOWED, PART_CHANGED, PART_HANDLED_EXTERNALLY.',
        params: HomeVisitParamsSchema,
        body: HomeVisitMoveRequestSchema,
        response: { 200: HomeVisitMovedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preHandler: staffOnly,
    },
    async (request) => visits.move(request.params.applicationNo, request.params.partNo, request.body, request.staffUser!),
  );
};
