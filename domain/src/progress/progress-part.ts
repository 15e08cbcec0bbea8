import type { ApplicationPart } from '../contracts/server-api';
import type { ProgressHistoryEntry, ProgressPart } from '../contracts/progress-api';
import { applicationName } from '../catalogue/service-catalogue';
import { partProgress } from './part-progress';

/**
 * One part as the progress view shows it: the part's facts, its history (oldest first) and the
 * words, next step and due date worked out for `today`. The last history entry is the last
 * status change; a part without history counts from its `updatedAt` day (`fallbackChangedOn`).
 */
export function progressPart(
  part: Pick<ApplicationPart, 'partNo' | 'serviceKey' | 'department' | 'departmentName' | 'kind' | 'status' | 'visitDate' | 'careLevel' | 'noticeEndsOn'>,
  history: readonly ProgressHistoryEntry[],
  fallbackChangedOn: string,
  today: string,
): ProgressPart {
  const changedOn = history.at(-1)?.on ?? fallbackChangedOn;
  const state = partProgress(
    {
      kind: part.kind,
      status: part.status,
      departmentName: part.departmentName,
      changedOn,
      visitDate: part.visitDate ?? null,
      careLevel: part.careLevel ?? null,
      noticeEndsOn: part.noticeEndsOn ?? null,
    },
    today,
  );
  return {
    partNo: part.partNo,
    serviceKey: part.serviceKey,
    serviceName: serviceNameOf(part.serviceKey),
    department: part.department,
    departmentName: part.departmentName,
    kind: part.kind,
    status: part.status,
    ...state,
    history: [...history],
  };
}

function serviceNameOf(key: string): { zh: string; en: string } {
  try {
    return applicationName(key);
  } catch {
    return { zh: key, en: key };
  }
}
