import type { StaffRole } from '@eldercare/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { seedDemoStaff } from '../staff/demo-staff-seeder';
import { StaffAccounts, type StaffUser } from '../staff/staff-accounts';
import { StaffAudit } from '../staff/staff-audit';
import { clearedStaffCookie, readStaffCookie, staffCookie } from '../staff/staff-cookie';
import { StaffRoleForbiddenError, StaffSessionRequiredError } from '../staff/staff-errors';
import { DEFAULT_STAFF_LOGIN_THROTTLE, StaffLogin, type StaffLoginThrottle } from '../staff/staff-login';
import { DEFAULT_STAFF_SESSION_LIMITS, StaffSessions, type StaffSessionLimits } from '../staff/staff-sessions';

export interface StaffAuthOptions {
  sessionLimits?: Partial<StaffSessionLimits>;
  throttle?: Partial<StaffLoginThrottle>;
  /**
   * Behind a TLS-terminating proxy the server sees http: trust `X-Forwarded-Proto: https` to mark
   * the cookie Secure. Only set this when a proxy you run always sets (or strips) that header.
   */
  trustForwardedProto?: boolean;
  /** Create the demo accounts with random passwords listed in this file (mode 0600). */
  demoPasswordsFile?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    staffAccounts: StaffAccounts;
    staffSessions: StaffSessions;
    staffLogin: StaffLogin;
    staffAudit: StaffAudit;
    /** A preHandler: 401 STAFF_SESSION_REQUIRED without a live session, 403 STAFF_ROLE_FORBIDDEN for another role. */
    requireStaff(...roles: StaffRole[]): preHandlerAsyncHookHandler;
    /** Set-Cookie for a new session, Secure when the request came over https. */
    setStaffCookie(request: FastifyRequest, reply: FastifyReply, token: string): void;
    clearStaffCookie(request: FastifyRequest, reply: FastifyReply): void;
  }
  interface FastifyRequest {
    /** The logged-in staff user, after `requireStaff`. */
    staffUser: StaffUser | null;
    /** The raw session token from the cookie, when well-formed. */
    staffToken(): string | undefined;
  }
}

/** Staff accounts, sessions in an HttpOnly cookie, and the `requireStaff` guard for staff routes. */
async function staffAuthPlugin(app: FastifyInstance, options: StaffAuthOptions): Promise<void> {
  const accounts = new StaffAccounts(app.db, app.clock);
  const sessions = new StaffSessions(app.db, app.clock, { ...DEFAULT_STAFF_SESSION_LIMITS, ...options.sessionLimits });
  const audit = new StaffAudit(app.db);
  app.decorate('staffAccounts', accounts);
  app.decorate('staffSessions', sessions);
  app.decorate('staffAudit', audit);
  app.decorate('staffLogin', new StaffLogin(accounts, sessions, audit, app.clock, { ...DEFAULT_STAFF_LOGIN_THROTTLE, ...options.throttle }));

  const secure = (request: FastifyRequest) =>
    request.protocol === 'https' || (options.trustForwardedProto === true && request.headers['x-forwarded-proto'] === 'https');
  app.decorate('setStaffCookie', (request: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.header('set-cookie', staffCookie(token, { maxAgeSeconds: Math.floor(sessions.limits.absoluteMs / 1000), secure: secure(request) }));
  });
  app.decorate('clearStaffCookie', (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('set-cookie', clearedStaffCookie(secure(request)));
  });

  app.decorateRequest('staffUser', null);
  app.decorateRequest('staffToken', function (this: FastifyRequest) {
    return readStaffCookie(this.headers.cookie);
  });

  app.decorate('requireStaff', (...roles: StaffRole[]): preHandlerAsyncHookHandler => {
    return async function requireStaff(request) {
      const token = request.staffToken();
      const user = token === undefined ? undefined : await sessions.resolve(token);
      if (!user) throw new StaffSessionRequiredError();
      if (roles.length > 0 && !roles.includes(user.role)) throw new StaffRoleForbiddenError(roles);
      request.staffUser = user;
    };
  });

  if (options.demoPasswordsFile) {
    const created = await seedDemoStaff(accounts, options.demoPasswordsFile);
    if (created.length > 0) app.log.info({ created, passwordsFile: options.demoPasswordsFile }, 'demo staff accounts created');
  }
}

export default fp(staffAuthPlugin, {
  name: 'eldercare-staff-auth',
  fastify: '5.x',
  dependencies: ['eldercare-database', 'eldercare-clock'],
});
