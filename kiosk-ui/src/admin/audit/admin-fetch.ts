import type { ErrorBody } from '@eldercare/domain';
import { AdminApiError } from '../admin-client';

/** JSON from the admin API with the session cookie; a refusal becomes AdminApiError with the server's code. */
export async function adminFetch<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
      body: init.json === undefined ? null : JSON.stringify(init.json),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new AdminApiError('NETWORK', 0, err instanceof Error ? err.message : String(err));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload as Partial<ErrorBody> | null;
    throw new AdminApiError(error?.code ?? 'HTTP_ERROR', response.status, error?.message ?? response.statusText);
  }
  return payload as T;
}
