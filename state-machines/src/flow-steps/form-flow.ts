import type { ApplicationRequest, ApplicationView, EligibilityView } from '@eldercare/domain';
import { and, assign, not, setup, type AnyStateNodeConfig } from 'xstate';
import { errorCode } from '../error-code';
import { hostActorMissing } from '../host-actor-missing';
import { idempotencyKeyFor } from '../idempotency-key';
import {
  eligibilityFor,
  withProxy,
  type ServiceFlowInput,
  type ServiceFlowOutput,
  type SubmitApplicationInput,
} from '../service-flow-types';
import { submissionStates } from '../submission-states';
import type { FormFlowContext, FormFlowEvent } from './form-flow-context';
import { applies, DIGIT_RULES, listAnswer, stepError, textAnswer, type FormAnswers, type FormStep } from './form-step';

/**
 * A service flow made of form steps (form-step.ts), then 确认 (`confirming`) and the shared
 * submission states. The flows of issue 5 that only collect answers are each one spec: their
 * steps, who may use them, and how the answers become the request.
 */
export interface FormFlowSpec {
  id: string;
  steps: readonly FormStep[];
  /** Who may use the flow (default: the server's verdict for `serviceKey`). */
  eligibility?: (input: ServiceFlowInput) => EligibilityView;
  serviceKey: ApplicationRequest['serviceKey'];
  /** The request from the answers (the proxy is added by the flow). */
  request(context: FormFlowContext): ApplicationRequest;
}

/** The states a form flow's steps explain a choice in (ChooseStep.explain), with the step they came from. */
export function explainStates(steps: readonly FormStep[]): { state: string; from: string }[] {
  return steps.flatMap((step) => (step.kind === 'choose' ? Object.values(step.explain ?? {}).map((state) => ({ state, from: step.state })) : []));
}

function pendingSubmission(context: FormFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('formFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: FormFlowContext): ApplicationView {
  if (context.application === null) throw new Error('formFlow: submitted without an application');
  return context.application;
}

type StepParams = { step: number };
type GuardRef = { type: string; params: object };

export function formFlow(spec: FormFlowSpec) {
  const { steps } = spec;
  const stepAt = (index: number): FormStep => {
    const step = steps[index];
    if (!step) throw new Error(`${spec.id}: no step ${index}`);
    return step;
  };
  /** The answers as they will be once this event is taken (a choice counts at once). */
  const answersAfter = (context: FormFlowContext, event: FormFlowEvent, from: number | null): FormAnswers =>
    from !== null && event.type === 'option.choose' ? { ...context.answers, [stepAt(from).field]: event.value } : context.answers;

  /** Guarded moves to the first step in `order` that applies, then `fallback`. */
  const moves = (order: number[], from: number | null, fallback: string, guard?: GuardRef) => [
    ...order.map((index) => ({
      // Built from data, so xstate cannot check the names here; the flows' tests walk every move.
      guard: and([...(guard ? [guard] : []), { type: 'stepApplies', params: { step: index, from } }] as never),
      target: stepAt(index).state,
    })),
    { ...(guard ? { guard } : {}), target: fallback },
  ];
  const after = (index: number) => steps.map((_, i) => i).filter((i) => i > index);
  const before = (index: number) => steps.map((_, i) => i).filter((i) => i < index).reverse();

  const stepState = (step: FormStep, index: number) => {
    const params = { step: index };
    const back = { 'flow.back': moves(before(index), null, 'back') };
    if (step.kind === 'choose') {
      const isOption = { type: 'isOption', params };
      const explained = Object.entries(step.explain ?? {}).map(([value, target]) => ({
        guard: and([isOption, { type: 'isValue', params: { value } }] as never),
        target,
        actions: { type: 'choose', params },
      }));
      const onward = moves(after(index), index, 'confirming', isOption).map((m) => ({ ...m, actions: { type: 'choose', params } }));
      return { entry: 'clearFieldError', on: { 'option.choose': [...explained, ...onward], ...back } };
    }
    const complete = { type: 'stepComplete', params };
    const keys =
      step.kind === 'digits'
        ? {
            'keypad.digit': { guard: { type: 'canTypeDigit', params }, actions: { type: 'typeDigit', params } },
            'keypad.delete': { actions: { type: 'deleteDigit', params } },
            'keypad.clear': { actions: { type: 'clearDigits', params } },
          }
        : { 'option.toggle': { guard: { type: 'isOption', params }, actions: { type: 'toggle', params } } };
    return {
      entry: 'clearFieldError',
      on: { ...keys, 'flow.next': [...moves(after(index), null, 'confirming', complete), { actions: { type: 'flagStep', params } }], ...back },
    };
  };

  const states: Record<string, unknown> = Object.fromEntries(steps.map((step, index) => [step.state, stepState(step, index)]));
  for (const { state, from } of explainStates(steps)) {
    states[state] = { on: { 'flow.back': from, 'flow.next': 'back' } };
  }

  return setup({
    types: {} as { context: FormFlowContext; events: FormFlowEvent; input: ServiceFlowInput; output: ServiceFlowOutput },
    actors: {
      /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
      submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
    },
    guards: {
      isEligible: ({ context }) => context.eligibility.eligible,
      stepApplies: ({ context, event }, params: StepParams & { from: number | null }) =>
        applies(stepAt(params.step), answersAfter(context, event, params.from)),
      isOption: ({ context, event }, params: StepParams) => {
        const step = stepAt(params.step);
        const value = event.type === 'option.choose' || event.type === 'option.toggle' ? event.value : null;
        return step.kind !== 'digits' && value !== null && step.options(context).includes(value);
      },
      isValue: ({ event }, params: { value: string }) => event.type === 'option.choose' && event.value === params.value,
      canTypeDigit: ({ context, event }, params: StepParams) => {
        const step = stepAt(params.step);
        return (
          step.kind === 'digits' &&
          event.type === 'keypad.digit' &&
          /^[0-9]$/.test(event.digit) &&
          textAnswer(context.answers, step.field).length < DIGIT_RULES[step.rule].max
        );
      },
      stepComplete: ({ context }, params: StepParams) => stepError(stepAt(params.step), context.answers) === null,
    },
    actions: {
      clearFieldError: assign({ fieldError: null }),
      choose: assign(({ context, event }, params: StepParams) =>
        event.type === 'option.choose' ? { answers: { ...context.answers, [stepAt(params.step).field]: event.value } } : {},
      ),
      toggle: assign(({ context, event }, params: StepParams) => {
        const step = stepAt(params.step);
        if (event.type !== 'option.toggle' || step.kind === 'digits') return {};
        const chosen = new Set(listAnswer(context.answers, step.field));
        if (chosen.has(event.value)) chosen.delete(event.value);
        else chosen.add(event.value);
        // Kept in the order the options are shown, so the same choice is the same answer.
        const list = step.options(context).filter((option) => chosen.has(option));
        return { answers: { ...context.answers, [step.field]: list }, fieldError: null };
      }),
      typeDigit: assign(({ context, event }, params: StepParams) => {
        const { field } = stepAt(params.step);
        if (event.type !== 'keypad.digit') return {};
        return { answers: { ...context.answers, [field]: textAnswer(context.answers, field) + event.digit }, fieldError: null };
      }),
      deleteDigit: assign(({ context }, params: StepParams) => {
        const { field } = stepAt(params.step);
        return { answers: { ...context.answers, [field]: textAnswer(context.answers, field).slice(0, -1) }, fieldError: null };
      }),
      clearDigits: assign(({ context }, params: StepParams) => ({
        answers: { ...context.answers, [stepAt(params.step).field]: '' },
        fieldError: null,
      })),
      flagStep: assign(({ context }, params: StepParams) => ({ fieldError: stepError(stepAt(params.step), context.answers) })),
      prepareSubmission: assign(({ context }) => {
        const request = withProxy(spec.request(context), context);
        const { key, keys } = idempotencyKeyFor(context.idempotencyKeys, request);
        return { idempotencyKeys: keys, submission: { request, idempotencyKey: key } };
      }),
      clearSubmitError: assign({ submitErrorCode: null }),
      storeApplication: assign((_, params: { application: ApplicationView }) => ({ application: params.application })),
      storeSubmitError: assign((_, params: { error: unknown }) => ({ submitErrorCode: errorCode(params.error) })),
    },
  }).createMachine({
    id: spec.id,
    context: ({ input }) => ({
      identity: input.identity,
      proxy: input.proxy ?? null,
      centreId: input.centreId ?? null,
      eligibility: spec.eligibility ? spec.eligibility(input) : eligibilityFor(input.identity, spec.serviceKey),
      answers: {},
      fieldError: null,
      idempotencyKeys: {},
      submission: null,
      application: null,
      submitErrorCode: null,
    }),
    initial: 'checkingEligibility',
    // flow.cancel leaves from every screen; `submitting` overrides it (see submission-states.ts).
    on: { 'flow.cancel': '.back' },
    output: ({ event }) => event.output as ServiceFlowOutput,
    states: {
      checkingEligibility: {
        always: [{ guard: not('isEligible'), target: 'notEligible' }, ...moves(after(-1), null, 'confirming')],
      },
      notEligible: { on: { 'flow.back': 'back' } },
      ...(states as object),
      confirming: {
        on: {
          'flow.confirm': { target: 'submitting', actions: 'prepareSubmission' },
          'flow.back': moves(before(steps.length), null, 'back'),
        },
      },
      ...submissionStates(pendingSubmission, submittedApplication),
      back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
      // Steps are data, so their names are strings here; the flows' model tests walk every state.
    } as Record<string, AnyStateNodeConfig>,
  });
}

export type FormFlowMachine = ReturnType<typeof formFlow>;
