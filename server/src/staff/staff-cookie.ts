/** The staff session cookie. Fastify's own header access is enough: no cookie library. */
export const STAFF_COOKIE = 'eldercare_staff';

/** The value of the staff cookie in a Cookie header, if any. */
export function readStaffCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === STAFF_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/ (the
 * staff pages and the API). Secure when the browser came over https.
 */
export function staffCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  const parts = [`${STAFF_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedStaffCookie(secure: boolean): string {
  return staffCookie('', { maxAgeSeconds: 0, secure });
}
