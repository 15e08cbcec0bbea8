import { composeApplicationReceipt } from '@eldercare/domain';
import { provideKioskSession, type KioskSessionTiming } from '@eldercare/state-machines';
import { createActor } from 'xstate';
import type { AgentClient } from '../shared/agent/agent-client';
import { serverClient } from '../shared/api/server-client';

export interface KioskHostOptions {
  agent: AgentClient | null;
  centreName?: string;
  kioskId?: string;
  timing?: Partial<KioskSessionTiming>;
}

/**
 * Creates the kiosk session actor with the host's side effects: the server calls, the agent's
 * printer and card release. The machines decide; this only does I/O.
 */
export function createKioskSession(options: KioskHostOptions) {
  const { agent } = options;
  const kioskId = options.kioskId ?? 'kiosk';
  const machine = provideKioskSession({
    identify: ({ card }, signal) => serverClient.identify(card, kioskId, signal),
    refreshIdentity: ({ identifyToken }, signal) => serverClient.refreshIdentity(identifyToken, signal),
    submitApplication: ({ request, idempotencyKey }, signal) => serverClient.submitApplication(request, idempotencyKey, signal),
    printReceipt: async ({ application, locale }) => {
      const document = composeApplicationReceipt(application, { locale, centreName: options.centreName });
      if (!agent) return { jobId: document.id, state: 'failed', code: 'AGENT_NOT_PAIRED' };
      return agent.print(document);
    },
    releaseCard: () => void agent?.releaseSession(),
    // Recorded on the server, where window terminals pick it up (a person's call, or a receipt
    // held by the printer); a failure is not shown to the senior.
    notifyStaff: ({ serviceKey, reason, detail }) =>
      void serverClient.requestHelp({ kioskId, serviceKey, reason, detail }).catch(() => undefined),
  });
  return createActor(machine, { input: { timing: options.timing } });
}
