import type { HomeVisitDetail, HomeVisitFilter, HomeVisitList, HomeVisitMoved, HomeVisitMoveRequest } from '@eldercare/domain';
import { adminFetch } from '../admin-client';

const visitPath = (applicationNo: string, partNo: number) => `/api/v1/admin/home-visits/${encodeURIComponent(applicationNo)}/${partNo}`;

/** The calls of /admin 上门办. */
export const homeVisitClient = {
  list: (status: HomeVisitFilter) => adminFetch<HomeVisitList>(`/api/v1/admin/home-visits?status=${status}`),
  /** Audited on the server with this reason. */
  detail: (applicationNo: string, partNo: number, reason: string) =>
    adminFetch<HomeVisitDetail>(`${visitPath(applicationNo, partNo)}?reason=${encodeURIComponent(reason)}`),
  move: (applicationNo: string, partNo: number, request: HomeVisitMoveRequest) =>
    adminFetch<HomeVisitMoved>(`${visitPath(applicationNo, partNo)}/moves`, { method: 'POST', json: request }),
};
export type HomeVisitClient = typeof homeVisitClient;
