import {
  isMainlandMobileNumber,
  type ApplicationRequest,
  type ApplicationView,
  type EligibilityView,
  type IdentifyResponse,
  type ProxyRequest,
} from '@eldercare/domain';
import { assign, not, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from './senior-card-flow';
import {
  eligibilityFor,
  withProxy,
  type OptionFlowEvent,
  type ServiceFlowInput,
  type ServiceFlowOutput,
  type SubmitApplicationInput,
} from './service-flow-types';
import { submissionStates } from './submission-states';

/**
 * 一键叫车 (申程出行): a taxi to the door of the kiosk's centre. Where to (回家 / 上车后告诉司机),
 * the mobile number the driver calls, 叫车 — the server books synchronously and the receipt
 * carries the plate and the ETA. A kiosk that does not know its centre cannot call one.
 */

export type TaxiDestination = 'home' | 'tell-driver';
export const TAXI_DESTINATIONS: readonly TaxiDestination[] = ['home', 'tell-driver'];

export interface TaxiHailingFlowContext {
  identity: IdentifyResponse;
  proxy: ProxyRequest | null;
  centreId: string | null;
  eligibility: EligibilityView;
  destination: TaxiDestination | null;
  phone: string;
  phoneError: PhoneError | null;
  idempotencyKeys: IdempotencyKeys;
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  submitErrorCode: string | null;
}

export type TaxiHailingFlowEvent =
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'keypad.digit'; digit: KeypadDigit }
  | { type: 'keypad.delete' }
  | { type: 'keypad.clear' }
  | OptionFlowEvent;

type TaxiHailingRequest = Extract<ApplicationRequest, { serviceKey: 'taxi-hailing' }>;

function requestFor(context: TaxiHailingFlowContext): TaxiHailingRequest {
  if (context.destination === null || context.centreId === null) throw new Error('taxiHailingFlow: confirmed without a destination or a centre');
  return {
    serviceKey: 'taxi-hailing',
    identifyToken: context.identity.identifyToken,
    answers: { centreId: context.centreId, destination: context.destination, phone: context.phone },
  };
}

function pendingSubmission(context: TaxiHailingFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('taxiHailingFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: TaxiHailingFlowContext): ApplicationView {
  if (context.application === null) throw new Error('taxiHailingFlow: submitted without an application');
  return context.application;
}

export const taxiHailingFlow = setup({
  types: {} as {
    context: TaxiHailingFlowContext;
    events: TaxiHailingFlowEvent;
    input: ServiceFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
    submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
  },
  guards: {
    isEligible: ({ context }) => context.eligibility.eligible,
    knowsCentre: ({ context }) => context.centreId !== null,
    isDestination: (_, params: { value: string }) => (TAXI_DESTINATIONS as readonly string[]).includes(params.value),
    canTypeDigit: ({ context }, params: { digit: string }) => context.phone.length < PHONE_DIGITS && /^[0-9]$/.test(params.digit),
    phoneIsValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    chooseDestination: assign((_, params: { value: string }) => ({ destination: params.value as TaxiDestination })),
    typeDigit: assign(({ context }, params: { digit: string }) => ({ phone: context.phone + params.digit, phoneError: null })),
    deleteDigit: assign(({ context }) => ({ phone: context.phone.slice(0, -1), phoneError: null })),
    clearPhone: assign({ phone: '', phoneError: null }),
    flagPhone: assign(({ context }) => ({
      phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const),
    })),
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
  id: 'taxiHailingFlow',
  context: ({ input }) => ({
    identity: input.identity,
    proxy: input.proxy ?? null,
    centreId: input.centreId ?? null,
    eligibility: eligibilityFor(input.identity, 'taxi-hailing'),
    destination: null,
    phone: '',
    phoneError: null,
    idempotencyKeys: {},
    submission: null,
    application: null,
    submitErrorCode: null,
  }),
  initial: 'checkingEligibility',
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as ServiceFlowOutput,
  states: {
    checkingEligibility: {
      always: [
        { guard: not('isEligible'), target: 'notEligible' },
        { guard: 'knowsCentre', target: 'choosingDestination' },
        { target: 'noCentre' },
      ],
    },
    notEligible: { on: { 'flow.back': 'back' } },
    /** The kiosk has no ?centre=: there is no door to send the car to. */
    noCentre: { on: { 'flow.back': 'back' } },
    choosingDestination: {
      on: {
        'option.choose': {
          guard: { type: 'isDestination', params: ({ event }) => ({ value: event.value }) },
          actions: { type: 'chooseDestination', params: ({ event }) => ({ value: event.value }) },
          target: 'enteringPhone',
        },
        'flow.back': 'back',
      },
    },
    enteringPhone: {
      on: {
        'keypad.digit': {
          guard: { type: 'canTypeDigit', params: ({ event }) => ({ digit: event.digit }) },
          actions: { type: 'typeDigit', params: ({ event }) => ({ digit: event.digit }) },
        },
        'keypad.delete': { actions: 'deleteDigit' },
        'keypad.clear': { actions: 'clearPhone' },
        'flow.next': [{ guard: 'phoneIsValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': 'choosingDestination',
      },
    },
    confirming: {
      on: {
        'flow.confirm': { target: 'submitting', actions: 'prepareSubmission' },
        'flow.back': 'enteringPhone',
      },
    },
    ...submissionStates(pendingSubmission, submittedApplication),
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
