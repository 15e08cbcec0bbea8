import type { PartDetail, PartMoveRequest, PartMoveResponse, WorklistQuery, WorklistResponse } from '@eldercare/domain';
import { adminFetch } from '../admin-client';

const partPath = (applicationNo: string, partNo: number) => `/api/v1/departments/parts/${encodeURIComponent(applicationNo)}/${partNo}`;

/** 工作台's calls to /api/v1/departments; the session is the HttpOnly cookie. */
export const worklistClient = {
  worklist: (query: WorklistQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return adminFetch<WorklistResponse>(`/api/v1/departments/worklist?${params}`);
  },
  /** Audited: the reason goes to the audit log with who and when. */
  part: (applicationNo: string, partNo: number, reason: string) =>
    adminFetch<PartDetail>(`${partPath(applicationNo, partNo)}?reason=${encodeURIComponent(reason)}`),
  move: (applicationNo: string, partNo: number, move: PartMoveRequest) =>
    adminFetch<PartMoveResponse>(`${partPath(applicationNo, partNo)}/moves`, { method: 'POST', json: move }),
};

export type WorklistClient = typeof worklistClient;
