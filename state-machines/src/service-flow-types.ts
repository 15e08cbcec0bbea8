import type {
  ApplicationRequest,
  ApplicationView,
  EligibilityView,
  IdentifyResponse,
} from '@eldercare/domain';

/** The services the kiosk can do end to end today (keys of the domain's service catalogue). */
export type KioskServiceKey = 'allowance-channel' | 'senior-card';
export const KIOSK_SERVICE_KEYS: readonly KioskServiceKey[] = ['allowance-channel', 'senior-card'];

/**
 * The tag of a flow state whose request is out (submitting an application, issuing a ticket):
 * the server may already have acted, so the session cannot be ended until it answers, or the
 * person would lose the receipt or ticket they are owed.
 */
export const IN_FLIGHT_TAG = 'inFlight';

/** Input of every service flow machine. */
export interface ServiceFlowInput {
  identity: IdentifyResponse;
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
export function eligibilityFor(identity: IdentifyResponse, serviceKey: KioskServiceKey): EligibilityView {
  return identity.eligibility.find((e) => e.serviceKey === serviceKey) ?? { serviceKey, eligible: false, reasons: [] };
}
