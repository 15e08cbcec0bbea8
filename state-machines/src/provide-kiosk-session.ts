import type { CentreView, IdentifyResponse, IssuedTicket, PrintResult } from '@eldercare/domain';
import { fromPromise } from 'xstate';
import {
  kioskSessionMachine,
  type IdentifyInput,
  type PrintReceiptInput,
  type PrintTicketInput,
  type RefreshIdentityInput,
  type StaffNotification,
} from './kiosk-session-machine';
import { queueTicketFlow, type IssueTicketInput } from './queue-ticket-flow';
import { flowActorName, SERVICE_FLOWS, type HostSignal, type RegisteredServiceKey, type ServiceFlowHost } from './service-flows';

export type { HostSignal };

/**
 * Everything the kiosk session needs from its host (the kiosk UI): the I/O, as plain async
 * functions. Each call gets a signal that aborts when the session no longer waits for the
 * answer (timeout, session ended); the functions should also give up by themselves after a
 * while (e.g. 15 s) and reject with an error carrying a stable `code`.
 */
export interface KioskSessionHost extends ServiceFlowHost {
  /** POST /api/v1/identify with the card read. */
  identify(input: IdentifyInput, signal: HostSignal): Promise<IdentifyResponse>;
  /** POST /api/v1/identify/refresh with the session's identify token. */
  refreshIdentity(input: RefreshIdentityInput, signal: HostSignal): Promise<IdentifyResponse>;
  /** Compose the receipt and POST /v1/print to the device agent. */
  printReceipt(input: PrintReceiptInput, signal: HostSignal): Promise<PrintResult>;
  /** GET /api/v1/queue/centres/:centreId of this kiosk's centre. */
  loadCentre(signal: HostSignal): Promise<CentreView>;
  /** POST /api/v1/queue/tickets for this kiosk's centre with `Idempotency-Key: input.idempotencyKey`. */
  issueTicket(input: IssueTicketInput, signal: HostSignal): Promise<IssuedTicket>;
  /** Compose the queue ticket and POST /v1/print to the device agent with role 'ticket'. */
  printTicket(input: PrintTicketInput, signal: HostSignal): Promise<PrintResult>;
  /** POST /v1/session/release to the device agent (fire and forget). */
  releaseCard(): void;
  /** Tell staff that this kiosk needs help (fire and forget). */
  notifyStaff(notification: StaffNotification): void;
}

/** The kiosk session machine with every host actor and action wired to `host`, flows included. */
export function provideKioskSession(host: KioskSessionHost) {
  const flows = Object.fromEntries(
    (Object.keys(SERVICE_FLOWS) as RegisteredServiceKey[]).map((key) => [flowActorName(key), SERVICE_FLOWS[key].provide(host)]),
  );
  return kioskSessionMachine.provide({
    actors: {
      identify: fromPromise<IdentifyResponse, IdentifyInput>(({ input, signal }) => host.identify(input, signal)),
      refreshIdentity: fromPromise<IdentifyResponse, RefreshIdentityInput>(({ input, signal }) => host.refreshIdentity(input, signal)),
      printReceipt: fromPromise<PrintResult, PrintReceiptInput>(({ input, signal }) => host.printReceipt(input, signal)),
      ...flows,
      printTicket: fromPromise<PrintResult, PrintTicketInput>(({ input, signal }) => host.printTicket(input, signal)),
      queueTicketFlow: queueTicketFlow.provide({
        actors: {
          loadCentre: fromPromise<CentreView, void>(({ signal }) => host.loadCentre(signal)),
          issueTicket: fromPromise<IssuedTicket, IssueTicketInput>(({ input, signal }) => host.issueTicket(input, signal)),
        },
      }),
    },
    actions: {
      releaseCard: () => host.releaseCard(),
      notifyStaff: (_, params) => host.notifyStaff(params),
    },
  });
}
