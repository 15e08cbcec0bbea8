import {
  isMainlandMobileNumber,
  type ApplicationRequest,
  type ApplicationView,
  type EligibilityView,
  type IdentifyResponse,
  type JointOptionsView,
  type JointServiceKey,
  type ProxyRequest,
} from '@eldercare/domain';
import { and, assign, not, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key';
import {
  asksJointQuestion,
  canToggleService,
  emptyJointDraft,
  isJointChoice,
  JOINT_QUESTIONS,
  jointAnswersFor,
  preselectedServices,
  toggleService,
  type JointDraft,
  type JointQuestion,
} from './joint-application-flow-form';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from './senior-card-flow';
import {
  withProxy,
  type OptionFlowEvent,
  type ServiceFlowInput,
  type ServiceFlowOutput,
  type SubmitApplicationInput,
} from './service-flow-types';
import { submissionStates } from './submission-states';

/**
 * 养老服务“一件事”联办 (一件事一次办): the LTC needs assessment, the care subsidy and a care-home
 * place in one application. The five principles as screens: 一次告知 (choose the services, then
 * the notice of exactly those: conditions, handling order, materials, commitments), 一表申请 (one
 * question per screen, only those of the chosen services, then the phone), review and 确认提交;
 * the session prints one receipt with one number and a part per service.
 */

export interface JointApplicationFlowContext {
  identity: IdentifyResponse;
  proxy: ProxyRequest | null;
  /** What the server says the person may choose; null when it said nothing (nothing to choose). */
  joint: JointOptionsView | null;
  /** The whole application's verdict, for the notEligible screen: every service's reasons. */
  eligibility: EligibilityView;
  /** Chosen services, in JOINT_SERVICE_KEYS order. */
  selected: JointServiceKey[];
  /** 下一步 was tapped with no service chosen. */
  choiceError: 'none-chosen' | null;
  draft: JointDraft;
  phone: string;
  phoneError: PhoneError | null;
  idempotencyKeys: IdempotencyKeys;
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  submitErrorCode: string | null;
}

export type JointApplicationFlowEvent =
  | OptionFlowEvent
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'keypad.digit'; digit: KeypadDigit }
  | { type: 'keypad.delete' }
  | { type: 'keypad.clear' };

type JointRequest = Extract<ApplicationRequest, { serviceKey: 'ltc-joint' }>;

/** All services' reasons, once each: why nothing of the joint application can be applied for. */
function jointEligibility(joint: JointOptionsView | null): EligibilityView {
  const available = preselectedServices(joint).length > 0;
  const byText = new Map((joint?.options ?? []).flatMap((o) => o.reasons).map((r) => [r.text.zh, r]));
  const reasons = [...byText.values()];
  return { serviceKey: 'ltc-joint', eligible: available, reasons: available ? [] : reasons };
}

function pendingSubmission(context: JointApplicationFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('jointApplicationFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: JointApplicationFlowContext): ApplicationView {
  if (context.application === null) throw new Error('jointApplicationFlow: submitted without an application');
  return context.application;
}

// ---- moving through the questions ------------------------------------------------------
// Each question is a state; which comes next (or before) depends on the chosen services, so
// every move is a list of guarded targets: the first question still asked, else the phone
// (forward) or the notice (back).

const asks = (question: JointQuestion) => ({ type: 'asks', params: { question } }) as const;

function forwardFrom(index: number) {
  return [...JOINT_QUESTIONS.slice(index + 1).map((q) => ({ target: q, guard: asks(q) })), { target: 'enteringPhone' }];
}

function backFrom(index: number) {
  return [...JOINT_QUESTIONS.slice(0, index).reverse().map((q) => ({ target: q, guard: asks(q) })), { target: 'notice' }];
}

function questionState(question: JointQuestion, index: number) {
  const isChoice = { type: 'isChoiceFor', params: { question } } as const;
  const answer = { type: 'answer', params: { question } } as const;
  return {
    on: {
      // A valid choice answers and moves on in one tap; anything else is ignored.
      'option.choose': [
        ...JOINT_QUESTIONS.slice(index + 1).map((q) => ({ target: q, guard: and([isChoice, asks(q)]), actions: answer })),
        { target: 'enteringPhone', guard: isChoice, actions: answer },
      ],
      'flow.back': backFrom(index),
    },
  };
}

const questionStates = Object.fromEntries(JOINT_QUESTIONS.map((q, i) => [q, questionState(q, i)])) as Record<
  JointQuestion,
  ReturnType<typeof questionState>
>;

export const jointApplicationFlow = setup({
  types: {} as {
    context: JointApplicationFlowContext;
    events: JointApplicationFlowEvent;
    input: ServiceFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
    submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
  },
  guards: {
    anyAvailable: ({ context }) => context.eligibility.eligible,
    canToggle: ({ context, event }) => event.type === 'option.toggle' && canToggleService(context.joint, event.value),
    someChosen: ({ context }) => context.selected.length > 0,
    asks: ({ context }, params: { question: JointQuestion }) => asksJointQuestion(params.question, context.selected, context.joint),
    isChoiceFor: ({ event }, params: { question: JointQuestion }) =>
      event.type === 'option.choose' && isJointChoice(params.question, event.value),
    canTypeDigit: ({ context, event }) =>
      event.type === 'keypad.digit' && context.phone.length < PHONE_DIGITS && /^[0-9]$/.test(event.digit),
    phoneIsValid: ({ context }) => isMainlandMobileNumber(context.phone),
    formIsComplete: ({ context }) => jointAnswersFor(context.joint, context.selected, context.draft, context.phone) !== null,
  },
  actions: {
    toggle: assign(({ context, event }) =>
      event.type === 'option.toggle'
        ? { selected: toggleService(context.joint, context.selected, event.value as JointServiceKey), choiceError: null }
        : {},
    ),
    flagNoneChosen: assign({ choiceError: 'none-chosen' as const }),
    answer: assign(({ context, event }, params: { question: JointQuestion }) =>
      event.type === 'option.choose' ? { draft: { ...context.draft, [params.question]: event.value } as JointDraft } : {},
    ),
    typeDigit: assign(({ context, event }) => (event.type === 'keypad.digit' ? { phone: context.phone + event.digit, phoneError: null } : {})),
    deleteDigit: assign(({ context }) => ({ phone: context.phone.slice(0, -1), phoneError: null })),
    clearPhone: assign({ phone: '', phoneError: null }),
    flagPhone: assign(({ context }) => ({
      phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const),
    })),
    prepareSubmission: assign(({ context }) => {
      const answers = jointAnswersFor(context.joint, context.selected, context.draft, context.phone);
      if (answers === null) throw new Error('jointApplicationFlow: confirmed an incomplete form');
      const request: JointRequest = withProxy(
        { serviceKey: 'ltc-joint', identifyToken: context.identity.identifyToken, answers },
        context,
      );
      const { key, keys } = idempotencyKeyFor(context.idempotencyKeys, request.answers);
      return { idempotencyKeys: keys, submission: { request, idempotencyKey: key } };
    }),
    clearSubmitError: assign({ submitErrorCode: null }),
    storeApplication: assign((_, params: { application: ApplicationView }) => ({ application: params.application })),
    storeSubmitError: assign((_, params: { error: unknown }) => ({ submitErrorCode: errorCode(params.error) })),
  },
}).createMachine({
  id: 'jointApplicationFlow',
  context: ({ input }) => {
    const joint = input.identity.joint ?? null;
    return {
      identity: input.identity,
      proxy: input.proxy ?? null,
      joint,
      eligibility: jointEligibility(joint),
      selected: preselectedServices(joint),
      choiceError: null,
      draft: emptyJointDraft(joint?.insurance ?? null),
      phone: '',
      phoneError: null,
      idempotencyKeys: {},
      submission: null,
      application: null,
      submitErrorCode: null,
    };
  },
  initial: 'checkingOptions',
  // flow.cancel leaves from every screen; `submitting` overrides it (see submission-states.ts).
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as ServiceFlowOutput,
  states: {
    checkingOptions: {
      always: [{ guard: not('anyAvailable'), target: 'notEligible' }, { target: 'choosing' }],
    },
    notEligible: {
      on: { 'flow.back': 'back' },
    },
    /** 一次告知 (1): which of the three services; one 下一步. */
    choosing: {
      on: {
        'option.toggle': { guard: 'canToggle', actions: 'toggle' },
        'flow.next': [{ guard: 'someChosen', target: 'notice' }, { actions: 'flagNoneChosen' }],
        'flow.back': 'back',
      },
    },
    /** 一次告知 (2): conditions, handling order, materials and commitments of the chosen services. */
    notice: {
      on: { 'flow.next': forwardFrom(-1), 'flow.back': 'choosing' },
    },
    ...questionStates,
    enteringPhone: {
      on: {
        'keypad.digit': { guard: 'canTypeDigit', actions: 'typeDigit' },
        'keypad.delete': { actions: 'deleteDigit' },
        'keypad.clear': { actions: 'clearPhone' },
        'flow.next': [{ guard: 'phoneIsValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': backFrom(JOINT_QUESTIONS.length),
      },
    },
    /** Every answer on one screen, 确认提交. */
    confirming: {
      on: {
        'flow.confirm': { guard: 'formIsComplete', target: 'submitting', actions: 'prepareSubmission' },
        'flow.back': 'enteringPhone',
      },
    },
    ...submissionStates(pendingSubmission, submittedApplication),
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
