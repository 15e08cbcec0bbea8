import { composeApplicationReceipt, composeProgressSlip, composeQueueTicket, localized, type CentreView, type HelpRequestBody } from '@eldercare/domain';
import { provideKioskSession, type KioskSessionTiming } from '@eldercare/state-machines';
import { createActor } from 'xstate';
import type { AgentClient } from '../shared/agent/agent-client';
import { ApiError, serverClient } from '../shared/api/server-client';

export interface KioskHostOptions {
  agent: AgentClient | null;
  /** The queue centre this kiosk stands in (`?centre=` on the kiosk URL); null: no 取号 here. */
  centreId: string | null;
  kioskId?: string;
  timing?: Partial<KioskSessionTiming>;
}

/**
 * Tells staff (POST /help-requests), naming the kiosk's centre when it has one so that centre's
 * windows are told live. Fire and forget: a failure is never shown to the senior.
 */
export function requestHelp({ centreId, ...body }: Omit<HelpRequestBody, 'centreId'> & { centreId: string | null }): Promise<void> {
  return serverClient.requestHelp({ ...body, ...(centreId !== null && { centreId }) }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Creates the kiosk session actor with the host's side effects: the server calls, the agent's
 * printers and card release. The machines decide; this only does I/O.
 */
export function createKioskSession(options: KioskHostOptions) {
  const { agent, centreId } = options;
  const kioskId = options.kioskId ?? 'kiosk';
  // The centre as last loaded: its name heads receipts as well as tickets.
  let centre: CentreView | null = null;
  const loadCentre = async (signal?: AbortSignal): Promise<CentreView> => {
    if (centreId === null) throw new ApiError('CENTRE_NOT_CONFIGURED', 0, 'This kiosk has no ?centre= configured');
    centre = await serverClient.queueCentre(centreId, signal);
    return centre;
  };
  if (centreId !== null) void loadCentre().catch(() => undefined);

  const machine = provideKioskSession({
    identify: ({ card }, signal) => serverClient.identify(card, kioskId, centreId, signal),
    refreshIdentity: ({ identifyToken }, signal) => serverClient.refreshIdentity(identifyToken, signal),
    submitApplication: ({ request, idempotencyKey }, signal) => serverClient.submitApplication(request, idempotencyKey, signal),
    loadCourses: (signal) => serverClient.educationCourses(signal),
    loadProgress: (lookup, signal) =>
      'receiptCode' in lookup ? serverClient.receiptProgress(lookup.receiptCode, signal) : serverClient.progress(lookup.identifyToken, signal),
    // The slip is in the language the senior chose on screen (the session's locale).
    printProgress: async ({ progress, printId }) => {
      const locale = session.getSnapshot().context.locale;
      const centreName = centre ? localized(locale, centre.name) : undefined;
      const document = composeProgressSlip(progress.applications, { locale, asOf: progress.asOf, printId, centreName });
      if (!agent) return { jobId: document.id, state: 'failed', code: 'AGENT_NOT_PAIRED' };
      return agent.print(document);
    },
    printReceipt: async ({ application, locale }) => {
      const centreName = centre ? localized(locale, centre.name) : undefined;
      const document = composeApplicationReceipt(application, { locale, centreName });
      if (!agent) return { jobId: document.id, state: 'failed', code: 'AGENT_NOT_PAIRED' };
      return agent.print(document);
    },
    loadCentre,
    issueTicket: ({ category, identifyToken, idempotencyKey }, signal) => {
      if (centreId === null) return Promise.reject(new ApiError('CENTRE_NOT_CONFIGURED', 0, 'This kiosk has no ?centre= configured'));
      const request = { centreId, category, kioskId, ...(identifyToken !== null && { identifyToken }) };
      return serverClient.issueTicket(request, idempotencyKey, signal);
    },
    printTicket: async ({ ticket, centreName, locale }) => {
      const document = composeQueueTicket(ticket, { locale, centreName });
      if (!agent) return { jobId: document.id, state: 'failed', code: 'AGENT_NOT_PAIRED' };
      return agent.print(document, 'ticket');
    },
    releaseCard: () => void agent?.releaseSession(),
    // Recorded on the server, where the window terminals of this kiosk's centre pick it up (a
    // person's call, or a receipt or ticket held by the printer); a failure is not shown to the senior.
    notifyStaff: ({ serviceKey, reason, detail }) => void requestHelp({ kioskId, centreId, serviceKey, reason, detail }),
  });
  const session = createActor(machine, { input: { timing: options.timing, centreId: options.centreId } });
  return session;
}
