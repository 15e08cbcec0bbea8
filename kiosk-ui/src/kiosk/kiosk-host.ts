import { composeApplicationReceipt, type ApplicationView, type IdentifyResponse, type PrintResult } from '@eldercare/domain';
import {
  allowanceChannelFlow,
  kioskSessionMachine,
  seniorCardFlow,
  type IdentifyInput,
  type KioskSessionTiming,
  type PrintReceiptInput,
  type SubmitApplicationInput,
} from '@eldercare/state-machines';
import { createActor, fromPromise } from 'xstate';
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
  const submitApplication = fromPromise<ApplicationView, SubmitApplicationInput>(({ input }) =>
    serverClient.submitApplication(input.request, input.idempotencyKey),
  );
  const machine = kioskSessionMachine.provide({
    actors: {
      identify: fromPromise<IdentifyResponse, IdentifyInput>(({ input }) => serverClient.identify(input.card, options.kioskId)),
      printReceipt: fromPromise<PrintResult, PrintReceiptInput>(async ({ input }) => {
        const document = composeApplicationReceipt(input.application, { locale: input.locale, centreName: options.centreName });
        if (!agent) return { jobId: document.id, state: 'failed', code: 'AGENT_NOT_PAIRED' };
        return agent.print(document);
      }),
      allowanceChannelFlow: allowanceChannelFlow.provide({ actors: { submitApplication } }),
      seniorCardFlow: seniorCardFlow.provide({ actors: { submitApplication } }),
    },
    actions: {
      releaseCard: () => {
        void agent?.releaseSession();
      },
      notifyStaff: (_, params) => {
        // Recorded on the server, where window terminals pick it up; a failure is not shown to
        // the senior (the overlay and its sound already call the floor staff).
        void serverClient.requestHelp({ kioskId: options.kioskId ?? 'kiosk', serviceKey: params.serviceKey }).catch(() => undefined);
      },
    },
  });
  return createActor(machine, { input: { timing: options.timing } });
}
