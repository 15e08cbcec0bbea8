import type {
  ApplicationRequest,
  ApplicationView,
  CentreView,
  EducationCatalogue,
  ErrorBody,
  HelpRequest,
  HelpRequestBody,
  IdCardData,
  IdentifyResponse,
  IssuedTicket,
  IssueTicketRequest,
  ProgressResponse,
} from '@eldercare/domain';

/** A failed server call, with the server's stable code (or NETWORK / TIMEOUT when none came back). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TIMEOUT_MS = 15_000;

async function request<T>(path: string, init: RequestInit & { json?: unknown; cancel?: AbortSignal } = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  // The session may stop waiting (timeout, session ended): then the request is dropped too.
  init.cancel?.addEventListener('abort', () => controller.abort(), { once: true });
  try {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const response = await fetch(path, { ...init, headers, body, signal: controller.signal, cache: 'no-store' });
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = payload as Partial<ErrorBody> | null;
      throw new ApiError(error?.code ?? 'HTTP_ERROR', response.status, error?.message ?? response.statusText);
    }
    return payload as T;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const code = init.cancel?.aborted ? 'CANCELLED' : controller.signal.aborted ? 'TIMEOUT' : 'NETWORK';
    throw new ApiError(code, 0, err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}

/** The kiosk's calls to the server (same origin as the page). */
export const serverClient = {
  /** centreId: the kiosk's `?centre=`; the applications of the token belong to that centre. */
  identify(card: IdCardData, kioskId: string, centreId: string | null, cancel?: AbortSignal): Promise<IdentifyResponse> {
    return request('/api/v1/identify', { method: 'POST', json: { card, kioskId, ...(centreId !== null && { centreId }) }, cancel });
  },
  refreshIdentity(identifyToken: string, cancel?: AbortSignal): Promise<IdentifyResponse> {
    return request('/api/v1/identify/refresh', { method: 'POST', json: { identifyToken }, cancel });
  },
  submitApplication(application: ApplicationRequest, idempotencyKey: string, cancel?: AbortSignal): Promise<ApplicationView> {
    return request('/api/v1/applications', {
      method: 'POST',
      json: application,
      headers: { 'Idempotency-Key': idempotencyKey },
      cancel,
    });
  },
  queueCentre(centreId: string, cancel?: AbortSignal): Promise<CentreView> {
    return request(`/api/v1/queue/centres/${encodeURIComponent(centreId)}`, { cancel });
  },
  /** POST /api/v1/queue/tickets; the same key on a retry returns the same ticket, never a second one. */
  issueTicket(ticket: IssueTicketRequest, idempotencyKey: string, cancel?: AbortSignal): Promise<IssuedTicket> {
    return request('/api/v1/queue/tickets', { method: 'POST', json: ticket, headers: { 'Idempotency-Key': idempotencyKey }, cancel });
  },
  /** 老年教育: schools, courses with seats left, teaching subjects. */
  educationCourses(cancel?: AbortSignal): Promise<EducationCatalogue> {
    return request('/api/v1/education/courses', { cancel });
  },
  /** 进度查询 by the person's identify token: all their applications, newest first. */
  progress(identifyToken: string, cancel?: AbortSignal): Promise<ProgressResponse> {
    return request('/api/v1/progress', { method: 'POST', json: { identifyToken }, cancel });
  },
  /** 进度查询 by a scanned receipt's code (404 NOT_FOUND for a code that is not genuine). */
  receiptProgress(receiptCode: string, cancel?: AbortSignal): Promise<ProgressResponse> {
    return request(`/api/v1/progress/receipt/${encodeURIComponent(receiptCode)}`, { cancel });
  },
  /** 呼叫工作人员 or a printer fault; with the kiosk's centre, that centre's windows are told live. */
  requestHelp(body: HelpRequestBody): Promise<HelpRequest> {
    return request('/api/v1/help-requests', { method: 'POST', json: body });
  },
  agentPairing(): Promise<{ url: string; token: string }> {
    return request('/api/v1/kiosk/agent');
  },
};
