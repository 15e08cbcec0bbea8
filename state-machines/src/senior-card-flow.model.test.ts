import { isMainlandMobileNumber, type ApplicationView, type SeniorCardDelivery } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { PHONE_DIGITS, seniorCardFlow, type KeypadDigit, type PhoneError } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, identityOf, type FixturePerson } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';
import { countFailingPaths } from './testing/count-failing-paths';

/**
 * Model-based test of seniorCardFlow. The model is written from the spec: typing a whole number
 * is one model event (`phone.enter`, replayed on the live actor as keypad.clear plus one
 * keypad.digit per digit; deleting single digits is covered by the unit tests), the server's answers are model events (`submit.resolve` /
 * `submit.reject`). Every shortest path of the model is replayed against a live actor of the
 * real machine; after each step the live actor must be in the model's state, with the same
 * phone, phone error and delivery.
 */

const VALID_PHONE = '13912345678';
/** Phones the model types: a valid one, one too short, and 11 digits that are no mobile number. */
const PHONES = [VALID_PHONE, '1391234', '02161234567'] as const;

/** An eligible person, a card holder (already-holds-senior-card) and one too young. */
const PEOPLE = ['firstTimer', 'cardHolder', 'tooYoung'] as const satisfies readonly FixturePerson[];

function eligible(person: FixturePerson): boolean {
  return identityOf(person).eligibility.find((e) => e.serviceKey === 'senior-card')?.eligible === true;
}

type ModelEvent =
  | { type: 'identity.given'; person: FixturePerson }
  | { type: 'phone.enter'; phone: string }
  | { type: 'delivery.choose'; delivery: SeniorCardDelivery }
  | { type: 'flow.next' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'submit.resolve' }
  | { type: 'submit.reject' };

interface ModelContext {
  person: FixturePerson | null;
  phone: string;
  phoneError: PhoneError | null;
  delivery: SeniorCardDelivery | null;
}

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && eligible(event.person),
    phoneValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    takePerson: assign(({ event }) => (event.type === 'identity.given' ? { person: event.person } : {})),
    enterPhone: assign(({ event }) =>
      event.type === 'phone.enter' ? { phone: event.phone.slice(0, PHONE_DIGITS), phoneError: null } : {},
    ),
    flagPhone: assign(({ context }) => ({
      phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const),
    })),
    chooseDelivery: assign(({ event }) => (event.type === 'delivery.choose' ? { delivery: event.delivery } : {})),
  },
}).createMachine({
  id: 'seniorCardModel',
  context: { person: null, phone: '', phoneError: null, delivery: null },
  initial: 'start',
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'eligible', target: 'confirmingIdentity', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
      },
    },
    notEligible: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    confirmingIdentity: { on: { 'flow.next': 'enteringPhone', 'flow.back': 'back', 'flow.cancel': 'back' } },
    enteringPhone: {
      on: {
        'phone.enter': { actions: 'enterPhone' },
        'flow.next': [{ guard: 'phoneValid', target: 'choosingDelivery' }, { actions: 'flagPhone' }],
        'flow.back': 'confirmingIdentity',
        'flow.cancel': 'back',
      },
    },
    choosingDelivery: {
      on: {
        'delivery.choose': { target: 'confirming', actions: 'chooseDelivery' },
        'flow.back': 'enteringPhone',
        'flow.cancel': 'back',
      },
    },
    confirming: {
      on: { 'flow.confirm': 'submitting', 'flow.back': 'choosingDelivery', 'flow.cancel': 'back' },
    },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': 'submitFailed' } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming', 'flow.cancel': 'back' } },
    submitted: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    ...PEOPLE.map((person) => ({ type: 'identity.given' as const, person })),
    ...PHONES.map((phone) => ({ type: 'phone.enter' as const, phone })),
    { type: 'delivery.choose', delivery: 'collect' },
    { type: 'delivery.choose', delivery: 'mail' },
  ],
  limit: 20_000,
  // Only events the model accepts in a state; a disabled event would be a no-op step.
  filterEvents: (state, event) => state.can(event),
});

function harness(machine: typeof seniorCardFlow) {
  let sut: Actor<typeof seniorCardFlow> | undefined;
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  let expectedCalls = 0;

  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  /** xstate/graph types a step's event by its type only; the payload is there at run time. */
  const forward = (step: { event: { type: string } }) => {
    const event = step.event as ModelEvent;
    if (event.type === 'flow.confirm' || event.type === 'flow.retry') expectedCalls++;
    live().send(event as Exclude<ModelEvent, { type: 'identity.given' | 'phone.enter' | `submit.${string}` }>);
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
        'identity.given': (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'identity.given' }>;
          sut = createActor(machine.provide({ actors: { submitApplication: submit.logic } }), {
            input: { identity: identityOf(event.person) },
          });
          sut.start();
        },
        'phone.enter': (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'phone.enter' }>;
          live().send({ type: 'keypad.clear' });
          for (const digit of event.phone) live().send({ type: 'keypad.digit', digit: digit as KeypadDigit });
        },
        'delivery.choose': forward,
        'flow.next': forward,
        'flow.confirm': forward,
        'flow.retry': forward,
        'flow.back': forward,
        'flow.cancel': forward,
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
          expect(submit.calls).toHaveLength(expectedCalls);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            expect(snapshot.output?.kind).toBe(state.value);
            if (snapshot.output?.kind === 'submitted') expect(snapshot.output.application).toBe(lastApplication);
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.value);
          expect(snapshot.context.phone).toBe(state.context.phone);
          expect(snapshot.context.phoneError).toBe(state.context.phoneError);
          if (state.matches('confirming') || state.matches('submitting') || state.matches('submitFailed')) {
            expect(snapshot.context.delivery).toBe(state.context.delivery);
          }
          if (state.matches('submitting')) {
            expect(submit.last.input.request).toEqual({
              serviceKey: 'senior-card',
              identifyToken: snapshot.context.identity.identifyToken,
              answers: { phone: state.context.phone, delivery: state.context.delivery },
            });
          }
          if (state.matches('notEligible') && state.context.person === 'cardHolder') {
            expect(snapshot.context.eligibility.reasons.map((r) => r.code)).toContain('already-holds-senior-card');
          }
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('seniorCardFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(seniorCardFlow)).toEqual([...names(model).filter((k) => k !== 'start'), 'checkingEligibility'].sort());
  });

  it('has paths to every final state, with both deliveries, and tries every phone', () => {
    const finals = paths.filter((p) => p.state.status === 'done');
    for (const person of PEOPLE) {
      expect(finals.some((p) => p.state.value === 'back' && p.state.context.person === person)).toBe(true);
      if (!eligible(person)) continue;
      for (const delivery of ['collect', 'mail'] as const) {
        expect(
          finals.some(
            (p) => p.state.value === 'submitted' && p.state.context.person === person && p.state.context.delivery === delivery,
          ),
        ).toBe(true);
      }
    }
    const errors = new Set(paths.map((p) => p.state.context.phoneError));
    expect(errors).toEqual(new Set([null, 'too-short', 'not-a-mobile-number']));
  });

  const h = harness(seniorCardFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof seniorCardFlow) => countFailingPaths(paths, harness(machine));

  it('the real machine passes every path', async () => {
    expect(await failures(seniorCardFlow)).toBe(0);
  });

  it.each([
    ['an invalid phone moves on', ['enteringPhone'], 'flow.next', 'choosingDelivery'],
    ['back from delivery skips the phone', ['choosingDelivery'], 'flow.back', 'confirmingIdentity'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
    ['the keypad cannot clear', ['enteringPhone'], 'keypad.clear', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(seniorCardFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
