import type { AllowanceChannel } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { allowanceChannelFlow, otherAllowanceChannel } from './allowance-channel-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { mutantMachine } from './testing/mutant-machine';
import { applicationFor, FIXTURE_PERSON_KEYS, identityOf, type FixturePerson } from './testing/fixtures';
import type { ApplicationView } from '@eldercare/domain';
import { countFailingPaths } from './testing/count-failing-paths';

/**
 * Model-based test of allowanceChannelFlow. The model below is written from the spec, not from
 * the implementation: it has no invocations, and the server's answers are model events
 * (`submit.resolve` / `submit.reject`). Every shortest path of the model is replayed against a
 * live actor of the real machine whose `submitApplication` is a controllable promise; after
 * every step the live actor must be in the state the model is in.
 */

type Profile = 'ineligible' | 'noChannel' | 'hasChannel';

function profileOf(person: FixturePerson): Profile {
  const identity = identityOf(person);
  const eligibility = identity.eligibility.find((e) => e.serviceKey === 'allowance-channel');
  if (!eligibility?.eligible) return 'ineligible';
  return identity.person.allowanceChannel === null ? 'noChannel' : 'hasChannel';
}

type ModelEvent =
  | { type: 'identity.given'; person: FixturePerson }
  | { type: 'channel.choose'; channel: AllowanceChannel }
  | { type: 'channel.keep' }
  | { type: 'channel.change' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'submit.resolve' }
  | { type: 'submit.reject' };

interface ModelContext {
  person: FixturePerson | null;
  current: AllowanceChannel | null;
  channel: AllowanceChannel | null;
}

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    ineligible: ({ event }) => event.type === 'identity.given' && profileOf(event.person) === 'ineligible',
    hasChannel: ({ event }) => event.type === 'identity.given' && profileOf(event.person) === 'hasChannel',
    cameWithChannel: ({ context }) => context.current !== null,
  },
  actions: {
    takePerson: assign(({ event }) => {
      if (event.type !== 'identity.given') return {};
      return { person: event.person, current: identityOf(event.person).person.allowanceChannel };
    }),
    choose: assign(({ event }) => (event.type === 'channel.choose' ? { channel: event.channel } : {})),
    chooseOther: assign(({ context }) => ({ channel: otherAllowanceChannel(context.current) })),
  },
}).createMachine({
  id: 'allowanceChannelModel',
  context: { person: null, current: null, channel: null },
  initial: 'start',
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'ineligible', target: 'notEligible', actions: 'takePerson' },
          { guard: 'hasChannel', target: 'currentChannel', actions: 'takePerson' },
          { target: 'choosing', actions: 'takePerson' },
        ],
      },
    },
    notEligible: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    currentChannel: {
      on: {
        'channel.keep': 'finished',
        'channel.change': { target: 'confirming', actions: 'chooseOther' },
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    choosing: {
      on: {
        'channel.choose': { target: 'confirming', actions: 'choose' },
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    confirming: {
      on: {
        'flow.confirm': 'submitting',
        'flow.back': [{ guard: 'cameWithChannel', target: 'currentChannel' }, { target: 'choosing' }],
        'flow.cancel': 'back',
      },
    },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': 'submitFailed' } },
    submitFailed: {
      on: {
        'flow.retry': 'submitting',
        'flow.back': 'confirming',
        'flow.cancel': 'back',
      },
    },
    submitted: { type: 'final' },
    finished: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    ...FIXTURE_PERSON_KEYS.map((person) => ({ type: 'identity.given' as const, person })),
    { type: 'channel.choose', channel: 'senior-card' },
    { type: 'channel.choose', channel: 'social-security-card' },
  ],
  limit: 10_000,
  // Only events the model accepts in a state; a disabled event would be a no-op step.
  filterEvents: (state, event) => state.can(event),
});

/** Replays model paths against a live actor of `machine` (the real flow, or a mutant of it). */
function harness(machine: typeof allowanceChannelFlow) {
  let sut: Actor<typeof allowanceChannelFlow> | undefined;
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  /** One request per confirm and per retry, no more. */
  let expectedCalls = 0;

  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  /** xstate/graph types a step's event by its type only; the payload is there at run time. */
  const forward = (step: { event: { type: string } }) => {
    const event = step.event as ModelEvent;
    if (event.type === 'flow.confirm' || event.type === 'flow.retry') expectedCalls++;
    live().send(event as Exclude<ModelEvent, { type: `identity.given` | `submit.${string}` }>);
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
          const event = step.event as ModelEvent;
          if (event.type !== 'identity.given') throw new Error('wrong event');
          sut = createActor(machine.provide({ actors: { submitApplication: submit.logic } }), {
            input: { identity: identityOf(event.person) },
          });
          sut.start();
        },
        'channel.choose': forward,
        'channel.keep': forward,
        'channel.change': forward,
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
            const output = snapshot.output;
            expect(output?.kind).toBe(state.value === 'back' ? 'back' : state.value);
            if (output?.kind === 'submitted') expect(output.application).toBe(lastApplication);
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.value);
          if (state.matches('confirming') || state.matches('submitting') || state.matches('submitFailed')) {
            expect(snapshot.context.channel).toBe(state.context.channel);
          }
          if (state.matches('submitting')) {
            expect(submit.last.input.request).toEqual({
              serviceKey: 'allowance-channel',
              identifyToken: snapshot.context.identity.identifyToken,
              answers: { channel: state.context.channel },
            });
          }
          if (state.matches('notEligible')) {
            expect(snapshot.context.eligibility.eligible).toBe(false);
            expect(snapshot.context.eligibility.reasons.length).toBeGreaterThan(0);
          }
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('allowanceChannelFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(allowanceChannelFlow)).toEqual(
      [...names(model).filter((key) => key !== 'start'), 'checkingEligibility'].sort(),
    );
  });

  it('has a path to every final state for every kind of person that can reach it', () => {
    const reached = new Set(paths.map((p) => `${String(p.state.value)}:${p.state.context.person}`));
    for (const person of FIXTURE_PERSON_KEYS) {
      expect(reached).toContain(`back:${person}`);
      const profile = profileOf(person);
      if (profile !== 'ineligible') expect(reached).toContain(`submitted:${person}`);
      if (profile === 'hasChannel') expect(reached).toContain(`finished:${person}`);
    }
    const visited = new Set(paths.flatMap((p) => p.steps.map((s) => String(s.state.value))));
    for (const node of getStateNodes(model.root)) expect(visited).toContain(node.key);
  });

  const h = harness(allowanceChannelFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof allowanceChannelFlow) => countFailingPaths(paths, harness(machine));

  it('the real machine passes every path', async () => {
    expect(await failures(allowanceChannelFlow)).toBe(0);
  });

  it.each([
    ['channel.change goes to choosing', ['currentChannel'], 'channel.change', 'choosing'],
    ['back from a failed submission leaves the flow', ['submitFailed'], 'flow.back', 'back'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
    ['back from confirming always goes to choosing', ['confirming'], 'flow.back', 'choosing'],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(allowanceChannelFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
