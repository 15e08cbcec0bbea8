import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface GuardDecision {
  status: 401 | 403;
  code: 'HOST_FORBIDDEN' | 'ORIGIN_FORBIDDEN' | 'UNAUTHORIZED';
  message: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The agent's access rules, shared by HTTP routes and the WebSocket upgrade:
 *  - Host must name loopback, so a DNS-rebound page cannot reach us under its own name;
 *  - an Origin header, when present, must be a configured UI origin (curl sends none);
 *  - the pairing token must match, compared in constant time.
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, allowedOrigins: ReadonlySet<string>): GuardDecision | null {
  const host = (headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!LOOPBACK_HOSTS.has(host)) return { status: 403, code: 'HOST_FORBIDDEN', message: 'The agent answers on loopback only' };
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return { status: 403, code: 'ORIGIN_FORBIDDEN', message: 'This origin is not allowed to use the device agent' };
  }
  return null;
}

export function checkToken(presented: string | undefined, expected: string): GuardDecision | null {
  if (presented !== undefined && tokenEquals(presented, expected)) return null;
  return { status: 401, code: 'UNAUTHORIZED', message: 'A valid pairing token is required' };
}

/** The token from `Authorization: Bearer <token>`. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** Hashing first makes the comparison constant-time regardless of the lengths. */
export function tokenEquals(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
