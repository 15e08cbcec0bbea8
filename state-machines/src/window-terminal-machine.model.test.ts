import type { CentreView, CounterView, StaffLoginRequest, StaffUserView, TicketHolderView } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, enqueueActions, raise, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { mutantMachine } from './testing/mutant-machine';
import { CENTRE, HOLDER, TECHNICIAN, WINDOW1, counterView, ticket } from './testing/window-fixtures';
import {
  CLERK_EVENTS,
  windowTerminalMachine,
  type CounterAction,
  type CounterActionInput,
  type CounterRef,
} from './window-terminal-machine';
import { countFailingPaths } from './testing/count-failing-paths';

/**
 * Model-based test of windowTerminalMachine. The model is written from the spec with an
 * abstract server (the counter's state and whether a ticket is at it, with or without an ID
 * card holder); the server's answers are model events (`*.resolve` / `*.reject`). Every shortest
 * path of the model, which reaches every resting state of the machine, is replayed against a
 * live actor with controllable host actors; after each step the live state value must equal the
 * model's, the error must be shown exactly when the model says, the holder must be the current
 * ticket's and read once per ticket, and the last POST must be the model's action.
 */

type ServerCounter = 'closed' | 'other' | 'open' | 'paused';
type ActionKind = CounterAction['kind'];

interface ModelContext {
  server: ServerCounter;
  /** The ticket at the counter: none, one taken without a card, or one with a holder. */
  current: 'none' | 'plain' | 'holder';
  /** 1 or 2 (a recall makes 2; more recalls change nothing the machine decides on). */
  callCount: number;
  holderShown: boolean;
  pending: ActionKind | null;
  error: boolean;
  stale: boolean;
  /** A key pressed during the first read of the counter. */
  deferred: (typeof CLERK_EVENTS)[number] | null;
}

type ModelEvent =
  | { type: 'session.found' }
  | { type: 'session.forbidden' }
  | { type: 'session.none' }
  | { type: 'login.submit' }
  | { type: 'login.resolve' }
  | { type: 'login.reject' }
  | { type: 'logout.resolve' }
  | { type: 'centre.resolve' }
  | { type: 'centre.reject' }
  | { type: 'centre.reload' }
  | { type: 'counter.choose' }
  | { type: 'counter.resolve'; server: ServerCounter; current: ModelContext['current'] }
  | { type: 'counter.reject' }
  | { type: 'counter.leave' }
  | { type: 'counter.open' }
  | { type: 'counter.close' }
  | { type: 'counter.pause' }
  | { type: 'counter.resume' }
  | { type: 'ticket.callNext' }
  | { type: 'ticket.recall' }
  | { type: 'ticket.noShow' }
  | { type: 'ticket.finish' }
  | { type: 'transfer.start' }
  | { type: 'transfer.cancel' }
  | { type: 'transfer.submit' }
  | { type: 'action.resolve'; holder: boolean }
  | { type: 'action.reject' }
  | { type: 'action.unauthorized' }
  | { type: 'refresh.resolve' }
  | { type: 'refresh.reject' }
  | { type: 'holder.resolve' }
  | { type: 'holder.reject' }
  | { type: 'view.stale' }
  | { type: 'error.dismiss' }
  | { type: 'session.logout' }
  | { type: 'session.expired' };

const LOGGED_OUT = { server: 'closed', current: 'none', callCount: 1, holderShown: false, pending: null, stale: false, deferred: null } as const;

/** What the server's counter looks like after a successful action (the spec of each route). */
function afterAction(context: ModelContext, holder: boolean): Partial<ModelContext> {
  switch (context.pending) {
    case 'open':
    case 'resume':
      return { server: 'open' };
    case 'pause':
      return { server: 'paused' };
    case 'close':
      return { server: 'closed' };
    case 'call-next':
      return { current: holder ? 'holder' : 'plain', callCount: 1, holderShown: false };
    case 'recall':
      return { callCount: 2 };
    default: // finish, no-show, transfer
      return { current: 'none', holderShown: false };
  }
}

const act = (kind: ActionKind) => ({
  target: '#model.counter.working',
  actions: assign<ModelContext, ModelEvent, undefined, ModelEvent, never>({ pending: kind, error: false, stale: false }),
});

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    holding: ({ context }) => context.server === 'open' || context.server === 'paused',
    notHolding: ({ context }) => !(context.server === 'open' || context.server === 'paused'),
    stale: ({ context }) => context.stale,
    other: ({ context }) => context.server === 'other',
    closed: ({ context }) => context.server === 'closed',
    paused: ({ context }) => context.server === 'paused',
    transferFailed: ({ context }) => context.pending === 'transfer' && context.error && context.current !== 'none',
    serving: ({ context }) => context.current !== 'none',
    unreadHolder: ({ context }) => context.current === 'holder' && !context.holderShown,
  },
}).createMachine({
  id: 'model',
  context: { ...LOGGED_OUT, error: false },
  initial: 'checkingSession',
  on: { 'session.expired': { target: '.loggedOut', actions: assign({ ...LOGGED_OUT, error: true }) } },
  states: {
    checkingSession: {
      on: { 'session.found': 'choosingCounter', 'session.forbidden': 'forbidden', 'session.none': 'loggedOut' },
    },
    loggedOut: { on: { 'login.submit': 'loggingIn', 'error.dismiss': { actions: assign({ error: false }) } } },
    loggingIn: {
      on: {
        'login.resolve': { target: 'choosingCounter', actions: assign({ error: false }) },
        'login.reject': { target: 'loggedOut', actions: assign({ error: true }) },
      },
    },
    forbidden: { on: { 'session.logout': 'loggingOut' } },
    loggingOut: { on: { 'logout.resolve': { target: 'loggedOut', actions: assign({ ...LOGGED_OUT, error: false }) } } },
    choosingCounter: {
      initial: 'loading',
      on: { 'session.logout': '#model.loggingOut', 'error.dismiss': { actions: assign({ error: false }) } },
      states: {
        loading: { on: { 'centre.resolve': 'ready', 'centre.reject': { target: 'failed', actions: assign({ error: true }) } } },
        ready: { on: { 'counter.choose': { target: '#model.counter', actions: assign({ ...LOGGED_OUT, error: false }) }, 'view.stale': 'loading' } },
        failed: { on: { 'centre.reload': { target: 'loading', actions: assign({ error: false }) } } },
      },
    },
    counter: {
      initial: 'loading',
      on: {
        // Refused while holding the counter (a self-loop adds no path: the unit tests send it).
        'session.logout': { guard: 'notHolding', target: 'loggingOut' },
        'error.dismiss': { actions: assign({ error: false }) },
      },
      states: {
        loading: {
          on: {
            ...Object.fromEntries(CLERK_EVENTS.map((type) => [type, { actions: assign({ deferred: type }) }])),
            'counter.resolve': {
              target: 'routing',
              actions: [
                assign(({ event }) => ({ server: event.server, current: event.current })),
                enqueueActions(({ context, enqueue }) => {
                  if (context.deferred !== null) enqueue.raise({ type: context.deferred });
                  enqueue.assign({ deferred: null });
                }),
              ],
            },
            'counter.reject': { target: '#model.choosingCounter', actions: assign({ error: true }) },
          },
        },
        routing: {
          always: [{ guard: 'stale', target: 'refreshing' }, { target: 'settling' }],
        },
        settling: {
          always: [
            { guard: 'other', target: 'heldByOther' },
            { guard: 'closed', target: 'closed' },
            { guard: 'paused', target: 'open.paused' },
            { guard: 'transferFailed', target: 'open.serving.transferring', actions: assign({ pending: null }) },
            { guard: 'unreadHolder', target: 'open.serving.loadingHolder' },
            { guard: 'serving', target: 'open.serving.shown' },
            { target: 'open.idle' },
          ],
        },
        refreshing: {
          entry: assign({ stale: false }),
          on: {
            'view.stale': { actions: assign({ stale: true }) },
            // The clerk's key during the read: taken where the last view puts us, then read again.
            ...Object.fromEntries(
              CLERK_EVENTS.map((type) => [type, { target: 'settling', actions: [raise(({ event }) => event), raise({ type: 'view.stale' })] }]),
            ),
            'refresh.resolve': 'routing', 'refresh.reject': { target: 'routing', actions: assign({ error: true }) } },
        },
        closed: {
          on: {
            'counter.open': act('open'),
            'counter.leave': '#model.choosingCounter',
            'view.stale': 'refreshing',
          },
        },
        heldByOther: { on: { 'counter.leave': '#model.choosingCounter', 'view.stale': 'refreshing' } },
        open: {
          initial: 'idle',
          on: { 'view.stale': '#model.counter.refreshing' },
          states: {
            idle: {
              on: {
                'ticket.callNext': { target: '#model.counter.calling', actions: assign({ pending: 'call-next', error: false, stale: false }) },
                'counter.pause': act('pause'),
                'counter.close': act('close'),
              },
            },
            serving: {
              initial: 'shown',
              on: {
                'ticket.callNext': { actions: assign({ error: true }) },
                'ticket.recall': act('recall'),
                'ticket.noShow': act('no-show'),
                'ticket.finish': act('finish'),
              },
              states: {
                loadingHolder: {
                  on: {
                    'holder.resolve': { target: 'shown', actions: assign({ holderShown: true }) },
                    'holder.reject': { target: 'shown', actions: assign({ holderShown: true }) },
                  },
                },
                shown: { on: { 'transfer.start': { target: 'transferring', actions: assign({ error: false }) } } },
                transferring: {
                  on: {
                    'transfer.cancel': [{ guard: 'stale', target: '#model.counter.refreshing' }, { target: 'shown' }],
                    'transfer.submit': act('transfer'),
                    'view.stale': { actions: assign({ stale: true }) },
                    'ticket.callNext': {},
                    'ticket.recall': {},
                    'ticket.noShow': {},
                    'ticket.finish': {},
                  },
                },
              },
            },
            paused: { on: { 'counter.resume': act('resume'), 'counter.close': act('close') } },
          },
        },
        calling: {
          on: {
            'action.resolve': { target: 'routing', actions: assign(({ context, event }) => ({ ...afterAction(context, event.holder), pending: null })) },
            'action.reject': { target: 'refreshing', actions: assign({ error: true }) },
            'action.unauthorized': { target: '#model.loggedOut', actions: assign({ ...LOGGED_OUT, error: true }) },
            'view.stale': { actions: assign({ stale: true }) },
          },
        },
        working: {
          on: {
            'action.resolve': { target: 'routing', actions: assign(({ context }) => ({ ...afterAction(context, false), pending: null })) },
            'action.reject': { target: 'refreshing', actions: assign({ error: true }) },
            'action.unauthorized': { target: '#model.loggedOut', actions: assign({ ...LOGGED_OUT, error: true }) },
            'view.stale': { actions: assign({ stale: true }) },
          },
        },
      },
    },
  },
});

const COUNTER_VARIANTS = [
  { server: 'closed', current: 'none' },
  { server: 'other', current: 'none' },
  { server: 'open', current: 'none' },
  { server: 'open', current: 'holder' },
  { server: 'paused', current: 'none' },
] as const;

const testModel = createTestModel(model, {
  events: [
    ...COUNTER_VARIANTS.map((v) => ({ type: 'counter.resolve' as const, ...v })),
    { type: 'action.resolve', holder: true },
    { type: 'action.resolve', holder: false },
  ],
  filterEvents: (state, event) => state.can(event),
  limit: 50_000,
});

type ModelState = ReturnType<typeof model.transition>;

function harness(machine: typeof windowTerminalMachine) {
  let sut: Actor<typeof windowTerminalMachine> | undefined;
  let io = makeIo();
  /** The ticket id behind the model's current ticket; a new one for every call. */
  let ticketId: string | null = null;
  /** Holder reads since the last login: each ticket's at most once (they are audited). */
  let reads: string[] = [];

  function makeIo() {
    return {
      checkSession: controllableActor<StaffUserView, void>(),
      login: controllableActor<StaffUserView, StaffLoginRequest>(),
      logout: controllableActor<void, void>(),
      loadCentre: controllableActor<CentreView, { centreId: string }>(),
      loadCounter: controllableActor<CounterView, CounterRef>(),
      counterAction: controllableActor<CounterView, CounterActionInput>(),
      loadHolder: controllableActor<TicketHolderView, { ticketId: string }>(),
    };
  }
  const live = () => {
    if (!sut) throw new Error('no live actor');
    return sut;
  };
  /** The server's view for the model's (post-step) context. */
  function viewOf(context: ModelContext): CounterView {
    const current =
      context.current === 'none' || ticketId === null
        ? null
        : { ...ticket('A001', { hasHolder: context.current === 'holder', callCount: context.callCount }), ticketId };
    const state = context.server === 'other' ? 'open' : context.server;
    const staffUsername = context.server === 'other' ? 'window2' : context.server === 'closed' ? null : 'window1';
    return counterView({ state, staffUsername, current });
  }
  const send = (step: { event: { type: string } }) => live().send(step.event as never);
  const newTicketIfCalled = (state: ModelState) => {
    ticketId = state.context.current === 'none' ? null : crypto.randomUUID();
  };

  return {
    reset() {
      sut?.stop();
      io = makeIo();
      ticketId = null;
      reads = [];
      sut = createActor(machine.provide({ actors: Object.fromEntries(Object.entries(io).map(([k, v]) => [k, v.logic])) }));
      sut.start();
    },
    params: {
      events: {
        'session.found': async () => { io.checkSession.last.resolve(WINDOW1); await settle(); },
        'session.forbidden': async () => { io.checkSession.last.resolve(TECHNICIAN); await settle(); },
        'session.none': async () => { io.checkSession.last.reject(new CodedError('STAFF_SESSION_REQUIRED')); await settle(); },
        'login.submit': () => { reads = []; live().send({ type: 'login.submit', username: 'window1', password: 'a-password-1' }); },
        'login.resolve': async () => { io.login.last.resolve(WINDOW1); await settle(); },
        'login.reject': async () => { io.login.last.reject(new CodedError('STAFF_LOGIN_FAILED')); await settle(); },
        'logout.resolve': async () => { io.logout.last.resolve(); await settle(); },
        'centre.resolve': async () => { io.loadCentre.last.resolve(CENTRE); await settle(); },
        'centre.reject': async () => { io.loadCentre.last.reject(new CodedError('NETWORK')); await settle(); },
        'centre.reload': send,
        'counter.choose': () => live().send({ type: 'counter.choose', number: 1 }),
        'counter.resolve': async (step: { event: { type: string }; state: ModelState }) => {
          newTicketIfCalled(step.state);
          io.loadCounter.last.resolve(viewOf(step.state.context));
          await settle();
        },
        'counter.reject': async () => { io.loadCounter.last.reject(new CodedError('NETWORK')); await settle(); },
        'counter.leave': send,
        'counter.open': send,
        'counter.close': send,
        'counter.pause': send,
        'counter.resume': send,
        'ticket.callNext': send,
        'ticket.recall': send,
        'ticket.noShow': send,
        'ticket.finish': send,
        'transfer.start': send,
        'transfer.cancel': send,
        'transfer.submit': () => live().send({ type: 'transfer.submit', request: { toCategory: 'B' } }),
        'action.resolve': async (step: { event: { type: string }; state: ModelState }) => {
          if (io.counterAction.last.input.action.kind === 'call-next') newTicketIfCalled(step.state);
          if (step.state.context.current === 'none') ticketId = null;
          io.counterAction.last.resolve(viewOf(step.state.context));
          await settle();
        },
        'action.reject': async () => { io.counterAction.last.reject(new CodedError('NO_CURRENT_TICKET')); await settle(); },
        'action.unauthorized': async () => { io.counterAction.last.reject(new CodedError('STAFF_SESSION_REQUIRED')); await settle(); },
        'refresh.resolve': async (step: { event: { type: string }; state: ModelState }) => {
          io.loadCounter.last.resolve(viewOf(step.state.context));
          await settle();
        },
        'refresh.reject': async () => { io.loadCounter.last.reject(new CodedError('TIMEOUT')); await settle(); },
        'holder.resolve': async () => { io.loadHolder.last.resolve(HOLDER); await settle(); },
        'holder.reject': async () => { io.loadHolder.last.reject(new CodedError('NETWORK')); await settle(); },
        'view.stale': send,
        'error.dismiss': send,
        'session.logout': send,
        'session.expired': send,
      },
      states: {
        '*': (state: ModelState) => {
          const snapshot = live().getSnapshot();
          expect(snapshot.value).toEqual(state.value);
          expect(snapshot.context.errorCode !== null).toBe(state.context.error);
          if (state.matches({ counter: 'calling' }) || state.matches({ counter: 'working' })) {
            expect(io.counterAction.last.input.action.kind).toBe(state.context.pending);
          }
          if (state.matches({ counter: { open: { serving: 'loadingHolder' } } })) {
            const id = io.loadHolder.last.input.ticketId;
            expect(id).toBe(ticketId);
            if (reads.at(-1) !== id) reads.push(id);
          }
          // Read once per ticket, and shown only with that ticket.
          expect(new Set(reads).size).toBe(reads.length);
          if (snapshot.context.holder !== null) expect(snapshot.context.holder.ticketId).toBe(snapshot.context.view?.current?.ticketId);
          if (state.matches({ counter: { open: 'serving' } }) && !state.matches({ counter: { open: { serving: 'loadingHolder' } } })) {
            expect(snapshot.context.holder !== null).toBe(state.context.current === 'holder');
          }
          if (state.matches('loggedOut') || state.matches('checkingSession')) {
            expect(snapshot.context).toMatchObject({ user: null, view: null, holder: null, counterNumber: null });
          }
          expect(JSON.stringify(snapshot.context)).not.toContain('a-password-1');
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('windowTerminalMachine against its model', () => {
  it('the model and the machine have the same states', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.id.replace(/^[^.]+\./, '')).sort();
    const machineNames = names(windowTerminalMachine).filter((n) => n !== 'counter.open.serving.holder');
    expect(machineNames).toEqual(names(model));
  });

  it('reaches every resting state', () => {
    // Paths that are prefixes of longer ones are left out by xstate/graph: look along each path.
    const reached = new Set(paths.flatMap((p) => p.steps.map((step) => JSON.stringify(step.state.value))));
    for (const value of [
      'loggedOut',
      'loggingIn',
      'forbidden',
      'loggingOut',
      { choosingCounter: 'failed' },
      { counter: 'heldByOther' },
      { counter: 'closed' },
      { counter: { open: 'idle' } },
      { counter: { open: 'paused' } },
      { counter: { open: { serving: 'loadingHolder' } } },
      { counter: { open: { serving: 'shown' } } },
      { counter: { open: { serving: 'transferring' } } },
      { counter: 'calling' },
      { counter: 'working' },
      { counter: 'refreshing' },
    ]) {
      expect(reached.has(JSON.stringify(value)), JSON.stringify(value)).toBe(true);
    }
  });

  const h = harness(windowTerminalMachine);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  /** True at the first path that fails. */
  const caught = async (machine: typeof windowTerminalMachine) => (await countFailingPaths(paths, harness(machine), { stopAtFirst: true })) > 0;

  it.each([
    ['recall finishes instead', ['counter', 'open', 'serving'], 'ticket.recall', { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'finish' } } } }],
    ['the transfer dialog cannot be cancelled', ['counter', 'open', 'serving', 'transferring'], 'transfer.cancel', undefined],
    ['a closed counter cannot be left', ['counter', 'closed'], 'counter.leave', undefined],
    ['pause closes', ['counter', 'open', 'idle'], 'counter.pause', { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'close' } } } }],
    ['a queue event is ignored at an idle counter', ['counter', 'open'], 'view.stale', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await caught(mutantMachine(windowTerminalMachine, path, eventType, transition))).toBe(true);
  });
});
