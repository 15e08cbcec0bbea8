import type { ApplicationRequest, ApplicationView, IdentifyResponse } from '@eldercare/domain';
import { expect } from 'vitest';
import { assign, createActor, type Actor, type AnyMachineSnapshot } from 'xstate';
import type { FormFlowMachine } from '../flow-steps/form-flow';
import type { FormAnswers, FieldError } from '../flow-steps/form-step';
import type { KeypadDigit } from '../senior-card-flow';
import type { SubmitApplicationInput } from '../service-flow-types';
import { CodedError, controllableActor, settle } from './controllable-actor';
import { applicationFor, identityOf, type FixturePerson } from './fixtures';

/**
 * What the form flows' tests share: starting a flow on a person, typing on the keypad, and the
 * harness that replays a model's paths (xstate/graph) on the real machine. Each flow's model is
 * written from its spec in its own <name>-flow.model.test.ts; this only drives and compares.
 */

/** The identity with the server's verdict for `serviceKey` set (e.g. meal assistance already approved). */
export function withVerdict(identity: IdentifyResponse, serviceKey: string, eligible: boolean): IdentifyResponse {
  return {
    ...identity,
    eligibility: identity.eligibility.map((e) => (e.serviceKey === serviceKey ? { ...e, eligible, reasons: eligible ? [] : e.reasons } : e)),
  };
}

export function startFormFlow(machine: FormFlowMachine, identity: IdentifyResponse, input: { proxy?: null } | object = {}) {
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(machine.provide({ actors: { submitApplication: submit.logic } }), { input: { identity, ...input } });
  actor.start();
  return { actor, submit };
}

export function typeDigits(actor: Actor<FormFlowMachine>, digits: string): void {
  for (const digit of digits) actor.send({ type: 'keypad.digit', digit: digit as KeypadDigit });
}

// ---- the model side ---------------------------------------------------------------------

/** What every form-flow model tracks: who, the answers so far and the step's error. */
export interface FormModelContext {
  person: FixturePerson | null;
  answers: FormAnswers;
  fieldError: FieldError | null;
  /** A model may note that a tap the flow must ignore was made on the current screen. */
  refused?: boolean;
}

export const FORM_MODEL_CONTEXT: FormModelContext = { person: null, answers: {}, fieldError: null };

/** The events a form-flow model may use: the flow's own, plus typing a whole number and the server's answers. */
export type FormModelEvent =
  | { type: 'identity.given'; person: FixturePerson }
  | { type: 'digits.enter'; digits: string }
  | { type: 'option.choose'; value: string }
  | { type: 'option.toggle'; value: string }
  | { type: 'flow.next' | 'flow.back' | 'flow.cancel' | 'flow.confirm' | 'flow.retry' }
  | { type: 'submit.resolve' | 'submit.reject' };

type AnswerParams = { field: string; max?: number; order?: readonly string[] };

/** Model actions every form model uses (setup({ actions: formModelActions })). */
export const formModelActions = {
  takePerson: assign<FormModelContext, FormModelEvent, undefined, FormModelEvent, never>(({ event }) =>
    event.type === 'identity.given' ? { person: event.person } : {},
  ),
  /** The model's answer: a choice, a toggle kept in `order`, or digits cut at `max`. */
  answer: assign<FormModelContext, FormModelEvent, AnswerParams, FormModelEvent, never>(
    ({ context, event }, params) => {
      if (event.type === 'option.choose') return { answers: { ...context.answers, [params.field]: event.value }, fieldError: null };
      if (event.type === 'digits.enter') {
        return { answers: { ...context.answers, [params.field]: event.digits.slice(0, params.max) }, fieldError: null };
      }
      if (event.type !== 'option.toggle') return {};
      const before = (context.answers[params.field] ?? []) as readonly string[];
      const after = before.includes(event.value) ? before.filter((v) => v !== event.value) : [...before, event.value];
      const order = params.order ?? after;
      return { answers: { ...context.answers, [params.field]: order.filter((v) => after.includes(v)) }, fieldError: null };
    },
  ),
  flag: assign<FormModelContext, FormModelEvent, { error: FieldError }, FormModelEvent, never>((_, params) => ({ fieldError: params.error })),
  clearError: assign<FormModelContext, FormModelEvent, undefined, FormModelEvent, never>({ fieldError: null }),
};

export interface FormModelOptions {
  machine: FormFlowMachine;
  identityOf?: (person: FixturePerson) => IdentifyResponse;
  /** The request the model expects for its answers (written from the spec, not from the flow). */
  expectedRequest(answers: FormAnswers, identity: IdentifyResponse): ApplicationRequest;
}

/** The harness that replays a form model's paths on a live actor of `machine` (see countFailingPaths). */
export function formModelHarness(options: FormModelOptions) {
  const identityFor = options.identityOf ?? identityOf;
  let sut: Actor<FormFlowMachine> | undefined;
  let identity: IdentifyResponse | undefined;
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  let expectedCalls = 0;

  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  type Step = { event: { type: string } };
  const forward = (step: Step) => {
    const event = step.event as FormModelEvent;
    if (event.type === 'flow.confirm' || event.type === 'flow.retry') expectedCalls++;
    live().send(event as never);
  };

  return {
    reset() {
      sut?.stop();
      sut = undefined;
      identity = undefined;
      submit = controllableActor<ApplicationView, SubmitApplicationInput>();
      lastApplication = undefined;
      expectedCalls = 0;
    },
    params: {
      events: {
        'identity.given': (step: Step) => {
          const event = step.event as Extract<FormModelEvent, { type: 'identity.given' }>;
          identity = identityFor(event.person);
          sut = createActor(options.machine.provide({ actors: { submitApplication: submit.logic } }), { input: { identity } });
          sut.start();
        },
        'digits.enter': (step: Step) => {
          const event = step.event as Extract<FormModelEvent, { type: 'digits.enter' }>;
          live().send({ type: 'keypad.clear' });
          typeDigits(live(), event.digits);
        },
        'option.choose': forward,
        'option.toggle': forward,
        'flow.next': forward,
        'flow.back': forward,
        'flow.cancel': forward,
        'flow.confirm': forward,
        'flow.retry': forward,
        'submit.resolve': async () => {
          lastApplication = applicationFor(submit.last.input.request, submit.calls.length);
          submit.last.resolve(lastApplication);
          await settle();
        },
        'submit.reject': async () => {
          submit.last.reject(new CodedError('NETWORK_UNREACHABLE'));
          await settle();
        },
      },
      states: {
        '*': (state: AnyMachineSnapshot) => {
          const model = state.context as FormModelContext;
          if (state.value === 'start') {
            expect(sut).toBeUndefined();
            return;
          }
          const snapshot = live().getSnapshot();
          expect(submit.calls).toHaveLength(expectedCalls);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            expect(snapshot.output?.kind).toBe(state.value);
            if (snapshot.output?.kind === 'submitted') expect(snapshot.output.application).toBe(lastApplication);
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.value);
          expect(snapshot.context.answers).toEqual(model.answers);
          expect(snapshot.context.fieldError).toBe(model.fieldError);
          if (state.value === 'submitting') {
            if (!identity) throw new Error('no identity');
            expect(submit.last.input.request).toEqual(options.expectedRequest(model.answers, identity));
          }
        },
      },
    },
  };
}

interface VisitedPath {
  state: { status: string; value: unknown };
  steps: readonly { state: { value: unknown; context: unknown } }[];
}

/** What a model's paths go through (xstate/graph drops paths that are prefixes of longer ones). */
export function visited(paths: readonly VisitedPath[]) {
  const steps = paths.flatMap((p) => p.steps.map((s) => s.state));
  return {
    ends: new Set(paths.filter((p) => p.state.status === 'done').map((p) => String(p.state.value))),
    states: new Set(steps.map((s) => String(s.value))),
    errors: new Set(steps.map((s) => (s.context as FormModelContext).fieldError)),
  };
}
