import type {
  CentreView,
  CounterView,
  HelpRequest,
  StaffLoginRequest,
  StaffSessionResponse,
  StaffUserView,
  TicketHolderView,
  WindowHelpRequests,
} from '@eldercare/domain';
import type { CounterAction, CounterActionInput, CounterRef } from '@eldercare/state-machines';
import { ApiError } from '../shared/api/server-client';

/**
 * The window terminal's server calls (same origin; the staff session is the HttpOnly cookie the
 * browser sends by itself). Failures are ApiError with the server's stable code, or NETWORK /
 * TIMEOUT when nothing came back.
 */

const TIMEOUT_MS = 15_000;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = payload as { code?: string; message?: string } | null;
      throw new ApiError(error?.code ?? 'HTTP_ERROR', response.status, error?.message ?? response.statusText);
    }
    return payload as T;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(controller.signal.aborted ? 'TIMEOUT' : 'NETWORK', 0, err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}

const counterPath = ({ centreId, number }: CounterRef) => `/window/centres/${encodeURIComponent(centreId)}/counters/${number}`;

export const windowClient = {
  async me(): Promise<StaffUserView> {
    return (await call<StaffSessionResponse>('GET', '/staff/me')).user;
  },
  async login(credentials: StaffLoginRequest): Promise<StaffUserView> {
    return (await call<StaffSessionResponse>('POST', '/staff/login', credentials)).user;
  },
  async logout(): Promise<void> {
    await call<null>('POST', '/staff/logout');
  },
  centre(centreId: string): Promise<CentreView> {
    return call('GET', `/queue/centres/${encodeURIComponent(centreId)}`);
  },
  counter(ref: CounterRef): Promise<CounterView> {
    return call('GET', counterPath(ref));
  },
  act({ action, ...ref }: CounterActionInput): Promise<CounterView> {
    return call('POST', `${counterPath(ref)}/${action.kind}`, bodyOf(action));
  },
  holder(ticketId: string): Promise<TicketHolderView> {
    return call('GET', `/window/tickets/${encodeURIComponent(ticketId)}/holder`);
  },
  helpRequests(centreId: string): Promise<WindowHelpRequests> {
    return call('GET', `/window/centres/${encodeURIComponent(centreId)}/help-requests`);
  },
  /** 已处理: 409 HELP_REQUEST_ALREADY_RESOLVED when a colleague was quicker. */
  resolveHelpRequest(id: number): Promise<HelpRequest> {
    return call('POST', `/window/help-requests/${id}/resolve`);
  },
};

function bodyOf(action: CounterAction): unknown {
  return action.kind === 'transfer' ? action.request : undefined;
}
