import type { CentreView, IssuedTicket } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { queueTicketFlow, type IssueTicketInput } from './queue-ticket-flow';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { mutantMachine } from './testing/mutant-machine';
import { FIXTURE_CENTRE, issuedTicketFor } from './testing/queue-fixtures';
import { countFailingPaths } from './testing/count-failing-paths';

/**
 * Model-based test of queueTicketFlow, written from the spec: the server's answers are model
 * events (load.* and issue.*), and every shortest path is replayed against a live actor of the
 * real machine with controllable host actors. After every step the live actor must be where the
 * model is, have sent exactly one request per choice and retry, and (on `issuing`) have sent the
 * chosen category with the person's token (or none) and one key per category.
 */

type ModelEvent =
  | { type: 'flow.started'; withCard: boolean }
  | { type: 'load.resolve' }
  | { type: 'load.reject' }
  | { type: 'category.choose'; category: 'A' | 'B' | 'Z' }
  | { type: 'issue.resolve' }
  | { type: 'issue.reject' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' };

interface ModelContext {
  withCard: boolean | null;
  category: string | null;
  /** Someone tapped cancel while the request was out: a distinct model state, so a path tries it. */
  cancelTried: boolean;
}

const TOKEN = 'tok_model';

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    offered: ({ event }) => event.type === 'category.choose' && event.category !== 'Z',
  },
  actions: {
    takeStart: assign(({ event }) => (event.type === 'flow.started' ? { withCard: event.withCard } : {})),
    takeCategory: assign(({ event }) => (event.type === 'category.choose' ? { category: event.category } : {})),
    noteCancel: assign({ cancelTried: true }),
  },
}).createMachine({
  id: 'queueTicketModel',
  context: { withCard: null, category: null, cancelTried: false },
  initial: 'start',
  states: {
    start: { on: { 'flow.started': { target: 'loadingCentre', actions: 'takeStart' } } },
    loadingCentre: { on: { 'load.resolve': 'choosingCategory', 'load.reject': 'loadFailed', 'flow.back': 'back', 'flow.cancel': 'back' } },
    loadFailed: { on: { 'flow.retry': 'loadingCentre', 'flow.back': 'back', 'flow.cancel': 'back' } },
    choosingCategory: {
      on: {
        // A category the centre does not offer is not a choice (the model stays put: no step).
        'category.choose': { guard: 'offered', target: 'issuing', actions: 'takeCategory' },
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    // The request is out: leaving now could lose an issued ticket, so cancel and back do nothing.
    issuing: {
      on: {
        'issue.resolve': 'issued',
        'issue.reject': 'issueFailed',
        'flow.cancel': { guard: ({ context }) => !context.cancelTried, actions: 'noteCancel' },
        'flow.back': { guard: ({ context }) => !context.cancelTried, actions: 'noteCancel' },
      },
    },
    issueFailed: { on: { 'flow.retry': 'issuing', 'flow.back': 'choosingCategory', 'flow.cancel': 'back' } },
    issued: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    { type: 'flow.started', withCard: true },
    { type: 'flow.started', withCard: false },
    { type: 'category.choose', category: 'A' },
    { type: 'category.choose', category: 'B' },
  ],
  limit: 10_000,
  filterEvents: (state, event) => state.can(event),
});

function harness(machine: typeof queueTicketFlow) {
  let sut: Actor<typeof queueTicketFlow> | undefined;
  let loadCentre = controllableActor<CentreView, void>();
  let issue = controllableActor<IssuedTicket, IssueTicketInput>();
  let lastTicket: IssuedTicket | undefined;
  let expectedIssues = 0;
  let expectedLoads = 0;
  const keyByCategory = new Map<string, string>();

  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  const forward = (step: { event: { type: string } }) => {
    const event = step.event as ModelEvent;
    const value = live().getSnapshot().value;
    if (event.type === 'flow.retry' && value === 'loadFailed') expectedLoads++;
    if (event.type === 'flow.retry' && value === 'issueFailed') expectedIssues++;
    if (event.type === 'category.choose') expectedIssues++;
    live().send(event as Exclude<ModelEvent, { type: 'flow.started' | `load.${string}` | `issue.${string}` }>);
  };

  return {
    reset() {
      sut?.stop();
      sut = undefined;
      loadCentre = controllableActor<CentreView, void>();
      issue = controllableActor<IssuedTicket, IssueTicketInput>();
      lastTicket = undefined;
      expectedIssues = 0;
      expectedLoads = 0;
      keyByCategory.clear();
    },
    params: {
      events: {
        'flow.started': (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'flow.started' }>;
          sut = createActor(machine.provide({ actors: { loadCentre: loadCentre.logic, issueTicket: issue.logic } }), {
            input: { identifyToken: event.withCard ? TOKEN : null },
          });
          expectedLoads = 1;
          sut.start();
        },
        'load.resolve': async () => {
          loadCentre.last.resolve(FIXTURE_CENTRE);
          await settle();
        },
        'load.reject': async () => {
          loadCentre.last.reject(new CodedError('NETWORK'));
          await settle();
        },
        'issue.resolve': async () => {
          lastTicket = issuedTicketFor(issue.last.input.category, issue.calls.length);
          issue.last.resolve(lastTicket);
          await settle();
        },
        'issue.reject': async () => {
          issue.last.reject(new CodedError('NETWORK'));
          await settle();
        },
        'category.choose': forward,
        'flow.retry': forward,
        'flow.back': forward,
        'flow.cancel': forward,
      },
      states: {
        '*': (state: ReturnType<typeof model.transition>) => {
          if (state.matches('start')) {
            expect(sut).toBeUndefined();
            return;
          }
          const snapshot = live().getSnapshot();
          expect(loadCentre.calls).toHaveLength(expectedLoads);
          expect(issue.calls).toHaveLength(expectedIssues);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            if (state.value === 'issued') {
              expect(snapshot.output).toEqual({ kind: 'issued', ticket: lastTicket, centreName: FIXTURE_CENTRE.name });
            } else {
              expect(snapshot.output).toEqual({ kind: 'back' });
            }
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.value);
          if (state.matches('issuing')) {
            const { category, identifyToken, idempotencyKey } = issue.last.input;
            expect({ category, identifyToken }).toEqual({ category: state.context.category, identifyToken: state.context.withCard ? TOKEN : null });
            // One key per category for the whole flow, shared by every retry.
            const known = keyByCategory.get(category) ?? idempotencyKey;
            expect(idempotencyKey).toBe(known);
            expect([...keyByCategory].filter(([c, k]) => c !== category && k === idempotencyKey)).toEqual([]);
            keyByCategory.set(category, idempotencyKey);
          }
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('queueTicketFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(queueTicketFlow)).toEqual(names(model).filter((key) => key !== 'start'));
  });

  it('reaches every final state with and without a card, and every state', () => {
    const reached = new Set(paths.map((p) => `${String(p.state.value)}:${p.state.context.withCard}`));
    for (const withCard of [true, false]) {
      expect(reached).toContain(`issued:${withCard}`);
      expect(reached).toContain(`back:${withCard}`);
    }
    const visited = new Set(paths.flatMap((p) => p.steps.map((s) => String(s.state.value))));
    for (const node of getStateNodes(model.root)) expect(visited).toContain(node.key);
  });

  const h = harness(queueTicketFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the 取号 model-based test catches a broken transition', () => {
  const failures = (machine: typeof queueTicketFlow) => countFailingPaths(paths, harness(machine));

  it('the real machine passes every path', async () => {
    expect(await failures(queueTicketFlow)).toBe(0);
  });

  it.each([
    ['back from a failed issue leaves the flow', ['issueFailed'], 'flow.back', 'back'],
    ['retry of a failed issue is ignored', ['issueFailed'], 'flow.retry', undefined],
    ['retry of a failed load is ignored', ['loadFailed'], 'flow.retry', undefined],
    ['cancel works while issuing', ['issuing'], 'flow.cancel', 'back'],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(queueTicketFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
