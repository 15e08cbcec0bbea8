import type { AdminCentresResponse, CentreDayStatistics, ErrorBody, Locale, StaffSessionResponse } from '@eldercare/domain';

/** A refused or failed call: the server's stable code, or NETWORK when nothing came back. */
export class AdminApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/**
 * JSON from the server's staff API with the session cookie (every /admin section calls through
 * this); a refusal becomes AdminApiError with the server's code, 204 resolves undefined.
 */
export async function adminFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json), cache: 'no-store', credentials: 'same-origin' });
  } catch (err) {
    throw new AdminApiError('NETWORK', 0, err instanceof Error ? err.message : String(err));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload as Partial<ErrorBody> | null;
    throw new AdminApiError(error?.code ?? 'HTTP_ERROR', response.status, error?.message ?? response.statusText);
  }
  return payload as T;
}

const centrePath = (centreId: string) => `/api/v1/admin/centres/${encodeURIComponent(centreId)}`;

/** The /admin page's calls to the server; the session is the HttpOnly cookie. */
export const adminClient = {
  me: () => adminFetch<StaffSessionResponse>('/api/v1/staff/me'),
  login: (username: string, password: string) => adminFetch<StaffSessionResponse>('/api/v1/staff/login', { method: 'POST', json: { username, password } }),
  logout: () => adminFetch<void>('/api/v1/staff/logout', { method: 'POST' }),
  centres: () => adminFetch<AdminCentresResponse>('/api/v1/admin/centres'),
  /** Without a date: today in Shanghai, as the server counts days. */
  statistics: (centreId: string, date?: string) => adminFetch<CentreDayStatistics>(`${centrePath(centreId)}/statistics${date ? `?date=${date}` : ''}`),
  csvHref: (centreId: string, date: string, locale: Locale) => `${centrePath(centreId)}/statistics.csv?date=${date}&lang=${locale}`,
};

export type AdminClient = typeof adminClient;
