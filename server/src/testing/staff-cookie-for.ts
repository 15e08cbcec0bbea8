import type { StaffRole } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { STAFF_COOKIE } from '../staff/staff-cookie';

const PASSWORD = 'test-password-0123';

/**
 * Adds a staff account (a window clerk of the demo centre unless told otherwise) and logs it
 * in through the real route; returns the `cookie` header value for staff-only requests (e.g.
 * GET /applications/:applicationNo, any role).
 */
export async function staffCookieFor(
  app: FastifyInstance,
  user: { username: string; role?: StaffRole; centreId?: string | null; department?: string | null },
): Promise<string> {
  await app.staffAccounts.add({
    username: user.username,
    displayName: user.username,
    role: user.role ?? 'staff',
    // As the staff CLI requires: every role but the officer belongs to a centre.
    centreId: user.centreId !== undefined ? user.centreId : user.role === 'officer' ? null : DEMO_CENTRE_ID,
    department: user.department ?? null,
    password: PASSWORD,
  });
  const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username: user.username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${user.username}: ${res.statusCode} ${res.body}`);
  const header = res.headers['set-cookie'];
  const first = (Array.isArray(header) ? header[0] : header) ?? '';
  const token = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(first)?.[1];
  if (!token) throw new Error(`login ${user.username}: no session cookie`);
  return `${STAFF_COOKIE}=${token}`;
}
