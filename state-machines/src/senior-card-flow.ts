import {
  isMainlandMobileNumber,
  type ApplicationRequest,
  type ApplicationView,
  type EligibilityView,
  type IdentifyResponse,
  type ProxyRequest,
  type SeniorCardDelivery,
} from '@eldercare/domain';
import { assign, not, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key';
import {
  eligibilityFor,
  type ServiceFlowInput,
  withProxy,
  type ServiceFlowOutput,
  type SubmitApplicationInput,
} from './service-flow-types';
import { submissionStates } from './submission-states';

/**
 * 申领敬老卡: apply for the senior card. The person confirms who they are (from the card read),
 * types a mobile number on a large keypad, chooses to collect the card or have it mailed to the
 * registered address, confirms, and the application is submitted.
 */

/** A mainland mobile number has 11 digits; the keypad takes no more. */
export const PHONE_DIGITS = 11;

export type KeypadDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/**
 * Why `flow.next` did not leave the phone screen:
 * - `too-short`: fewer than 11 digits (请输入11位手机号码);
 * - `not-a-mobile-number`: 11 digits that are no mainland mobile number (e.g. a landline).
 */
export type PhoneError = 'too-short' | 'not-a-mobile-number';

export interface SeniorCardFlowContext {
  identity: IdentifyResponse;
  /** 代办: who applies for the senior (sent as the request's `proxy`); null when they apply themselves. */
  proxy: ProxyRequest | null;
  /** The server's verdict for 'senior-card'; a card holder gets reason 'already-holds-senior-card'. */
  eligibility: EligibilityView;
  /** Digits typed so far (0–11). */
  phone: string;
  phoneError: PhoneError | null;
  delivery: SeniorCardDelivery | null;
  idempotencyKeys: IdempotencyKeys;
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  submitErrorCode: string | null;
}

export type SeniorCardFlowEvent =
  | { type: 'flow.next' }
  | { type: 'keypad.digit'; digit: KeypadDigit }
  | { type: 'keypad.delete' }
  | { type: 'keypad.clear' }
  | { type: 'delivery.choose'; delivery: SeniorCardDelivery }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' };

type SeniorCardRequest = Extract<ApplicationRequest, { serviceKey: 'senior-card' }>;

function requestFor(context: SeniorCardFlowContext): SeniorCardRequest {
  if (context.delivery === null) throw new Error('seniorCardFlow: confirmed without a delivery choice');
  return {
    serviceKey: 'senior-card',
    identifyToken: context.identity.identifyToken,
    answers: { phone: context.phone, delivery: context.delivery },
  };
}

function pendingSubmission(context: SeniorCardFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('seniorCardFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: SeniorCardFlowContext): ApplicationView {
  if (context.application === null) throw new Error('seniorCardFlow: submitted without an application');
  return context.application;
}

export const seniorCardFlow = setup({
  types: {} as {
    context: SeniorCardFlowContext;
    events: SeniorCardFlowEvent;
    input: ServiceFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
    submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
  },
  guards: {
    isEligible: ({ context }) => context.eligibility.eligible,
    canTypeDigit: ({ context }, params: { digit: string }) =>
      context.phone.length < PHONE_DIGITS && /^[0-9]$/.test(params.digit),
    phoneIsValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    typeDigit: assign(({ context }, params: { digit: string }) => ({ phone: context.phone + params.digit, phoneError: null })),
    deleteDigit: assign(({ context }) => ({ phone: context.phone.slice(0, -1), phoneError: null })),
    clearPhone: assign({ phone: '', phoneError: null }),
    flagPhone: assign(({ context }) => ({
      phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const),
    })),
    chooseDelivery: assign((_, params: { delivery: SeniorCardDelivery }) => ({ delivery: params.delivery })),
    prepareSubmission: assign(({ context }) => {
      const request = withProxy(requestFor(context), context);
      const { key, keys } = idempotencyKeyFor(context.idempotencyKeys, request.answers);
      return { idempotencyKeys: keys, submission: { request, idempotencyKey: key } };
    }),
    clearSubmitError: assign({ submitErrorCode: null }),
    storeApplication: assign((_, params: { application: ApplicationView }) => ({ application: params.application })),
    storeSubmitError: assign((_, params: { error: unknown }) => ({ submitErrorCode: errorCode(params.error) })),
  },
}).createMachine({
  id: 'seniorCardFlow',
  context: ({ input }) => ({
    identity: input.identity,
    proxy: input.proxy ?? null,
    eligibility: eligibilityFor(input.identity, 'senior-card'),
    phone: '',
    phoneError: null,
    delivery: null,
    idempotencyKeys: {},
    submission: null,
    application: null,
    submitErrorCode: null,
  }),
  initial: 'checkingEligibility',
  // flow.cancel leaves from every screen; `submitting` overrides it (see there).
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as ServiceFlowOutput,
  states: {
    checkingEligibility: {
      always: [{ guard: not('isEligible'), target: 'notEligible' }, { target: 'confirmingIdentity' }],
    },
    notEligible: {
      on: { 'flow.back': 'back' },
    },
    confirmingIdentity: {
      on: { 'flow.next': 'enteringPhone', 'flow.back': 'back' },
    },
    enteringPhone: {
      on: {
        'keypad.digit': {
          guard: { type: 'canTypeDigit', params: ({ event }) => ({ digit: event.digit }) },
          actions: { type: 'typeDigit', params: ({ event }) => ({ digit: event.digit }) },
        },
        'keypad.delete': { actions: 'deleteDigit' },
        'keypad.clear': { actions: 'clearPhone' },
        'flow.next': [{ guard: 'phoneIsValid', target: 'choosingDelivery' }, { actions: 'flagPhone' }],
        'flow.back': 'confirmingIdentity',
      },
    },
    choosingDelivery: {
      on: {
        'delivery.choose': {
          target: 'confirming',
          actions: { type: 'chooseDelivery', params: ({ event }) => ({ delivery: event.delivery }) },
        },
        'flow.back': 'enteringPhone',
      },
    },
    confirming: {
      on: {
        'flow.confirm': { target: 'submitting', actions: 'prepareSubmission' },
        'flow.back': 'choosingDelivery',
      },
    },
    ...submissionStates(pendingSubmission, submittedApplication),
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
