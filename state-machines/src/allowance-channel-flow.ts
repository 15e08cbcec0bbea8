import type {
  AllowanceChannel,
  ApplicationRequest,
  ApplicationView,
  EligibilityView,
  IdentifyResponse,
  ProxyRequest,
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
 * 选择老年综合津贴领取渠道: the person chooses (or changes) whether the senior allowance is paid
 * onto the senior card (敬老卡) or the social security card (社会保障卡). No application is
 * needed for the allowance itself (免申即享); this only records the channel.
 */

export interface AllowanceChannelFlowContext {
  identity: IdentifyResponse;
  /** 代办: who applies for the senior (sent as the request's `proxy`); null when they apply themselves. */
  proxy: ProxyRequest | null;
  /** The server's verdict for 'allowance-channel' (its reasons are shown on `notEligible`). */
  eligibility: EligibilityView;
  /** The channel on record today; null when none was ever chosen. */
  currentChannel: AllowanceChannel | null;
  /** The channel being applied for. */
  channel: AllowanceChannel | null;
  /** Keys already used, by answers (see idempotency-key.ts). */
  idempotencyKeys: IdempotencyKeys;
  /** The request in flight or last failed, with its idempotency key; a retry sends exactly this again. */
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  /** Stable code of the last failed submission (e.g. NOT_ELIGIBLE), null when none or unknown. */
  submitErrorCode: string | null;
}

export type AllowanceChannelFlowEvent =
  | { type: 'channel.choose'; channel: AllowanceChannel }
  | { type: 'channel.keep' }
  | { type: 'channel.change' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' };

type AllowanceChannelRequest = Extract<ApplicationRequest, { serviceKey: 'allowance-channel' }>;

export function otherAllowanceChannel(channel: AllowanceChannel | null): AllowanceChannel {
  return channel === 'senior-card' ? 'social-security-card' : 'senior-card';
}

function requestFor(context: AllowanceChannelFlowContext): AllowanceChannelRequest {
  if (context.channel === null) throw new Error('allowanceChannelFlow: confirmed without a channel');
  return {
    serviceKey: 'allowance-channel',
    identifyToken: context.identity.identifyToken,
    answers: { channel: context.channel },
  };
}

function pendingSubmission(context: AllowanceChannelFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('allowanceChannelFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: AllowanceChannelFlowContext): ApplicationView {
  if (context.application === null) throw new Error('allowanceChannelFlow: submitted without an application');
  return context.application;
}

export const allowanceChannelFlow = setup({
  types: {} as {
    context: AllowanceChannelFlowContext;
    events: AllowanceChannelFlowEvent;
    input: ServiceFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
    submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
  },
  guards: {
    isEligible: ({ context }) => context.eligibility.eligible,
    hasCurrentChannel: ({ context }) => context.currentChannel !== null,
  },
  actions: {
    chooseChannel: assign((_, params: { channel: AllowanceChannel }) => ({ channel: params.channel })),
    chooseOtherChannel: assign(({ context }) => ({ channel: otherAllowanceChannel(context.currentChannel) })),
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
  id: 'allowanceChannelFlow',
  context: ({ input }) => ({
    identity: input.identity,
    proxy: input.proxy ?? null,
    eligibility: eligibilityFor(input.identity, 'allowance-channel'),
    currentChannel: input.identity.person.allowanceChannel,
    channel: null,
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
      always: [
        { guard: not('isEligible'), target: 'notEligible' },
        { guard: 'hasCurrentChannel', target: 'currentChannel' },
        { target: 'choosing' },
      ],
    },
    notEligible: {
      on: { 'flow.back': 'back' },
    },
    currentChannel: {
      on: {
        'channel.keep': 'finished',
        'channel.change': { target: 'confirming', actions: 'chooseOtherChannel' },
        'flow.back': 'back',
      },
    },
    choosing: {
      on: {
        'channel.choose': {
          target: 'confirming',
          actions: { type: 'chooseChannel', params: ({ event }) => ({ channel: event.channel }) },
        },
        'flow.back': 'back',
      },
    },
    confirming: {
      on: {
        'flow.confirm': { target: 'submitting', actions: 'prepareSubmission' },
        'flow.back': [{ guard: 'hasCurrentChannel', target: 'currentChannel' }, { target: 'choosing' }],
      },
    },
    ...submissionStates(pendingSubmission, submittedApplication),
    finished: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'finished' }) },
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
