import type { ErrorBody, PartDetail, PartMoveRequest, PartMoveResponse, WorklistQuery, WorklistResponse } from '@eldercare/domain';
import { AdminApiError } from '../admin-client';

async function call<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
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

const partPath = (applicationNo: string, partNo: number) => `/api/v1/departments/parts/${encodeURIComponent(applicationNo)}/${partNo}`;

/** 工作台's calls to /api/v1/departments; the session is the HttpOnly cookie. */
export const worklistClient = {
  worklist: (query: WorklistQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return call<WorklistResponse>(`/api/v1/departments/worklist?${params}`);
  },
  /** Audited: the reason goes to the audit log with who and when. */
  part: (applicationNo: string, partNo: number, reason: string) =>
    call<PartDetail>(`${partPath(applicationNo, partNo)}?reason=${encodeURIComponent(reason)}`),
  move: (applicationNo: string, partNo: number, move: PartMoveRequest) =>
    call<PartMoveResponse>(`${partPath(applicationNo, partNo)}/moves`, { method: 'POST', json: move }),
};

export type WorklistClient = typeof worklistClient;
