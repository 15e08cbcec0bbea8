/**
 * The stable code of a failure thrown by a host actor (a typed error with `code`, e.g. the
 * server's NOT_ELIGIBLE or the agent's PRINTER_PAPER_OUT), or null when it carries none
 * (a network failure, a bug). Screens choose their plain-words message by this code.
 */
export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return null;
}
