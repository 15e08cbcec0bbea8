import { isMainlandMobileNumber, type ApplicationView, type IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { taxiHailingFlow, type TaxiDestination } from './taxi-hailing-flow';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { countFailingPaths } from './testing/count-failing-paths';
import { applicationFor, identityOf } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model-based test of taxiHailingFlow, from the spec: a kiosk that knows its centre offers 回家
 * or 上车后告诉司机, the mobile number (typed whole as one model event), 叫车, and the server's
 * answer (booked, or TAXI_UNAVAILABLE and 再试一次). A kiosk without a centre cannot call one; a
 * person the server refuses sees why.
 */

const VALID_PHONE = '13912345678';
const PHONES = [VALID_PHONE, '1391234', '02161234567'] as const;
const CENTRE = 'xuhui-tianping';
type Kiosk = 'withCentre' | 'withoutCentre' | 'refused';

function identityFor(kiosk: Kiosk): IdentifyResponse {
  const identity = identityOf('tooYoung');
  // Everyone may call a taxi; "refused" stands for a server that did not say so.
  return kiosk === 'refused' ? { ...identity, eligibility: identity.eligibility.filter((e) => e.serviceKey !== 'taxi-hailing') } : identity;
}

type ModelEvent =
  | { type: 'session.given'; kiosk: Kiosk }
  | { type: 'option.choose'; value: string }
  | { type: 'phone.enter'; phone: string }
  | { type: 'flow.next' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'submit.resolve' }
  | { type: 'submit.reject' };

interface ModelContext {
  kiosk: Kiosk | null;
  destination: TaxiDestination | null;
  phone: string;
  phoneError: PhoneError | null;
  failedOnce: boolean;
}

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    kiosk: ({ event }, params: { kiosk: Kiosk }) => event.type === 'session.given' && event.kiosk === params.kiosk,
    destination: ({ event }) => event.type === 'option.choose' && (event.value === 'home' || event.value === 'tell-driver'),
    phoneValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    takeKiosk: assign(({ event }) => (event.type === 'session.given' ? { kiosk: event.kiosk } : {})),
    destination: assign(({ event }) => (event.type === 'option.choose' ? { destination: event.value as TaxiDestination } : {})),
    enterPhone: assign(({ event }) => (event.type === 'phone.enter' ? { phone: event.phone.slice(0, PHONE_DIGITS), phoneError: null } : {})),
    flagPhone: assign(({ context }) => ({ phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const) })),
    failed: assign({ failedOnce: true }),
  },
}).createMachine({
  id: 'taxiHailingModel',
  context: { kiosk: null, destination: null, phone: '', phoneError: null, failedOnce: false },
  initial: 'start',
  states: {
    start: {
      on: {
        'session.given': [
          { guard: { type: 'kiosk', params: { kiosk: 'withCentre' } }, target: 'choosingDestination', actions: 'takeKiosk' },
          { guard: { type: 'kiosk', params: { kiosk: 'withoutCentre' } }, target: 'noCentre', actions: 'takeKiosk' },
          { target: 'notEligible', actions: 'takeKiosk' },
        ],
      },
    },
    notEligible: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    noCentre: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    choosingDestination: {
      on: { 'option.choose': { guard: 'destination', target: 'enteringPhone', actions: 'destination' }, 'flow.back': 'back', 'flow.cancel': 'back' },
    },
    enteringPhone: {
      on: {
        'phone.enter': { actions: 'enterPhone' },
        'flow.next': [{ guard: 'phoneValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': 'choosingDestination',
        'flow.cancel': 'back',
      },
    },
    confirming: { on: { 'flow.confirm': 'submitting', 'flow.back': 'enteringPhone', 'flow.cancel': 'back' } },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': { target: 'submitFailed', actions: 'failed' } } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming', 'flow.cancel': 'back' } },
    submitted: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    ...(['withCentre', 'withoutCentre', 'refused'] as const).map((kiosk) => ({ type: 'session.given' as const, kiosk })),
    ...['home', 'tell-driver', 'airport'].map((value) => ({ type: 'option.choose' as const, value })),
    ...PHONES.map((phone) => ({ type: 'phone.enter' as const, phone })),
  ],
  limit: 20_000,
  filterEvents: (state, event) => {
    if (!state.can(event)) return false;
    // After a failed booking only the way back to a booking is walked again.
    if (state.context.failedOnce && event.type === 'flow.back' && !state.matches('submitFailed')) return false;
    if (state.context.phone !== '' && state.matches('choosingDestination')) return false;
    return true;
  },
});

function harness(machine: typeof taxiHailingFlow) {
  let sut: Actor<typeof taxiHailingFlow> | undefined;
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  let expectedCalls = 0;
  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  const forward = (step: { event: { type: string } }) => {
    const event = step.event as ModelEvent;
    if (event.type === 'flow.confirm' || event.type === 'flow.retry') expectedCalls++;
    live().send(event as never);
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
        'session.given': (step: { event: { type: string } }) => {
          const { kiosk } = step.event as Extract<ModelEvent, { type: 'session.given' }>;
          sut = createActor(machine.provide({ actors: { submitApplication: submit.logic } }), {
            input: { identity: identityFor(kiosk), proxy: null, centreId: kiosk === 'withoutCentre' ? null : CENTRE },
          });
          sut.start();
        },
        'phone.enter': (step: { event: { type: string } }) => {
          const { phone } = step.event as Extract<ModelEvent, { type: 'phone.enter' }>;
          live().send({ type: 'keypad.clear' });
          for (const digit of phone) live().send({ type: 'keypad.digit', digit: digit as KeypadDigit });
        },
        'option.choose': forward,
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
          submit.last.reject(new CodedError('TAXI_UNAVAILABLE'));
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
          expect(snapshot.value).toBe(state.value);
          expect(snapshot.context.phone).toBe(state.context.phone);
          expect(snapshot.context.phoneError).toBe(state.context.phoneError);
          if (state.matches('confirming') || state.matches('submitting')) expect(snapshot.context.destination).toBe(state.context.destination);
          if (state.matches('submitting')) {
            expect(submit.last.input.request).toEqual({
              serviceKey: 'taxi-hailing',
              identifyToken: snapshot.context.identity.identifyToken,
              answers: { centreId: CENTRE, destination: state.context.destination, phone: state.context.phone },
            });
          }
          if (state.matches('submitFailed')) expect(snapshot.context.submitErrorCode).toBe('TAXI_UNAVAILABLE');
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('taxiHailingFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(taxiHailingFlow)).toEqual([...names(model).filter((k) => k !== 'start'), 'checkingEligibility'].sort());
  });

  it('reaches every final state: booked for both destinations, after a failed booking too, and back from each refusal', () => {
    const finals = paths.filter((p) => p.state.status === 'done');
    for (const destination of ['home', 'tell-driver'] as const) {
      expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.destination === destination)).toBe(true);
    }
    expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.failedOnce)).toBe(true);
    for (const kiosk of ['withoutCentre', 'refused'] as const) expect(finals.some((p) => p.state.value === 'back' && p.state.context.kiosk === kiosk)).toBe(true);
    expect(new Set(paths.map((p) => p.state.context.phoneError))).toEqual(new Set([null, 'too-short', 'not-a-mobile-number']));
  });

  const h = harness(taxiHailingFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof taxiHailingFlow) => countFailingPaths(paths, harness(machine), { stopAtFirst: true });
  it.each([
    ['an invalid phone moves on', ['enteringPhone'], 'flow.next', 'confirming'],
    ['back from the phone leaves the flow', ['enteringPhone'], 'flow.back', 'back'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
    ['any destination is taken', ['choosingDestination'], 'option.choose', { target: 'enteringPhone' }],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(taxiHailingFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
