import { isMainlandMobileNumber, type ApplicationView, type JointAnswers, type JointServiceKey } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { and, assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { jointApplicationFlow } from './joint-application-flow';
import { JOINT_FIXTURE_PERSONS, jointIdentityOf, type JointFixturePerson } from './joint-application-flow.fixtures';
import type { KeypadDigit } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { countFailingPaths } from './testing/count-failing-paths';
import { applicationFor } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model-based test of jointApplicationFlow, the model written from the brief rather than from
 * the machine: the form is a list of questions (each chosen service adds its own, in the order
 * assessment → subsidy → care home; the insurance only when the registry does not know it),
 * walked with an index, where the machine has one state per question. Typing a whole phone
 * number is one model event; the server's answers are model events. Every shortest path is
 * replayed against a live actor, which must show the model's screen, choices and answers.
 */

const SERVICES: readonly JointServiceKey[] = ['ltc-assessment', 'care-subsidy', 'care-home-admission'];
const PHONES = ['13912345678', '1391234', '02161234567'] as const;

/** 一表申请 as the brief lists it: the questions of each service and the taps that answer them. */
const FORM = {
  'ltc-assessment': { mobility: ['walks', 'needs-help', 'bedridden'], visitAt: ['registered-address', 'agree-by-phone'], insurance: ['employee', 'resident'] },
  'care-subsidy': { serviceForm: ['home-care', 'day-care'] },
  'care-home-admission': { carePreference: ['near-home', 'anywhere-in-district'], waitingList: ['yes', 'no'] },
} as const satisfies Record<JointServiceKey, Record<string, readonly string[]>>;
type Question = { [K in JointServiceKey]: keyof (typeof FORM)[K] }[JointServiceKey];

const choicesOf = (q: Question): readonly string[] =>
  Object.values(FORM).reduce<readonly string[] | undefined>((found, section) => found ?? (section as Record<string, readonly string[]>)[q], undefined) ?? [];

const joint = (person: JointFixturePerson) => {
  const j = jointIdentityOf(person).joint;
  if (!j) throw new Error('fixture without joint options');
  return j;
};
const availability = (person: JointFixturePerson, key: JointServiceKey) => joint(person).options.find((o) => o.serviceKey === key)?.availability ?? 'no';
const available = (person: JointFixturePerson) => SERVICES.filter((k) => availability(person, k) !== 'no');

interface ModelContext {
  person: JointFixturePerson | null;
  selected: JointServiceKey[];
  choiceError: boolean;
  at: number;
  phone: string;
  phoneError: 'too-short' | 'not-a-mobile-number' | null;
  failedOnce: boolean;
}

function questions(ctx: ModelContext): Question[] {
  if (ctx.person === null) return [];
  const insuranceKnown = joint(ctx.person).insurance !== null;
  return ctx.selected.flatMap((key) => Object.keys(FORM[key]).filter((q) => !(q === 'insurance' && insuranceKnown)) as Question[]);
}

/** Person i taps the i-th choice of every question (so each choice is sent by someone). */
function answerOf(person: JointFixturePerson, q: Question): string {
  const choices = choicesOf(q);
  return choices[JOINT_FIXTURE_PERSONS.indexOf(person) % choices.length]!;
}

/** The request the brief asks for: a section for each chosen service, no other. */
function expectedAnswers(person: JointFixturePerson, selected: readonly JointServiceKey[]): JointAnswers {
  const a = (q: Question) => answerOf(person, q) as never;
  const answers: JointAnswers = { services: [...selected], phone: PHONES[0] };
  if (selected.includes('ltc-assessment')) {
    answers.assessment = {
      reassessment: joint(person).reassessmentDue,
      insurance: joint(person).insurance ?? a('insurance'),
      mobility: a('mobility'),
      visitAt: a('visitAt'),
    };
  }
  if (selected.includes('care-subsidy')) answers.subsidy = { serviceForm: a('serviceForm') };
  if (selected.includes('care-home-admission')) answers.careHome = { preference: a('carePreference'), acceptWaitingList: answerOf(person, 'waitingList') === 'yes' };
  return answers;
}

type ModelEvent =
  | { type: 'identity.given'; person: JointFixturePerson }
  | { type: 'service.toggle'; value: JointServiceKey }
  | { type: 'answer.choose'; value: string }
  | { type: 'phone.enter'; phone: string }
  | { type: 'flow.next' | 'flow.back' | 'flow.cancel' | 'flow.confirm' | 'flow.retry' }
  | { type: 'submit.resolve' | 'submit.reject' };

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    anyAvailable: ({ event }) => event.type === 'identity.given' && available(event.person).length > 0,
    toggleable: ({ context, event }) => event.type === 'service.toggle' && available(context.person!).includes(event.value),
    someChosen: ({ context }) => context.selected.length > 0,
    validAnswer: ({ context, event }) => event.type === 'answer.choose' && choicesOf(questions(context)[context.at]!).includes(event.value),
    moreQuestions: ({ context }) => context.at + 1 < questions(context).length,
    notFirstQuestion: ({ context }) => context.at > 0,
    phoneValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    takePerson: assign(({ event }) => (event.type === 'identity.given' ? { person: event.person, selected: available(event.person) } : {})),
    // A service waiting for the assessment comes with it and goes with it.
    toggle: assign(({ context, event }) => {
      if (event.type !== 'service.toggle') return {};
      const waits = (k: JointServiceKey) => availability(context.person!, k) === 'with-assessment';
      const on = new Set(context.selected);
      if (on.has(event.value)) {
        on.delete(event.value);
        if (event.value === 'ltc-assessment') for (const k of SERVICES) if (waits(k)) on.delete(k);
      } else {
        on.add(event.value);
        if (waits(event.value)) on.add('ltc-assessment');
      }
      return { selected: SERVICES.filter((k) => on.has(k)), choiceError: false };
    }),
    flagNoneChosen: assign({ choiceError: true }),
    firstQuestion: assign({ at: 0 }),
    lastQuestion: assign(({ context }) => ({ at: questions(context).length - 1 })),
    advance: assign(({ context }) => ({ at: context.at + 1 })),
    retreat: assign(({ context }) => ({ at: context.at - 1 })),
    enterPhone: assign(({ event }) => (event.type === 'phone.enter' ? { phone: event.phone, phoneError: null } : {})),
    flagPhone: assign(({ context }) => ({ phoneError: context.phone.length < 11 ? ('too-short' as const) : ('not-a-mobile-number' as const) })),
    noteFailure: assign({ failedOnce: true }),
  },
}).createMachine({
  id: 'jointApplicationModel',
  context: { person: null, selected: [], choiceError: false, at: 0, phone: '', phoneError: null, failedOnce: false },
  initial: 'start',
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'anyAvailable', target: 'choosing', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
      },
    },
    notEligible: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    choosing: {
      on: {
        'service.toggle': { guard: 'toggleable', actions: 'toggle' },
        'flow.next': [{ guard: 'someChosen', target: 'notice' }, { actions: 'flagNoneChosen' }],
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    notice: { on: { 'flow.next': { target: 'answering', actions: 'firstQuestion' }, 'flow.back': 'choosing', 'flow.cancel': 'back' } },
    answering: {
      on: {
        'answer.choose': [
          { guard: and(['validAnswer', 'moreQuestions']), target: 'answering', actions: 'advance' },
          { guard: 'validAnswer', target: 'enteringPhone' },
        ],
        'flow.back': [{ guard: 'notFirstQuestion', target: 'answering', actions: 'retreat' }, { target: 'notice' }],
        'flow.cancel': 'back',
      },
    },
    enteringPhone: {
      on: {
        'phone.enter': { actions: 'enterPhone' },
        'flow.next': [{ guard: 'phoneValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': { target: 'answering', actions: 'lastQuestion' },
        'flow.cancel': 'back',
      },
    },
    confirming: { on: { 'flow.confirm': 'submitting', 'flow.back': 'enteringPhone', 'flow.cancel': 'back' } },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': { target: 'submitFailed', actions: 'noteFailure' } } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming', 'flow.cancel': 'back' } },
    submitted: { type: 'final' },
    back: { type: 'final' },
  },
});

/** Each person answers with other taps (person i taps the i-th choice), so every choice is sent. */
function modelEvents(state: ReturnType<typeof model.transition>): ModelEvent[] {
  const ctx = state.context;
  if (state.matches('start')) return JOINT_FIXTURE_PERSONS.map((person) => ({ type: 'identity.given', person }));
  const flow: ModelEvent[] = (['flow.next', 'flow.back', 'flow.cancel', 'flow.confirm', 'flow.retry', 'submit.resolve', 'submit.reject'] as const).map((type) => ({ type }));
  if (state.matches('choosing')) return [...flow, ...SERVICES.map((value) => ({ type: 'service.toggle' as const, value }))];
  if (state.matches('answering')) {
    return [...flow, { type: 'answer.choose', value: answerOf(ctx.person!, questions(ctx)[ctx.at]!) }];
  }
  if (state.matches('enteringPhone')) return [...flow, ...PHONES.map((phone) => ({ type: 'phone.enter' as const, phone }))];
  return flow;
}

const testModel = createTestModel(model, {
  events: modelEvents as never,
  // What tells two model states apart: the person, the screen and the chosen services; where
  // the form stands on a question screen; the phone only on its own screen and the review; the
  // failed try only once submitting, and the move that led in. Answers are left out: they never change where a tap leads,
  // and each person always gives the same ones (answerOf). A path's step may carry the context
  // of another path with the same key, so the checks below read only what the key holds.
  serializeState: (state, event) => {
    const ctx = (state as ReturnType<typeof model.transition>).context;
    const value = state.value as string;
    const onPhone = value === 'enteringPhone' || value === 'confirming';
    const submitting = ['submitting', 'submitFailed', 'submitted'].includes(value);
    return JSON.stringify({
      value,
      // How the screen was reached (going on, going back, answering): every move is then taken
      // at least once, not only the first way into a screen.
      via: state.status === 'active' ? event?.type : null,
      person: ctx.person,
      selected: ctx.selected,
      choiceError: value === 'choosing' && ctx.choiceError,
      at: value === 'answering' ? ctx.at : null,
      phone: onPhone ? [isMainlandMobileNumber(ctx.phone), ctx.phoneError] : null,
      failedOnce: submitting && ctx.failedOnce,
    });
  },
  limit: 50_000,
  filterEvents: (state, event) => state.can(event),
});

function harness(machine: typeof jointApplicationFlow) {
  let sut: Actor<typeof jointApplicationFlow> | undefined;
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  let expectedCalls = 0;

  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  type Step = { event: { type: string } };
  const forward = (step: Step) => {
    const event = step.event as ModelEvent;
    if (event.type === 'flow.confirm' || event.type === 'flow.retry') expectedCalls++;
    live().send(event as { type: 'flow.next' });
  };

  return {
    reset() {
      sut?.stop();
      sut = undefined;
      submit = controllableActor<ApplicationView, SubmitApplicationInput>();
      lastApplication = undefined;
      expectedCalls = 0;
    },
    params: {
      events: {
        'identity.given': (step: Step) => {
          const { person } = step.event as Extract<ModelEvent, { type: 'identity.given' }>;
          sut = createActor(machine.provide({ actors: { submitApplication: submit.logic } }), { input: { identity: jointIdentityOf(person) } });
          sut.start();
        },
        'service.toggle': (step: Step) => live().send({ type: 'option.toggle', value: (step.event as unknown as { value: string }).value }),
        'answer.choose': (step: Step) => live().send({ type: 'option.choose', value: (step.event as unknown as { value: string }).value }),
        'phone.enter': (step: Step) => {
          live().send({ type: 'keypad.clear' });
          for (const digit of (step.event as unknown as { phone: string }).phone) live().send({ type: 'keypad.digit', digit: digit as KeypadDigit });
        },
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
        '*': (state: ReturnType<typeof model.transition>) => {
          if (state.matches('start')) {
            expect(sut).toBeUndefined();
            return;
          }
          const snapshot = live().getSnapshot();
          const ctx = state.context;
          expect(submit.calls).toHaveLength(expectedCalls);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            expect(snapshot.output?.kind).toBe(state.value);
            if (snapshot.output?.kind === 'submitted') expect(snapshot.output.application).toBe(lastApplication);
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.matches('answering') ? questions(ctx)[ctx.at] : state.value);
          if (state.matches('notEligible')) return;
          expect(snapshot.context.selected).toEqual(ctx.selected);
          if (state.matches('choosing')) expect(snapshot.context.choiceError).toBe(ctx.choiceError ? 'none-chosen' : null);
          if (state.matches('enteringPhone') || state.matches('confirming')) {
            expect(snapshot.context.phoneError).toBe(ctx.phoneError);
            expect(isMainlandMobileNumber(snapshot.context.phone)).toBe(isMainlandMobileNumber(ctx.phone));
          }
          if (state.matches('submitting')) {
            expect(submit.last.input.request).toEqual({
              serviceKey: 'ltc-joint',
              identifyToken: jointIdentityOf(ctx.person!).identifyToken,
              answers: expectedAnswers(ctx.person!, ctx.selected),
            });
          }
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('jointApplicationFlow against its model', () => {
  it('the model and the machine have the same screens (one per question in the machine)', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key);
    const questionsOfForm = Object.values(FORM).flatMap((section) => Object.keys(section));
    expect(names(jointApplicationFlow).sort()).toEqual(
      [...names(model).filter((k) => k !== 'start' && k !== 'answering'), 'checkingOptions', ...questionsOfForm].sort(),
    );
  });

  it('reaches every final state: submitted for each person who can apply (also after a failed try), back, notEligible → back', () => {
    const finals = paths.filter((p) => p.state.status === 'done');
    for (const person of JOINT_FIXTURE_PERSONS) {
      expect(finals.some((p) => p.state.value === 'back' && p.state.context.person === person)).toBe(true);
      if (available(person).length === 0) {
        expect(paths.some((p) => p.state.context.person === person && p.steps.some((s) => s.state.value === 'notEligible'))).toBe(true);
        continue;
      }
      expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.person === person)).toBe(true);
    }
    expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.failedOnce)).toBe(true);
    // Every subset of services a person can choose is submitted at least once.
    const submittedSets = new Set(finals.filter((p) => p.state.value === 'submitted').map((p) => `${p.state.context.person}:${p.state.context.selected.join('+')}`));
    expect(submittedSets).toContain('hardship:ltc-assessment+care-subsidy+care-home-admission');
    expect(submittedSets).toContain('hardship:ltc-assessment');
    expect(submittedSets).toContain('reassessment:care-home-admission');
    expect(submittedSets).toContain('firstTimer:ltc-assessment+care-home-admission');
  });

  const h = harness(jointApplicationFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof jointApplicationFlow) => countFailingPaths(paths, harness(machine), { stopAtFirst: true });

  // The real machine passing every path is the describe block above.
  it.each([
    ['back from the first question skips the notice', ['mobility'], 'flow.back', 'choosing'],
    ['the services cannot be changed', ['choosing'], 'option.toggle', undefined],
    ['an invalid phone moves on', ['enteringPhone'], 'flow.next', 'confirming'],
    ['the subsidy question goes straight to the phone', ['serviceForm'], 'option.choose', { target: 'enteringPhone', actions: { type: 'answer', params: { question: 'serviceForm' } } }],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(jointApplicationFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
