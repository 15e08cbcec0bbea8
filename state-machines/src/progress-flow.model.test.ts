import type { PrintResult, ProgressResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { progressFlow, PROGRESS_PREVIOUS, type LoadProgressInput, type PrintProgressInput, type ProgressFlowInput } from './progress-flow';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { countFailingPaths } from './testing/count-failing-paths';
import { identityOf } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';
import { progressResponse } from './testing/progress-fixtures';

/**
 * Model-based test of progressFlow, written from the brief: the flow starts from a card (all
 * applications) or a scanned receipt (one), or with neither (it goes straight back). The host's
 * answers are model events: the load resolves with 0, 1 or 2 applications or fails (NOT_FOUND
 * or a network failure), the print is printed, held, failed or throws. Every shortest path is
 * replayed against the real machine; after each step the machine must be in the model's state
 * showing the model's application.
 */

type Source = 'card' | 'receipt' | 'none';

type ModelEvent =
  | { type: 'start'; source: Source }
  | { type: 'load.resolve'; count: number }
  | { type: 'load.reject'; code: 'NOT_FOUND' | 'NETWORK_UNREACHABLE' }
  | { type: 'print.answer'; state: PrintResult['state'] }
  | { type: 'print.reject' }
  | { type: 'flow.next' }
  | { type: 'flow.previous' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' };

interface ModelContext {
  source: Source | null;
  count: number;
  index: number;
}

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    hasSource: ({ event }) => event.type === 'start' && event.source !== 'none',
    hasApplications: ({ event }) => event.type === 'load.resolve' && event.count > 0,
    unknownReceipt: ({ context, event }) => event.type === 'load.reject' && event.code === 'NOT_FOUND' && context.source === 'receipt',
    hasNext: ({ context }) => context.index + 1 < context.count,
    hasPrevious: ({ context }) => context.index > 0,
    printFailed: ({ event }) => event.type === 'print.answer' && event.state === 'failed',
  },
  actions: {
    takeSource: assign(({ event }) => (event.type === 'start' ? { source: event.source } : {})),
    takeCount: assign(({ event }) => (event.type === 'load.resolve' ? { count: event.count, index: 0 } : {})),
    next: assign(({ context }) => ({ index: context.index + 1 })),
    previous: assign(({ context }) => ({ index: context.index - 1 })),
  },
}).createMachine({
  id: 'progressModel',
  context: { source: null, count: 0, index: 0 },
  initial: 'start',
  states: {
    start: {
      on: { start: [{ guard: 'hasSource', target: 'loading', actions: 'takeSource' }, { target: 'back', actions: 'takeSource' }] },
    },
    loading: {
      on: {
        'load.resolve': [{ guard: 'hasApplications', target: 'showing', actions: 'takeCount' }, { target: 'empty', actions: 'takeCount' }],
        'load.reject': [{ guard: 'unknownReceipt', target: 'notFound' }, { target: 'loadFailed' }],
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    loadFailed: { on: { 'flow.retry': 'loading', 'flow.back': 'back', 'flow.cancel': 'back' } },
    notFound: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    empty: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    showing: {
      on: {
        'flow.next': { guard: 'hasNext', actions: 'next' },
        'flow.previous': { guard: 'hasPrevious', actions: 'previous' },
        'flow.confirm': 'printing',
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    printing: {
      on: {
        'print.answer': [{ guard: 'printFailed', target: 'printFailed' }, { target: 'finished' }],
        'print.reject': 'printFailed',
      },
    },
    printFailed: { on: { 'flow.retry': 'printing', 'flow.back': 'showing', 'flow.cancel': 'back' } },
    finished: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    ...(['card', 'receipt', 'none'] as const).map((source) => ({ type: 'start' as const, source })),
    ...[0, 1, 2].map((count) => ({ type: 'load.resolve' as const, count })),
    { type: 'load.reject', code: 'NOT_FOUND' },
    { type: 'load.reject', code: 'NETWORK_UNREACHABLE' },
    ...(['printed', 'held', 'failed'] as const).map((state) => ({ type: 'print.answer' as const, state })),
  ],
  limit: 20_000,
  filterEvents: (state, event) => state.can(event),
});

const RECEIPT_CODE = 'YL20261122000123-ZW0AAPGJ6H';

function inputFor(source: Source): ProgressFlowInput {
  if (source === 'card') return { identity: identityOf('firstTimer'), proxy: null, centreId: null };
  if (source === 'receipt') return { identity: null, receiptCode: RECEIPT_CODE, proxy: null, centreId: null };
  return { identity: null, receiptCode: null };
}

function harness(machine: typeof progressFlow) {
  let sut: Actor<typeof progressFlow> | undefined;
  let load = controllableActor<ProgressResponse, LoadProgressInput>();
  let print = controllableActor<PrintResult, PrintProgressInput>();
  let loaded: ProgressResponse | null = null;
  let expectedLoads = 0;
  let expectedPrints = 0;
  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  const forward = (step: { event: { type: string } }) => {
    const type = step.event.type as ModelEvent['type'];
    const snapshot = live().getSnapshot();
    if (type === 'flow.retry' && snapshot.matches('loadFailed')) expectedLoads++;
    if ((type === 'flow.retry' && snapshot.matches('printFailed')) || (type === 'flow.confirm' && snapshot.matches('showing'))) expectedPrints++;
    if (type === 'flow.previous') live().send({ type: 'option.choose', value: PROGRESS_PREVIOUS });
    else live().send({ type } as never);
  };
  return {
    reset() {
      sut?.stop();
      sut = undefined;
      load = controllableActor<ProgressResponse, LoadProgressInput>();
      print = controllableActor<PrintResult, PrintProgressInput>();
      loaded = null;
      expectedLoads = 0;
      expectedPrints = 0;
    },
    params: {
      events: {
        start: (step: { event: { type: string } }) => {
          const { source } = step.event as Extract<ModelEvent, { type: 'start' }>;
          if (source !== 'none') expectedLoads = 1;
          sut = createActor(machine.provide({ actors: { loadProgress: load.logic, printProgress: print.logic } }), { input: inputFor(source) });
          sut.start();
        },
        'load.resolve': async (step: { event: { type: string } }) => {
          loaded = progressResponse((step.event as Extract<ModelEvent, { type: 'load.resolve' }>).count);
          load.last.resolve(loaded);
          await settle();
        },
        'load.reject': async (step: { event: { type: string } }) => {
          load.last.reject(new CodedError((step.event as Extract<ModelEvent, { type: 'load.reject' }>).code));
          await settle();
        },
        'print.answer': async (step: { event: { type: string } }) => {
          const { state } = step.event as Extract<ModelEvent, { type: 'print.answer' }>;
          print.last.resolve({ jobId: 'job', state, ...(state !== 'printed' && { code: 'PRINTER_PAPER_OUT' }) });
          await settle();
        },
        'print.reject': async () => {
          print.last.reject(new CodedError('AGENT_UNREACHABLE'));
          await settle();
        },
        'flow.next': forward,
        'flow.previous': forward,
        'flow.confirm': forward,
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
          expect(load.calls).toHaveLength(expectedLoads);
          expect(print.calls).toHaveLength(expectedPrints);
          if (state.context.source === 'card') expect(load.calls[0]?.input).toEqual({ identifyToken: identityOf('firstTimer').identifyToken });
          if (state.context.source === 'receipt') expect(load.calls[0]?.input).toEqual({ receiptCode: RECEIPT_CODE });
          // Every print of one slip carries the same id.
          expect(new Set(print.calls.map((c) => c.input.printId)).size).toBeLessThanOrEqual(1);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            expect(snapshot.output?.kind).toBe(state.value);
            return;
          }
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toBe(state.value);
          if (state.matches('showing') || state.matches('printing') || state.matches('printFailed')) {
            expect(snapshot.context.progress).toBe(loaded);
            expect(snapshot.context.index).toBe(state.context.index);
          }
          if (state.matches('printing')) expect(print.last.input.progress).toBe(loaded);
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('progressFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(progressFlow)).toEqual([...names(model).filter((k) => k !== 'start'), 'starting'].sort());
  });

  it('has paths to both final states from every start, and through every failure', () => {
    const finals = paths.filter((p) => p.state.status === 'done');
    for (const source of ['card', 'receipt', 'none'] as const) {
      expect(finals.some((p) => p.state.value === 'back' && p.state.context.source === source)).toBe(true);
    }
    for (const source of ['card', 'receipt'] as const) {
      expect(finals.some((p) => p.state.value === 'finished' && p.state.context.source === source)).toBe(true);
    }
    const visited = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify(s.state.value))));
    for (const screen of ['notFound', 'loadFailed', 'empty', 'printFailed']) expect(visited).toContain(JSON.stringify(screen));
    expect(paths.some((p) => p.state.matches('showing') && p.state.context.index === 1)).toBe(true);
  });

  const h = harness(progressFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof progressFlow) => countFailingPaths(paths, harness(machine), { stopAtFirst: true });

  it('the real machine passes every path', async () => {
    expect(await countFailingPaths(paths, harness(progressFlow))).toBe(0);
  });

  it.each([
    ['back from a failed print leaves the flow', ['printFailed'], 'flow.back', 'back'],
    ['retry of a failed load is ignored', ['loadFailed'], 'flow.retry', undefined],
    ['next never pages', ['showing'], 'flow.next', undefined],
    ['print goes straight to finished', ['showing'], 'flow.confirm', 'finished'],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(progressFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
