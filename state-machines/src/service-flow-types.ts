import type {
  ApplicationRequest,
  ApplicationView,
  EligibilityView,
  IdentifyResponse,
  ProxyRequest,
} from '@eldercare/domain';

/**
 * Everything the kiosk menu can start after a card is read: the catalogue's services, the
 * joint application of services 1–3 (一件事一次办), a home visit (上门办) and the progress
 * view (一体管理). Which of them have a flow is decided by the registry (service-flows.ts).
 */
export type KioskServiceKey =
  | 'allowance-channel'
  | 'senior-card'
  | 'ltc-joint'
  | 'home-adaptation'
  | 'meal-assistance'
  | 'meal-assistance-change'
  | 'assistive-device-rental'
  | 'senior-education'
  | 'taxi-hailing'
  | 'sports-voucher'
  | 'home-visit'
  | 'progress';

/**
 * The tag of a flow state whose request is out (submitting an application, issuing a ticket):
 * the server may already have acted, so the session cannot be ended until it answers, or the
 * person would lose the receipt or ticket they are owed.
 */
export const IN_FLIGHT_TAG = 'inFlight';

/** Input of every service flow machine. */
export interface ServiceFlowInput {
  /** The senior the service is for (the principal). */
  identity: IdentifyResponse;
  /** 代办: who applies for them, to send as the request's `proxy`; null when the senior applies. */
  proxy?: ProxyRequest | null;
  /** The kiosk's community service centre (?centre=), for centre-bound services such as the taxi. */
  centreId?: string | null;
}

/**
 * Events the flows of issue 5 share, so the session forwards them without knowing each flow:
 * a tap on one of a screen's options (one decision per screen), or on a multi-choice item.
 */
export type OptionFlowEvent = { type: 'option.choose'; value: string } | { type: 'option.toggle'; value: string };

/** The request with the session's proxy, when someone applies for the senior. */
export function withProxy<R extends ApplicationRequest>(request: R, input: Pick<ServiceFlowInput, 'proxy'>): R {
  return input.proxy ? { ...request, proxy: input.proxy } : request;
}

/**
 * Output of every service flow machine (it is done when it has one):
 * - `submitted`: the server accepted the application (print the receipt);
 * - `back`: the person went back or cancelled (show the menu);
 * - `finished`: nothing needed doing (e.g. the current allowance channel was kept).
 */
export type ServiceFlowOutput =
  | { kind: 'submitted'; application: ApplicationView }
  | { kind: 'back' }
  | { kind: 'finished' };

/** Input of the host actor `submitApplication` (POST /api/v1/applications). */
export interface SubmitApplicationInput {
  request: ApplicationRequest;
  /** Send as the `Idempotency-Key` header. The same key is sent again on a retry. */
  idempotencyKey: string;
}

/**
 * The server's eligibility verdict for one service, from the identify response. A service the
 * server did not answer for is treated as not eligible, with no reasons to show.
 */
export function eligibilityFor(identity: IdentifyResponse, serviceKey: string): EligibilityView {
  return identity.eligibility.find((e) => e.serviceKey === serviceKey) ?? { serviceKey, eligible: false, reasons: [] };
}
