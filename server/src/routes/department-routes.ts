import {
  PartDetailSchema,
  PartMoveRequestSchema,
  PartMoveResponseSchema,
  PartParamsSchema,
  PartReadQuerySchema,
  WorklistQuerySchema,
  WorklistResponseSchema,
} from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DepartmentWork } from '../departments/department-work';
import type { StaffUser } from '../staff/staff-accounts';
import { errorResponses } from './error-responses';

const SESSION_ERRORS = '401 STAFF_SESSION_REQUIRED; 403 STAFF_ROLE_FORBIDDEN, OFFICER_WITHOUT_DEPARTMENT; 400 VALIDATION_FAILED';

function actor(request: FastifyRequest): StaffUser {
  // requireStaff ran as preHandler: the user is there.
  return request.staffUser!;
}

/**
 * /departments: 分别办理. Officers (staff_users.department) work their department's parts (of every
 * centre); supervisors read any department's worklist and parts, of their own centre's applications
 * and of those tied to no centre. Moves follow canMovePart and write the
 * part's history; reading a part's person data is audited (staff_audit 'person_read').
 */
export const departmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const work = new DepartmentWork(app.db, (no) => app.applicationService.get(no), app.clock);
  const readers = app.requireStaff('officer', 'supervisor');

  app.get(
    '/departments/worklist',
    {
      preHandler: readers,
      schema: {
        tags: ['departments'],
        summary: 'The parts a department works, oldest first (longest in their status), paged; no personal data',
        description:
          'Officers get their own department (naming another: 403 DEPARTMENT_NOT_YOURS); supervisors name one (400 ' +
          'DEPARTMENT_REQUIRED) and see only their centre’s applications and those tied to no centre. Without status: ' +
          'every part that can still move. ' +
          `Errors: ${SESSION_ERRORS}.`,
        querystring: WorklistQuerySchema,
        response: { 200: WorklistResponseSchema, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => work.worklist(actor(request), request.query),
  );

  app.get(
    '/departments/parts/:applicationNo/:partNo',
    {
      preHandler: readers,
      schema: {
        tags: ['departments'],
        summary: 'One part with its history and the application’s masked view (audited with the reason given)',
        description:
          'Every read is written to staff_audit (event person_read: who, when, reason, application and part) before any ' +
          'person data is read. Errors: 404 PART_NOT_FOUND; 403 PART_NOT_YOURS (an officer of another department, a supervisor of another centre); ' +
          `${SESSION_ERRORS} (reason missing or blank).`,
        params: PartParamsSchema,
        querystring: PartReadQuerySchema,
        response: { 200: PartDetailSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return work.read(actor(request), request.params.applicationNo, request.params.partNo, request.query.reason, request.ip);
    },
  );

  app.post(
    '/departments/parts/:applicationNo/:partNo/moves',
    {
      preHandler: app.requireStaff('officer'),
      schema: {
        tags: ['departments'],
        summary: 'Move a part to its next status (受理, 补充材料, 上门, 评估, 公示, 报告推送, 通过, 不予通过)',
        description:
          'expectedStatus is the status the officer saw. visit-scheduled needs visitDate (today or later); assessed needs ' +
          'careLevel; assessed → public-notice sets noticeEndsOn (5 working days); report-delivered (after the notice) writes ' +
          'the care level and assessmentValidUntil (2 years) to the resident and releases the application’s ' +
          'waiting-for-assessment parts. Errors: 409 PART_CHANGED, PART_MOVE_NOT_ALLOWED, PART_HANDLED_EXTERNALLY, ' +
          'NOTICE_PERIOD_RUNNING; 400 VISIT_DATE_REQUIRED, VISIT_DATE_IN_PAST, CARE_LEVEL_REQUIRED, MOVE_FIELD_UNEXPECTED; ' +
          `404 PART_NOT_FOUND; 403 PART_NOT_YOURS; ${SESSION_ERRORS}.`,
        params: PartParamsSchema,
        body: PartMoveRequestSchema,
        response: { 200: PartMoveResponseSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500) },
      },
    },
    async (request) => work.move(actor(request), request.params.applicationNo, request.params.partNo, request.body),
  );
};
