import type { ApplicationView, EligibilityView, IdentifyResponse, ProxyRequest } from '@eldercare/domain';
import type { IdempotencyKeys } from '../idempotency-key';
import type { KeypadDigit } from '../senior-card-flow';
import type { OptionFlowEvent, SubmitApplicationInput } from '../service-flow-types';
import type { FieldError, FormAnswers } from './form-step';

/** The context of every form flow (form-flow.ts). */
export interface FormFlowContext {
  identity: IdentifyResponse;
  proxy: ProxyRequest | null;
  centreId: string | null;
  /** The verdict shown on `notEligible` when the flow cannot be used. */
  eligibility: EligibilityView;
  answers: FormAnswers;
  /** Why the current step did not go on; cleared by the next tap or key. */
  fieldError: FieldError | null;
  idempotencyKeys: IdempotencyKeys;
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  submitErrorCode: string | null;
}

/** Only the events the session forwards to every flow. */
export type FormFlowEvent =
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'keypad.digit'; digit: KeypadDigit }
  | { type: 'keypad.delete' }
  | { type: 'keypad.clear' }
  | OptionFlowEvent;
