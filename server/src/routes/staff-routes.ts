import { StaffLoginRequestSchema, StaffSessionResponseSchema } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { staffUserView } from '../staff/staff-accounts';
import { StaffLoginThrottledError } from '../staff/staff-errors';
import { errorResponses } from './error-responses';

/** Staff login, logout and "who am I" for the window, admin and technician pages. */
export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/login',
    {
      schema: {
        tags: ['staff'],
        summary: 'Log a staff member in; the session comes back as an HttpOnly cookie',
        description:
          'Errors: 400 VALIDATION_FAILED, INVALID_JSON; 401 STAFF_LOGIN_FAILED (unknown user, wrong password or disabled account alike); 429 STAFF_LOGIN_THROTTLED with Retry-After.',
        body: StaffLoginRequestSchema,
        response: { 200: StaffSessionResponseSchema, ...errorResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      try {
        const { user, token } = await app.staffLogin.login(request.body.username, request.body.password, request.ip ?? null);
        app.setStaffCookie(request, reply, token);
        return { user: staffUserView(user) };
      } catch (error) {
        if (error instanceof StaffLoginThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      }
    },
  );

  app.post(
    '/staff/logout',
    {
      schema: {
        tags: ['staff'],
        summary: 'End the staff session (if any) and clear its cookie',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const token = request.staffToken();
      if (token !== undefined) await app.staffLogin.logout(token, request.ip ?? null);
      app.clearStaffCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/staff/me',
    {
      schema: {
        tags: ['staff'],
        summary: 'The logged-in staff member (each call restarts the idle timeout)',
        description: 'Errors: 401 STAFF_SESSION_REQUIRED.',
        response: { 200: StaffSessionResponseSchema, ...errorResponses(401) },
      },
      preHandler: app.requireStaff(),
    },
    async (request) => ({ user: staffUserView(request.staffUser!) }),
  );
};
