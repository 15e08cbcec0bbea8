import type {
  CentreView,
  CounterView,
  StaffLoginRequest,
  StaffUserView,
  TicketHolderView,
  TransferRequest,
} from '@eldercare/domain';
import { assign, enqueueActions, raise, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';

/**
 * The window terminal (/window): a staff member logs in, picks a counter of their centre, opens
 * it and calls tickets. Every server answer is a fresh CounterView, and the state under `counter`
 * is always derived from it (`counter.routing`), so the machine never guesses what the server
 * did. A failed action keeps the state and its code for the screen; a 401 from any call sends
 * back to the login with the session marked expired.
 */

// ---- types -----------------------------------------------------------------------------

/** What a button asks the server to do at the counter (the POST route's last segment). */
export type CounterAction =
  | { kind: 'open' | 'close' | 'pause' | 'resume' | 'call-next' | 'recall' | 'no-show' | 'finish' }
  | { kind: 'transfer'; request: TransferRequest };

export interface CounterRef {
  centreId: string;
  number: number;
}

export interface HolderPanel {
  ticketId: string;
  view: TicketHolderView | null;
  errorCode: string | null;
}

export interface CounterActionInput extends CounterRef {
  action: CounterAction;
}

/** The stable code the server uses for "no or expired session". */
export const SESSION_REQUIRED_CODE = 'STAFF_SESSION_REQUIRED';

/** The server's code for "finish or no-show the current ticket first". */
export const CURRENT_TICKET_OPEN_CODE = 'CURRENT_TICKET_OPEN';

/** Roles the window API lets in (as the server's requireStaff on /window). */
export const WINDOW_ROLES: readonly StaffUserView['role'][] = ['staff', 'supervisor'];

export interface WindowTerminalContext {
  user: StaffUserView | null;
  /** The staff member's centre, for the counter picker. */
  centre: CentreView | null;
  counterNumber: number | null;
  view: CounterView | null;
  /**
   * The holder of the current ticket (masked) or why it could not be read, kept with the ticket
   * it belongs to: read once per ticket (each read is audited), dropped when the ticket changes.
   */
  holder: HolderPanel | null;
  /** The action in flight, or the one that just failed (a failed transfer reopens its dialog). */
  pending: CounterAction | null;
  /** The last failure's code (login, picker or action), shown until the next action. */
  errorCode: string | null;
  /** A queue event arrived while an action was in flight: reload the view once it is done. */
  stale: boolean;
  /** A key pressed while the counter was first read, taken once it is there. */
  deferredKey: ClerkEventType | null;
}

export type WindowTerminalEvent =
  | ({ type: 'login.submit' } & StaffLoginRequest)
  | { type: 'centre.reload' }
  | { type: 'counter.choose'; number: number }
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
  | { type: 'transfer.submit'; request: TransferRequest }
  /** The host saw a queue event of this centre (or reconnected): the view may be out of date. */
  | { type: 'view.stale' }
  | { type: 'error.dismiss' }
  | { type: 'session.logout' }
  /** The host learnt elsewhere (e.g. the event stream) that the session is gone. */
  | { type: 'session.expired' };

/** What the clerk does at the counter (buttons and keys), as opposed to what the host reports. */
export const CLERK_EVENTS = [
  'counter.open',
  'counter.close',
  'counter.pause',
  'counter.resume',
  'counter.leave',
  'ticket.callNext',
  'ticket.recall',
  'ticket.noShow',
  'ticket.finish',
  'transfer.start',
] as const satisfies readonly WindowTerminalEvent['type'][];
export type ClerkEventType = (typeof CLERK_EVENTS)[number];

// ---- helpers ---------------------------------------------------------------------------

function isSessionGone(error: unknown): boolean {
  return errorCode(error) === SESSION_REQUIRED_CODE;
}

function mayUseWindow(user: StaffUserView): boolean {
  return user.centreId !== null && WINDOW_ROLES.includes(user.role);
}

function counterRef(context: WindowTerminalContext): CounterRef {
  if (context.user?.centreId == null || context.counterNumber === null) throw new Error('windowTerminal: no counter chosen');
  return { centreId: context.user.centreId, number: context.counterNumber };
}

function actionInput(context: WindowTerminalContext): CounterActionInput {
  if (context.pending === null) throw new Error('windowTerminal: working without an action');
  return { ...counterRef(context), action: context.pending };
}

const LOGGED_OUT_CONTEXT = {
  user: null,
  centre: null,
  counterNumber: null,
  view: null,
  holder: null,
  pending: null,
  stale: false,
  deferredKey: null,
} satisfies Omit<WindowTerminalContext, 'errorCode'>;

/** onError of every server call made while logged in: a 401 ends the session, anything else is kept. */
function failure(otherwise: string) {
  return [
    { guard: 'sessionGone', target: '#windowTerminal.loggedOut', actions: 'endSession' },
    { target: otherwise, actions: 'storeError' },
  ] as const;
}

/** The in-flight action's state: one POST, whose answer is the new view. */
function actionState() {
  return {
    entry: 'clearError',
    on: { 'view.stale': { actions: 'markStale' } },
    invoke: {
      src: 'counterAction',
      input: ({ context }: { context: WindowTerminalContext }) => actionInput(context),
      onDone: {
        target: 'routing',
        actions: [
          { type: 'storeView', params: ({ event }: { event: { output: CounterView } }) => ({ view: event.output }) },
          'clearPending',
        ],
      },
      // A refused action usually means the view was out of date (e.g. another window called the
      // ticket): reload it, keeping the code for the screen.
      onError: failure('refreshing'),
    },
  } as const;
}

/** The resting state a view puts the counter in. A transfer that failed reopens its dialog. */
const RESTING_ROUTES = [
  { guard: 'heldByOther', target: 'heldByOther' },
  { guard: 'isClosed', target: 'closed' },
  { guard: 'isPaused', target: 'open.paused' },
  { guard: 'transferFailed', target: 'open.serving.transferring', actions: 'clearPending' },
  { guard: 'hasCurrent', target: 'open.serving' },
  { target: 'open.idle' },
] as const;

// ---- machine ---------------------------------------------------------------------------

export const windowTerminalMachine = setup({
  types: {} as { context: WindowTerminalContext; events: WindowTerminalEvent },
  actors: {
    /** Host: GET /api/v1/staff/me; rejects with STAFF_SESSION_REQUIRED when not logged in. */
    checkSession: hostActorMissing<StaffUserView, void>('checkSession'),
    /** Host: POST /api/v1/staff/login (the cookie is the browser's business). */
    login: hostActorMissing<StaffUserView, StaffLoginRequest>('login'),
    /** Host: POST /api/v1/staff/logout. */
    logout: hostActorMissing<void, void>('logout'),
    /** Host: GET /api/v1/queue/centres/:centreId (its counters, for the picker). */
    loadCentre: hostActorMissing<CentreView, { centreId: string }>('loadCentre'),
    /** Host: GET /api/v1/window/centres/:centreId/counters/:number. */
    loadCounter: hostActorMissing<CounterView, CounterRef>('loadCounter'),
    /** Host: POST /api/v1/window/centres/:centreId/counters/:number/<action>. */
    counterAction: hostActorMissing<CounterView, CounterActionInput>('counterAction'),
    /** Host: GET /api/v1/window/tickets/:ticketId/holder (an audited read). */
    loadHolder: hostActorMissing<TicketHolderView, { ticketId: string }>('loadHolder'),
  },
  guards: {
    sessionGone: ({ event }) => isSessionGone((event as { error?: unknown }).error),
    mayUseWindow: ({ event }) => mayUseWindow((event as unknown as { output: StaffUserView }).output),
    heldByOther: ({ context }) =>
      context.view !== null && context.view.state !== 'closed' && context.view.staffUsername !== context.user?.username,
    isClosed: ({ context }) => context.view?.state === 'closed',
    isPaused: ({ context }) => context.view?.state === 'paused',
    hasCurrent: ({ context }) => context.view?.current != null,
    isStale: ({ context }) => context.stale,
    transferFailed: ({ context }) =>
      context.pending?.kind === 'transfer' && context.errorCode !== null && context.view?.current != null,
    needsHolder: ({ context }) => {
      const current = context.view?.current;
      return current != null && current.hasHolder && context.holder?.ticketId !== current.ticketId;
    },
    /** Logging out while holding an open counter would leave it open with nobody at it. */
    notHoldingCounter: ({ context }) =>
      context.view === null || context.view.state === 'closed' || context.view.staffUsername !== context.user?.username,
  },
  actions: {
    storeUser: assign((_, params: { user: StaffUserView }) => ({ user: params.user, errorCode: null })),
    storeError: assign(({ event }) => ({ errorCode: errorCode((event as { error?: unknown }).error) ?? 'UNKNOWN' })),
    /** A refresh after a failed action keeps the action's code. */
    storeErrorIfNone: assign(({ context, event }) => ({
      errorCode: context.errorCode ?? errorCode((event as { error?: unknown }).error) ?? 'UNKNOWN',
    })),
    clearError: assign({ errorCode: null }),
    explainCallBlocked: assign({ errorCode: CURRENT_TICKET_OPEN_CODE }),
    endSession: assign({ ...LOGGED_OUT_CONTEXT, errorCode: SESSION_REQUIRED_CODE }),
    clearSession: assign({ ...LOGGED_OUT_CONTEXT, errorCode: null }),
    forgetUserWithError: assign(({ event }) => ({
      ...LOGGED_OUT_CONTEXT,
      errorCode: errorCode((event as { error?: unknown }).error) ?? 'UNKNOWN',
    })),
    storeCentre: assign((_, params: { centre: CentreView }) => ({ centre: params.centre })),
    chooseCounter: assign((_, params: { number: number }) => ({
      counterNumber: params.number,
      view: null,
      holder: null,
      pending: null,
      deferredKey: null,
      errorCode: null,
    })),
    leaveCounter: assign({ counterNumber: null, view: null, holder: null, pending: null }),
    storeView: assign((_, params: { view: CounterView }) => ({ view: params.view })),
    /** The holder panel belongs to one ticket: dropped as soon as the current ticket changes. */
    dropStaleHolder: assign(({ context }) =>
      context.holder !== null && context.holder.ticketId !== context.view?.current?.ticketId ? { holder: null } : {},
    ),
    storeHolder: assign((_, params: { ticketId: string; holder: TicketHolderView }) => ({
      holder: { ticketId: params.ticketId, view: params.holder, errorCode: null },
    })),
    storeHolderError: assign(({ context, event }) => ({
      holder: {
        ticketId: context.view?.current?.ticketId ?? '',
        view: null,
        errorCode: errorCode((event as { error?: unknown }).error) ?? 'UNKNOWN',
      },
    })),
    setPending: assign((_, params: { action: CounterAction }) => ({ pending: params.action, stale: false })),
    clearPending: assign({ pending: null }),
    deferKey: assign(({ event }) => ({ deferredKey: event.type as ClerkEventType })),
    replayDeferredKey: enqueueActions(({ context, enqueue }) => {
      if (context.deferredKey !== null) enqueue.raise({ type: context.deferredKey });
      enqueue.assign({ deferredKey: null });
    }),
    markStale: assign({ stale: true }),
    clearStale: assign({ stale: false }),
  },
}).createMachine({
  id: 'windowTerminal',
  context: { ...LOGGED_OUT_CONTEXT, errorCode: null },
  initial: 'checkingSession',
  on: {
    'session.expired': { target: '.loggedOut', actions: 'endSession' },
  },
  states: {
    /** A reload keeps the cookie: back to work without typing the password again. */
    checkingSession: {
      invoke: {
        src: 'checkSession',
        onDone: [
          {
            guard: 'mayUseWindow',
            target: 'choosingCounter',
            actions: { type: 'storeUser', params: ({ event }) => ({ user: event.output }) },
          },
          { target: 'forbidden', actions: { type: 'storeUser', params: ({ event }) => ({ user: event.output }) } },
        ],
        // No session (or no server): the login form; a failed check is no error to show.
        onError: { target: 'loggedOut', actions: 'clearSession' },
      },
    },
    loggedOut: {
      on: { 'login.submit': 'loggingIn', 'error.dismiss': { actions: 'clearError' } },
    },
    /** The password travels in the event into the actor's input and is never kept in context. */
    loggingIn: {
      invoke: {
        src: 'login',
        input: ({ event }) => {
          if (event.type !== 'login.submit') throw new Error('windowTerminal: loggingIn without login.submit');
          return { username: event.username, password: event.password };
        },
        onDone: [
          {
            guard: 'mayUseWindow',
            target: 'choosingCounter',
            actions: { type: 'storeUser', params: ({ event }) => ({ user: event.output }) },
          },
          { target: 'forbidden', actions: { type: 'storeUser', params: ({ event }) => ({ user: event.output }) } },
        ],
        onError: { target: 'loggedOut', actions: 'storeError' },
      },
    },
    /** Logged in, but a technician or an officer: the window terminal is not theirs. */
    forbidden: {
      on: { 'session.logout': 'loggingOut' },
    },
    choosingCounter: {
      initial: 'loading',
      on: { 'session.logout': '#windowTerminal.loggingOut', 'error.dismiss': { actions: 'clearError' } },
      states: {
        loading: {
          invoke: {
            src: 'loadCentre',
            input: ({ context }) => ({ centreId: context.user?.centreId ?? '' }),
            onDone: { target: 'ready', actions: { type: 'storeCentre', params: ({ event }) => ({ centre: event.output }) } },
            onError: failure('failed'),
          },
        },
        ready: {
          on: {
            'counter.choose': {
              target: '#windowTerminal.counter',
              actions: { type: 'chooseCounter', params: ({ event }) => ({ number: event.number }) },
            },
            'view.stale': 'loading',
          },
        },
        failed: {
          on: { 'centre.reload': { target: 'loading', actions: 'clearError' } },
        },
      },
    },
    counter: {
      initial: 'loading',
      on: {
        'session.logout': { guard: 'notHoldingCounter', target: 'loggingOut' },
        'error.dismiss': { actions: 'clearError' },
      },
      states: {
        /** The first read. A key pressed meanwhile (O right after choosing) waits for it, then counts. */
        loading: {
          on: Object.fromEntries(CLERK_EVENTS.map((type) => [type, { actions: 'deferKey' }])),
          invoke: {
            src: 'loadCounter',
            input: ({ context }) => counterRef(context),
            onDone: {
              target: 'routing',
              actions: [{ type: 'storeView', params: ({ event }) => ({ view: event.output }) }, 'replayDeferredKey'],
            },
            // The counter cannot be shown: back to the picker with the reason.
            onError: failure('#windowTerminal.choosingCounter'),
          },
        },
        /** Where the view says we are (after a read first, if a queue event came meanwhile). */
        routing: {
          entry: 'dropStaleHolder',
          always: [{ guard: 'isStale', target: 'refreshing' }, ...RESTING_ROUTES],
        },
        /** Where the last view says we are, now: a key pressed during a read is taken there. */
        settling: {
          always: RESTING_ROUTES,
        },
        /**
         * A background read after a queue event. It must not swallow the clerk's key: an action
         * pressed meanwhile is taken from the state the last view gives (the read is dropped, and
         * done again after the action).
         */
        refreshing: {
          entry: 'clearStale',
          on: {
            // An event while the read is under way may have come after it: read once more.
            'view.stale': { actions: 'markStale' },
            ...Object.fromEntries(
              CLERK_EVENTS.map((type) => [type, { target: 'settling', actions: [raise(({ event }) => event), raise({ type: 'view.stale' })] }]),
            ),
          },
          invoke: {
            src: 'loadCounter',
            input: ({ context }) => counterRef(context),
            onDone: { target: 'routing', actions: { type: 'storeView', params: ({ event }) => ({ view: event.output }) } },
            onError: [
              { guard: 'sessionGone', target: '#windowTerminal.loggedOut', actions: 'endSession' },
              { target: 'routing', actions: 'storeErrorIfNone' },
            ],
          },
        },
        closed: {
          on: {
            'counter.open': { target: 'working', actions: { type: 'setPending', params: { action: { kind: 'open' } } } },
            'counter.leave': { target: '#windowTerminal.choosingCounter', actions: 'leaveCounter' },
            'view.stale': 'refreshing',
          },
        },
        /** Someone else has this counter open: look, don't touch. */
        heldByOther: {
          on: {
            'counter.leave': { target: '#windowTerminal.choosingCounter', actions: 'leaveCounter' },
            'view.stale': 'refreshing',
          },
        },
        open: {
          initial: 'idle',
          on: { 'view.stale': '#windowTerminal.counter.refreshing' },
          states: {
            idle: {
              on: {
                'ticket.callNext': { target: '#windowTerminal.counter.calling', actions: { type: 'setPending', params: { action: { kind: 'call-next' } } } },
                'counter.pause': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'pause' } } } },
                'counter.close': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'close' } } } },
              },
            },
            serving: {
              initial: 'holder',
              // No call-next here: the server refuses it (CURRENT_TICKET_OPEN) until the ticket is
              // finished or a no-show, and which of the two it was matters for the statistics. The
              // key still answers, with that message, so a clerk pressing F2 learns why.
              on: {
                'ticket.callNext': { actions: 'explainCallBlocked' },
                'ticket.recall': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'recall' } } } },
                'ticket.noShow': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'no-show' } } } },
                'ticket.finish': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'finish' } } } },
              },
              states: {
                holder: {
                  always: [{ guard: 'needsHolder', target: 'loadingHolder' }, { target: 'shown' }],
                },
                loadingHolder: {
                  invoke: {
                    src: 'loadHolder',
                    input: ({ context }) => ({ ticketId: context.view?.current?.ticketId ?? '' }),
                    onDone: {
                      target: 'shown',
                      actions: {
                        type: 'storeHolder',
                        params: ({ context, event }) => ({ ticketId: context.view?.current?.ticketId ?? '', holder: event.output }),
                      },
                    },
                    onError: [
                      { guard: 'sessionGone', target: '#windowTerminal.loggedOut', actions: 'endSession' },
                      { target: 'shown', actions: 'storeHolderError' },
                    ],
                  },
                },
                shown: {
                  on: { 'transfer.start': { target: 'transferring', actions: 'clearError' } },
                },
                /** The transfer dialog: to another category's line or to one counter. */
                transferring: {
                  on: {
                    'transfer.cancel': [{ guard: 'isStale', target: '#windowTerminal.counter.refreshing' }, { target: 'shown' }],
                    'transfer.submit': {
                      target: '#windowTerminal.counter.working',
                      actions: { type: 'setPending', params: ({ event }) => ({ action: { kind: 'transfer', request: event.request } }) },
                    },
                    // Nobody is called while the dialog is open; a refresh would close it, so it waits.
                    'view.stale': { actions: 'markStale' },
                    'ticket.callNext': {},
                    'ticket.recall': {},
                    'ticket.noShow': {},
                    'ticket.finish': {},
                  },
                },
              },
            },
            paused: {
              on: {
                'counter.resume': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'resume' } } } },
                'counter.close': { target: '#windowTerminal.counter.working', actions: { type: 'setPending', params: { action: { kind: 'close' } } } },
              },
            },
          },
        },
        /** call-next in flight (from idle only, so there is no holder to hide). */
        calling: actionState(),
        working: actionState(),
      },
    },
    loggingOut: {
      invoke: {
        src: 'logout',
        onDone: { target: 'loggedOut', actions: 'clearSession' },
        // The cookie may be left; the next page load would find the session again. Say so.
        onError: { target: 'loggedOut', actions: 'forgetUserWithError' },
      },
    },
  },
});

export type WindowTerminalMachine = typeof windowTerminalMachine;
