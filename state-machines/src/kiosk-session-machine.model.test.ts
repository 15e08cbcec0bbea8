import type { ApplicationView, CentreView, IdentifyResponse, IssuedTicket, PrintResult } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, assign, createActor, createMachine, not, or, setup, stateIn, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { allowanceChannelFlow } from './allowance-channel-flow';
import {
  kioskSessionMachine,
  type IdentifyInput,
  type KioskSessionTiming,
  type PrintReceiptInput,
  type PrintTicketInput,
  type RefreshIdentityInput,
} from './kiosk-session-machine';
import { queueTicketFlow, type IssueTicketInput } from './queue-ticket-flow';
import { seniorCardFlow } from './senior-card-flow';
import type { KioskServiceKey, SubmitApplicationInput } from './service-flow-types';
import { flowActorName, hasServiceFlow, SERVICE_FLOWS, type RegisteredServiceKey } from './service-flows';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, cardOf, identityOf, type FixturePerson } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';
import { FIXTURE_CENTRE, issuedTicketFor } from './testing/queue-fixtures';

/**
 * Model-based test of kioskSessionMachine. The model is written from the spec, without
 * invocations or delays: the host's answers (identify, print) are model events, time passing is
 * a model event (`time.*`, replayed by advancing vitest's fake timers), and a whole service flow
 * is one model event (`flow.finish { kind }`, replayed by tapping through the real flow child
 * via the session, which forwards), and so is the 取号 flow (`ticketFlow.finish { kind }`). Every shortest path of the model, which reaches every screen
 * with and without the idle warning, runs against a live actor of the real machine; after each
 * step the live actor's state value must equal the model's, the card data must appear nowhere
 * in its context, and the card must have been released once per session that ended.
 *
 * 代办 (proxy) is in the model: the younger person (too young for the services) applies for the
 * older one, whose card is identified in the proxy states (the same person again is refused),
 * then the relationship and the senior's consent; the senior's menu carries the applicant until
 * 结束代办 or the wipe. Scans on the welcome screen are in it too: a notice, or the progress
 * flow for a receipt code once a progress flow is registered.
 */

const TIMING: KioskSessionTiming = {
  idleWarningAfter: 60_000,
  idleCountdown: 20_000,
  readingTimeout: 10_000,
  readFailedReturn: 5_000,
  receiptLinger: 15_000,
  goodbyeDuration: 5_000,
  scanNoticeDuration: 6_000,
  helpWaitLimit: 300_000,
};

/** Flows the model walks through; other registered flows have a state (same screens) but no path. */
const MODELLED_FLOW_STATES = ['allowanceChannel', 'seniorCard'];
const PROGRESS_STATE: string | null = hasServiceFlow('progress') ? SERVICE_FLOWS[flowKey('progress')].state : null;
function flowKey(key: string): RegisteredServiceKey {
  return key as RegisteredServiceKey;
}
/** What the model scans: a queue ticket (a notice) or a receipt with its check code (progress, or a notice). */
type ScanKind = 'queue-ticket' | 'receipt-code';

/** An eligible person who already has a channel (can submit either service or keep the channel), and one too young. */
const PEOPLE = ['hasChannel', 'tooYoung'] as const satisfies readonly FixturePerson[];
type Person = (typeof PEOPLE)[number];
type FlowEnd = 'submitted' | 'back' | 'finished';
type TicketFlowEnd = 'issued' | 'back';
/** What the ticket printer did: notConfigured is a failed result with PRINTER_NOT_CONFIGURED. */
type TicketPrintOutcome = 'printed' | 'held' | 'failed' | 'notConfigured';

const CARD = cardOf('hasChannel');

function canEnd(person: Person | null, service: KioskServiceKey | null, kind: FlowEnd): boolean {
  // The progress flow for a scanned receipt (nobody identified) can only be left.
  if (person === null && service === 'progress') return kind === 'back';
  if (person === null || service === null) return false;
  if (kind === 'back') return true;
  const identity = identityOf(person);
  const eligible = identity.eligibility.find((e) => e.serviceKey === service)?.eligible === true;
  if (kind === 'submitted') return eligible;
  return eligible && service === 'allowance-channel' && identity.person.allowanceChannel !== null;
}

type ModelEvent =
  | { type: 'session.start' }
  | { type: 'session.end' }
  | { type: 'session.more' }
  | { type: 'session.retry' }
  | { type: 'card.placed' }
  | { type: 'card.read' }
  | { type: 'card.failed' }
  | { type: 'card.removed' }
  | { type: 'identify.resolve'; person: Person }
  | { type: 'identify.reject' }
  | { type: 'refresh.resolve' }
  | { type: 'refresh.reject' }
  | { type: 'service.select'; serviceKey: KioskServiceKey }
  | { type: 'flow.finish'; kind: FlowEnd }
  | { type: 'print.resolve'; state: PrintResult['state'] }
  | { type: 'print.reject' }
  | { type: 'print.done' }
  | { type: 'receipt.print' }
  | { type: 'ticket.start' }
  | { type: 'ticketFlow.finish'; kind: TicketFlowEnd }
  | { type: 'ticketPrint.resolve'; outcome: TicketPrintOutcome }
  | { type: 'ticketPrint.reject' }
  | { type: 'ticketPrint.done' }
  | { type: 'ticket.print' }
  | { type: 'idle.continue' }
  | { type: 'proxy.start' }
  | { type: 'proxy.relationship' }
  | { type: 'proxy.confirm' }
  | { type: 'proxy.back' }
  | { type: 'proxy.cancel' }
  | { type: 'proxy.end' }
  | { type: 'scan.read'; kind: ScanKind }
  | { type: 'scan.rejected' }
  | { type: 'time.scanNotice' }
  | { type: 'time.readingTimeout' }
  | { type: 'time.readFailedReturn' }
  | { type: 'time.receiptLinger' }
  | { type: 'time.goodbye' }
  | { type: 'time.idleWarning' }
  | { type: 'time.idleExpire' };

/**
 * Model events that are a person tapping or handling the card: they reset the idle timer.
 * (`flow.finish` does too, but only where a flow runs; see the idle region.)
 */
const USER_EVENTS = [
  'session.end',
  'session.more',
  'session.retry',
  'card.placed',
  'card.read',
  'card.failed',
  'card.removed',
  'service.select',
  'receipt.print',
  'ticket.start',
  'ticket.print',
  'idle.continue',
  'proxy.start',
  'proxy.relationship',
  'proxy.confirm',
  'proxy.back',
  'proxy.cancel',
  'proxy.end',
] as const;

interface ModelContext {
  person: Person | null;
  service: KioskServiceKey | null;
  /** The last ticket print failed because the kiosk has no ticket printer: 再打印一次 cannot help. */
  noTicketPrinter: boolean;
  /** 代办: the applicant while `person` is the senior they act for. */
  applicant: Person | null;
}

const toActive = Object.fromEntries(USER_EVENTS.map((type) => [type, { target: 'active' }]));

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    flowCanEnd: ({ context, event }) => event.type === 'flow.finish' && canEnd(context.person, context.service, event.kind),
    flowEndsWith: ({ event }, params: { kind: FlowEnd }) => event.type === 'flow.finish' && event.kind === params.kind,
    serviceIs: ({ event }, params: { service: KioskServiceKey }) =>
      event.type === 'service.select' && event.serviceKey === params.service,
    printed: ({ event }) => event.type === 'print.resolve' && event.state === 'printed',
    held: ({ event }) => event.type === 'print.resolve' && event.state === 'held',
    ticketOutcome: ({ event }, params: { outcome: TicketPrintOutcome }) =>
      event.type === 'ticketPrint.resolve' && event.outcome === params.outcome,
    ticketFlowEndsWith: ({ event }, params: { kind: TicketFlowEnd }) => event.type === 'ticketFlow.finish' && event.kind === params.kind,
    identified: ({ context }) => context.person !== null,
    /** The model lets only the younger person act for someone (it keeps the paths few). */
    mayStartProxy: ({ context }) => context.applicant === null && context.person === 'tooYoung',
    proxying: ({ context }) => context.applicant !== null,
    sameAsApplicant: ({ context, event }) => event.type === 'identify.resolve' && event.person === context.person,
    opensProgress: ({ event }) => PROGRESS_STATE !== null && event.type === 'scan.read' && event.kind === 'receipt-code',
    ticketPrinterMissing: ({ context }) => context.noTicketPrinter,
    idleActive: stateIn('#sessionModel.session.idle.active'),
    /** Screens with a timer of their own; the model lets no other time pass there. */
    screenHasTimer: or([
      stateIn('#sessionModel.session.main.reading'),
      stateIn('#sessionModel.session.main.readFailed'),
      stateIn('#sessionModel.session.main.proxy.reading'),
      stateIn('#sessionModel.session.main.proxy.readFailed'),
      stateIn('#sessionModel.session.main.receipt.printed'),
      stateIn('#sessionModel.session.main.ticket.printed'),
      stateIn('#sessionModel.session.main.goodbye'),
    ]),
  },
  actions: {
    forget: assign({ person: null, service: null, noTicketPrinter: false, applicant: null }),
    beginProxy: assign(({ context }) => ({ applicant: context.person, person: 'hasChannel' as const })),
    endProxy: assign(({ context }) => ({ person: context.applicant, applicant: null })),
    takeProgress: assign({ service: 'progress' as const }),
    /** Back on the menu the last service no longer matters (fewer model states, same coverage). */
    forgetService: assign({ service: null }),
    markNoTicketPrinter: assign({ noTicketPrinter: true }),
    clearNoTicketPrinter: assign({ noTicketPrinter: false }),
    /** 结束办理 while a receipt or ticket prints: nothing happens (an action, so the paths try it). */
    endIgnored: () => {},
    takePerson: assign(({ event }) => (event.type === 'identify.resolve' ? { person: event.person } : {})),
    takeService: assign(({ event }) => (event.type === 'service.select' ? { service: event.serviceKey } : {})),
  },
}).createMachine({
  id: 'sessionModel',
  context: { person: null, service: null, noTicketPrinter: false, applicant: null },
  initial: 'attract',
  states: {
    attract: {
      entry: 'forget',
      on: {
        'session.start': 'session',
        'ticket.start': 'session.main.queueTicket',
        'card.placed': 'session.main.reading',
        'card.read': 'session.main.identifying',
        'scan.read': [
          ...(PROGRESS_STATE === null ? [] : [{ guard: 'opensProgress' as const, target: `session.main.inService.${PROGRESS_STATE}`, actions: 'takeProgress' as const }]),
          { target: 'scanNotice' },
        ],
        'scan.rejected': 'scanNotice',
      },
    },
    scanNotice: {
      on: {
        'time.scanNotice': 'attract',
        'session.end': 'attract',
        'session.start': 'session',
        'ticket.start': 'session.main.queueTicket',
        'card.placed': 'session.main.reading',
        'card.read': 'session.main.identifying',
        'scan.read': [
          ...(PROGRESS_STATE === null ? [] : [{ guard: 'opensProgress' as const, target: `#sessionModel.session.main.inService.${PROGRESS_STATE}`, actions: 'takeProgress' as const }]),
          { target: 'scanNotice', reenter: true },
        ],
        'scan.rejected': { target: 'scanNotice', reenter: true },
      },
    },
    session: {
      type: 'parallel',
      states: {
        main: {
          initial: 'waitingForCard',
          on: {
            'session.end': '.goodbye',
            // A card read on any other screen is a new person: the old session is wiped and the
            // new card identified afresh.
            'card.read': { target: '#sessionModel.session.main.identifying', actions: 'forget' },
          },
          states: {
            waitingForCard: { on: { 'card.placed': 'reading', 'card.read': 'identifying' } },
            reading: {
              on: {
                'card.read': 'identifying',
                'card.failed': 'readFailed',
                'card.removed': 'waitingForCard',
                'time.readingTimeout': { guard: 'idleActive', target: 'readFailed' },
              },
            },
            readFailed: {
              on: {
                'card.removed': 'waitingForCard',
                'session.retry': 'waitingForCard',
                'card.placed': 'reading',
                'card.read': 'identifying',
                'time.readFailedReturn': { guard: 'idleActive', target: 'waitingForCard' },
              },
            },
            identifying: {
              on: {
                'identify.resolve': { target: 'menu', actions: 'takePerson' },
                'identify.reject': 'identifyFailed',
              },
            },
            identifyFailed: {
              on: { 'card.placed': 'reading', 'card.read': 'identifying', 'session.retry': 'waitingForCard' },
            },
            menu: {
              entry: 'forgetService',
              on: {
                'ticket.start': 'queueTicket',
                'service.select': [
                  {
                    guard: { type: 'serviceIs', params: { service: 'allowance-channel' } },
                    target: 'inService.allowanceChannel',
                    actions: 'takeService',
                  },
                  { target: 'inService.seniorCard', actions: 'takeService' },
                ],
                'proxy.start': { guard: 'mayStartProxy', target: 'proxy' },
                'proxy.end': { guard: 'proxying', actions: 'endProxy' },
              },
            },
            proxy: {
              initial: 'waitingForCard',
              on: { 'proxy.cancel': 'menu', 'card.read': '.identifying' },
              states: {
                waitingForCard: { on: { 'card.placed': 'reading' } },
                reading: {
                  on: {
                    'card.failed': 'readFailed',
                    'card.removed': 'waitingForCard',
                    'time.readingTimeout': { guard: 'idleActive', target: 'readFailed' },
                  },
                },
                readFailed: {
                  on: {
                    'card.removed': 'waitingForCard',
                    'session.retry': 'waitingForCard',
                    'card.placed': 'reading',
                    'time.readFailedReturn': { guard: 'idleActive', target: 'waitingForCard' },
                  },
                },
                identifying: {
                  on: {
                    'identify.resolve': [{ guard: 'sameAsApplicant', target: 'sameCard' }, { target: 'relationship' }],
                    'identify.reject': 'identifyFailed',
                  },
                },
                identifyFailed: { on: { 'card.placed': 'reading', 'session.retry': 'waitingForCard' } },
                sameCard: { on: { 'card.placed': 'reading', 'session.retry': 'waitingForCard' } },
                relationship: { on: { 'proxy.relationship': 'consent' } },
                consent: {
                  on: {
                    'proxy.confirm': { target: '#sessionModel.session.main.menu', actions: 'beginProxy' },
                    'proxy.back': 'relationship',
                  },
                },
              },
            },
            inService: {
              initial: 'allowanceChannel',
              on: {
                'flow.finish': [
                  { guard: and(['flowCanEnd', { type: 'flowEndsWith', params: { kind: 'submitted' as const } }]), target: 'printing' },
                  { guard: and(['flowCanEnd', { type: 'flowEndsWith', params: { kind: 'finished' as const } }]), target: 'goodbye' },
                  {
                    guard: and(['flowCanEnd', 'identified', { type: 'flowEndsWith', params: { kind: 'back' as const } }]),
                    target: 'menu',
                  },
                  { guard: and(['flowCanEnd', { type: 'flowEndsWith', params: { kind: 'back' as const } }]), target: '#sessionModel.attract' },
                ],
              },
              // One state per registered flow, as the machine has (the registry grows while others work).
              states: Object.fromEntries(Object.values(SERVICE_FLOWS).map((entry) => [entry.state, {}])),
            },
            // 取号: back returns to the menu, or (no card) ends the session at the welcome screen.
            queueTicket: {
              on: {
                'ticketFlow.finish': [
                  { guard: { type: 'ticketFlowEndsWith', params: { kind: 'issued' as const } }, target: 'printingTicket' },
                  { guard: 'identified', target: 'menu' },
                  { target: '#sessionModel.attract' },
                ],
              },
            },
            printingTicket: {
              entry: 'clearNoTicketPrinter',
              on: {
                'session.end': { actions: 'endIgnored' },
                'ticketPrint.resolve': [
                  { guard: { type: 'ticketOutcome', params: { outcome: 'printed' as const } }, target: 'ticket.printed' },
                  { guard: { type: 'ticketOutcome', params: { outcome: 'held' as const } }, target: 'ticket.printHeld' },
                  {
                    guard: { type: 'ticketOutcome', params: { outcome: 'notConfigured' as const } },
                    target: 'ticket.printFailed',
                    actions: 'markNoTicketPrinter',
                  },
                  { target: 'ticket.printFailed' },
                ],
                'ticketPrint.reject': 'ticket.printFailed',
              },
            },
            ticket: {
              initial: 'printed',
              states: {
                printed: { on: { 'time.receiptLinger': { guard: 'idleActive', target: '#sessionModel.session.main.goodbye' } } },
                printFailed: { on: { 'ticket.print': { guard: not('ticketPrinterMissing'), target: '#sessionModel.session.main.printingTicket' } } },
                printHeld: { on: { 'ticketPrint.done': 'printed' } },
              },
            },
            printing: {
              on: {
                'session.end': { actions: 'endIgnored' },
                'print.resolve': [
                  { guard: 'printed', target: 'receipt.printed' },
                  { guard: 'held', target: 'receipt.printHeld' },
                  { target: 'receipt.printFailed' },
                ],
                'print.reject': 'receipt.printFailed',
              },
            },
            receipt: {
              initial: 'printed',
              on: { 'session.more': 'refreshing' },
              states: {
                printed: { on: { 'time.receiptLinger': { guard: 'idleActive', target: '#sessionModel.session.main.goodbye' } } },
                printFailed: { on: { 'receipt.print': '#sessionModel.session.main.printing' } },
                // The agent reports the held job printed once the paper is changed.
                printHeld: { on: { 'print.done': 'printed' } },
              },
            },
            refreshing: {
              on: { 'refresh.resolve': 'menu', 'refresh.reject': 'menu' },
            },
            goodbye: {
              on: {
                'time.goodbye': { guard: 'idleActive', target: '#sessionModel.attract' },
                'session.end': '#sessionModel.attract',
                // The next person's card: a new session starts at once (the old one is wiped).
                'card.placed': { target: '#sessionModel.session.main.reading', actions: 'forget' },
                'card.read': { target: '#sessionModel.session.main.identifying', actions: 'forget' },
              },
            },
          },
        },
        idle: {
          initial: 'active',
          states: {
            active: { on: { 'time.idleWarning': { guard: not('screenHasTimer'), target: 'warning' } } },
            warning: {
              on: {
                ...toActive,
                // The model lets only some people start 代办 (mayStartProxy); for the others the
                // event is left out on the menu rather than modelled.
                'proxy.start': { guard: or([not(stateIn('#sessionModel.session.main.menu')), 'mayStartProxy']), target: 'active' },
                'flow.finish': { guard: and([stateIn('#sessionModel.session.main.inService'), 'flowCanEnd']), target: 'active' },
                // Finishing the 取号 flow takes taps (a category, or cancel).
                'ticketFlow.finish': { guard: stateIn('#sessionModel.session.main.queueTicket'), target: 'active' },
                'time.idleExpire': { guard: not('screenHasTimer'), target: '#sessionModel.attract' },
              },
            },
          },
        },
      },
    },
  },
});

const testModel = createTestModel(model, {
  events: [
    ...PEOPLE.map((person) => ({ type: 'identify.resolve' as const, person })),
    { type: 'service.select', serviceKey: 'allowance-channel' },
    { type: 'service.select', serviceKey: 'senior-card' },
    { type: 'scan.read', kind: 'queue-ticket' },
    { type: 'scan.read', kind: 'receipt-code' },
    { type: 'flow.finish', kind: 'submitted' },
    { type: 'flow.finish', kind: 'back' },
    { type: 'flow.finish', kind: 'finished' },
    { type: 'print.resolve', state: 'printed' },
    { type: 'print.resolve', state: 'failed' },
    { type: 'print.resolve', state: 'held' },
    { type: 'ticketFlow.finish', kind: 'issued' },
    { type: 'ticketFlow.finish', kind: 'back' },
    ...(['printed', 'held', 'failed', 'notConfigured'] as const).map((outcome) => ({ type: 'ticketPrint.resolve' as const, outcome })),
  ],
  limit: 50_000,
  // Only events the model accepts in a state; a disabled event would be a no-op step.
  filterEvents: (state, event) => state.can(event),
});

type ModelSnapshot = ReturnType<typeof model.transition>;

const PROGRESS_STAND_IN = createMachine({
  initial: 'showing',
  states: { showing: { on: { 'flow.cancel': 'left' } }, left: { type: 'final' } },
  output: { kind: 'back' },
});

const SCANS = {
  'queue-ticket': { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-06-01', ticketNo: 'A012' },
  'receipt-code': { kind: 'application', applicationNo: 'YL20260601000123', receiptCode: 'YL20260601000123-7KQ2M9XWHD' },
} as const;

function harness(machine: typeof kioskSessionMachine) {
  let sut: Actor<typeof kioskSessionMachine>;
  let identify = controllableActor<IdentifyResponse, IdentifyInput>();
  let printReceipt = controllableActor<PrintResult, PrintReceiptInput>();
  let refresh = controllableActor<IdentifyResponse, RefreshIdentityInput>();
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let loadCentre = controllableActor<CentreView, void>();
  let issueTicket = controllableActor<IssuedTicket, IssueTicketInput>();
  let printTicket = controllableActor<PrintResult, PrintTicketInput>();
  let notifications: string[] = [];
  let releases = 0;
  let expectedReleases = 0;
  let lastActivity = 0;
  let previous: ModelSnapshot | undefined;
  let lastScan: ScanKind | 'rejected' | null = null;

  const send = (event: Parameters<typeof sut.send>[0]) => {
    lastActivity = Date.now();
    sut.send(event);
  };
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(Math.max(0, ms));
    await settle();
  };
  const inSession = (state: ModelSnapshot | undefined) => state !== undefined && state.matches('session');

  /** Taps through the real flow child until it ends the way the model says. */
  async function finishFlow(kind: FlowEnd) {
    const context = sut.getSnapshot().context;
    const person = context.identity?.person;
    if (kind === 'back') {
      send({ type: 'flow.cancel' });
    } else if (kind === 'finished') {
      send({ type: 'channel.keep' });
    } else if (context.serviceKey === 'allowance-channel') {
      if (person?.allowanceChannel) send({ type: 'channel.change' });
      else send({ type: 'channel.choose', channel: 'senior-card' });
      send({ type: 'flow.confirm' });
      submit.last.resolve(applicationFor(submit.last.input.request));
    } else {
      send({ type: 'flow.next' });
      for (const digit of '13912345678') send({ type: 'keypad.digit', digit: digit as '1' });
      send({ type: 'flow.next' });
      send({ type: 'delivery.choose', delivery: 'collect' });
      send({ type: 'flow.confirm' });
      submit.last.resolve(applicationFor(submit.last.input.request));
    }
    await settle();
  }

  /** Taps through the real 取号 flow: a category once the centre loaded, or cancel. */
  async function finishTicketFlow(kind: TicketFlowEnd) {
    if (kind === 'back') {
      send({ type: 'flow.cancel' });
    } else {
      loadCentre.last.resolve(FIXTURE_CENTRE);
      await settle();
      send({ type: 'category.choose', category: 'A' });
      expect(issueTicket.last.input).toMatchObject({
        category: 'A',
        identifyToken: sut.getSnapshot().context.identity?.identifyToken ?? null,
      });
      issueTicket.last.resolve(issuedTicketFor('A', issueTicket.calls.length));
    }
    await settle();
  }

  const initialContextJson = JSON.stringify(createActor(kioskSessionMachine, { input: { timing: TIMING } }).getSnapshot().context);

  return {
    reset() {
      identify = controllableActor<IdentifyResponse, IdentifyInput>();
      printReceipt = controllableActor<PrintResult, PrintReceiptInput>();
      refresh = controllableActor<IdentifyResponse, RefreshIdentityInput>();
      submit = controllableActor<ApplicationView, SubmitApplicationInput>();
      loadCentre = controllableActor<CentreView, void>();
      issueTicket = controllableActor<IssuedTicket, IssueTicketInput>();
      printTicket = controllableActor<PrintResult, PrintTicketInput>();
      notifications = [];
      lastScan = null;
      releases = 0;
      expectedReleases = 0;
      previous = undefined;
      const provided = machine.provide({
        actors: {
          identify: identify.logic,
          refreshIdentity: refresh.logic,
          printReceipt: printReceipt.logic,
          allowanceChannelFlow: allowanceChannelFlow.provide({ actors: { submitApplication: submit.logic } }),
          seniorCardFlow: seniorCardFlow.provide({ actors: { submitApplication: submit.logic } }),
          printTicket: printTicket.logic,
          queueTicketFlow: queueTicketFlow.provide({ actors: { loadCentre: loadCentre.logic, issueTicket: issueTicket.logic } }),
          // The progress flow (a scanned receipt) stands in as one that can be left: the model walks the session only.
          ...(hasServiceFlow('progress') ? { [flowActorName(flowKey('progress'))]: PROGRESS_STAND_IN } : {}),
        },
        actions: {
          releaseCard: () => void releases++,
          notifyStaff: (_, params) => void notifications.push(`${params.reason}:${params.detail}`),
        },
      });
      sut = createActor(provided, { input: { timing: TIMING } });
      sut.start();
      lastActivity = Date.now();
    },
    stop() {
      sut.stop();
    },
    params: {
      events: {
        'session.start': () => send({ type: 'session.start' }),
        'session.end': () => send({ type: 'session.end' }),
        'session.more': () => send({ type: 'session.more' }),
        'session.retry': () => send({ type: 'session.retry' }),
        'card.placed': () => {
          if (previous?.matches({ session: { main: 'goodbye' } })) expectedReleases++;
          send({ type: 'card.placed' });
        },
        'card.read': () => {
          // Outside the screens that wait for a card, a card read ends the open session first.
          const waitsForCard =
            (['waitingForCard', 'reading', 'readFailed', 'identifyFailed'] as const).some((screen) =>
              previous?.matches({ session: { main: screen } }),
            ) || previous?.matches({ session: { main: 'proxy' } }) === true;
          if (previous?.matches('session') && !waitsForCard) expectedReleases++;
          send({ type: 'card.read', card: CARD });
        },
        'card.failed': () => send({ type: 'card.failed', code: 'CARD_MOVED' }),
        'card.removed': () => send({ type: 'card.removed' }),
        'identify.resolve': async (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'identify.resolve' }>;
          expect(identify.last.input).toEqual({ card: CARD });
          identify.last.resolve(identityOf(event.person));
          await settle();
        },
        'refresh.resolve': async () => {
          const identity = sut.getSnapshot().context.identity!;
          expect(refresh.last.input).toEqual({ identifyToken: identity.identifyToken });
          refresh.last.resolve(identity);
          await settle();
        },
        'refresh.reject': async () => {
          refresh.last.reject(new CodedError('NETWORK_UNREACHABLE'));
          await settle();
        },
        'identify.reject': async () => {
          identify.last.reject(new CodedError('NETWORK_UNREACHABLE'));
          await settle();
        },
        'service.select': (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'service.select' }>;
          send({ type: 'service.select', serviceKey: event.serviceKey });
        },
        'flow.finish': (step: { event: { type: string } }) =>
          finishFlow((step.event as Extract<ModelEvent, { type: 'flow.finish' }>).kind),
        'print.resolve': async (step: { event: { type: string } }) => {
          const event = step.event as Extract<ModelEvent, { type: 'print.resolve' }>;
          expect(printReceipt.last.input.locale).toBe('zh-CN');
          printReceipt.last.resolve({
            jobId: `job-${printReceipt.calls.length}`,
            state: event.state,
            ...(event.state === 'printed' ? {} : { code: 'PRINTER_PAPER_OUT' }),
          });
          await settle();
        },
        'print.reject': async () => {
          printReceipt.last.reject(new CodedError('AGENT_UNREACHABLE'));
          await settle();
        },
        'print.done': async () => {
          // Another job finishing first must not move the screen on.
          send({ type: 'print.done', role: 'receipt', jobId: 'someone-elses-job' });
          expect(sut.getSnapshot().matches({ session: { main: { receipt: 'printHeld' } } })).toBe(true);
          send({ type: 'print.done', role: 'receipt', jobId: `job-${printReceipt.calls.length}` });
          await settle();
        },
        'receipt.print': () => send({ type: 'receipt.print' }),
        'ticket.start': () => send({ type: 'ticket.start' }),
        'ticket.print': () => send({ type: 'ticket.print' }),
        'ticketFlow.finish': (step: { event: { type: string } }) =>
          finishTicketFlow((step.event as Extract<ModelEvent, { type: 'ticketFlow.finish' }>).kind),
        'ticketPrint.resolve': async (step: { event: { type: string } }) => {
          const { outcome } = step.event as Extract<ModelEvent, { type: 'ticketPrint.resolve' }>;
          expect(printTicket.last.input).toMatchObject({ locale: 'zh-CN', centreName: FIXTURE_CENTRE.name });
          const jobId = `ticket-job-${printTicket.calls.length}`;
          const before = notifications.length;
          printTicket.last.resolve(
            outcome === 'printed'
              ? { jobId, state: 'printed' }
              : outcome === 'held'
                ? { jobId, state: 'held', code: 'PRINTER_PAPER_OUT' }
                : { jobId, state: 'failed', code: outcome === 'notConfigured' ? 'PRINTER_NOT_CONFIGURED' : 'PRINTER_OFFLINE' },
          );
          await settle();
          // Staff hear of a held ticket (as of a held receipt), and of nothing else here.
          expect(notifications.slice(before)).toEqual(outcome === 'held' ? ['printer-fault:TICKET_PRINTER_PAPER_OUT'] : []);
        },
        'ticketPrint.reject': async () => {
          printTicket.last.reject(new CodedError('AGENT_UNREACHABLE'));
          await settle();
        },
        'ticketPrint.done': async () => {
          send({ type: 'print.done', role: 'ticket', jobId: 'someone-elses-job' });
          expect(sut.getSnapshot().matches({ session: { main: { ticket: 'printHeld' } } })).toBe(true);
          send({ type: 'print.done', role: 'ticket', jobId: `ticket-job-${printTicket.calls.length}` });
          await settle();
        },
        'idle.continue': () => send({ type: 'idle.continue' }),
        'proxy.start': () => send({ type: 'proxy.start' }),
        'proxy.relationship': () => send({ type: 'proxy.relationship', relationship: 'child' }),
        'proxy.confirm': () => send({ type: 'proxy.confirm' }),
        'proxy.back': () => send({ type: 'proxy.back' }),
        'proxy.cancel': () => send({ type: 'proxy.cancel' }),
        'proxy.end': () => send({ type: 'proxy.end' }),
        'scan.read': (step: { event: { type: string } }) => {
          const { kind } = step.event as Extract<ModelEvent, { type: 'scan.read' }>;
          lastScan = kind;
          // The receipt code is part of the payload once the domain knows it (ScanPayloadSchema).
          send({ type: 'scan.read', scan: SCANS[kind] as never });
        },
        'scan.rejected': () => {
          lastScan = 'rejected';
          send({ type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' });
        },
        'time.scanNotice': () => advance(TIMING.scanNoticeDuration),
        'time.readingTimeout': () => advance(TIMING.readingTimeout),
        'time.readFailedReturn': () => advance(TIMING.readFailedReturn),
        'time.receiptLinger': () => advance(TIMING.receiptLinger),
        'time.goodbye': () => advance(TIMING.goodbyeDuration),
        'time.idleWarning': () => advance(lastActivity + TIMING.idleWarningAfter - Date.now()),
        'time.idleExpire': () => advance(lastActivity + TIMING.idleWarningAfter + TIMING.idleCountdown - Date.now()),
      },
      states: {
        '*': (state: ModelSnapshot) => {
          if (state.matches('attract') && inSession(previous)) expectedReleases++;
          previous = state;
          const snapshot = sut.getSnapshot();
          expect(snapshot.status).toBe('active');
          expect(snapshot.value).toEqual(state.value);
          expect(releases).toBe(expectedReleases);
          // The card is read once, handed to identify, and kept nowhere.
          const contextJson = JSON.stringify(snapshot.context);
          expect(contextJson).not.toContain(CARD.idNumber);
          expect(contextJson).not.toContain(CARD.name);
          expect(snapshot.children.flow !== undefined).toBe(
            state.matches({ session: { main: 'inService' } }) || state.matches({ session: { main: 'queueTicket' } }),
          );
          if (state.matches({ session: { main: 'ticket' } })) {
            // The number stays on screen whatever the printer did.
            expect(snapshot.context.queueTicket?.ticket.ticketNo).toMatch(/^A\d{3}$/);
          }
          if (state.matches({ session: { main: { ticket: 'printFailed' } } })) {
            expect(snapshot.context.printErrorCode).toMatch(/^(PRINTER_OFFLINE|PRINTER_NOT_CONFIGURED|AGENT_UNREACHABLE)$/);
          }
          if (state.matches('attract')) expect(contextJson).toBe(initialContextJson);
          if (state.matches({ session: { main: 'menu' } })) {
            expect(snapshot.context.identity).toEqual(identityOf(state.context.person ?? 'hasChannel'));
          }
          // 代办: the applicant and the proxy the flows get, exactly while the model acts for someone.
          const applicant = state.context.applicant === null ? null : identityOf(state.context.applicant);
          expect(snapshot.context.applicant).toEqual(applicant);
          expect(snapshot.context.proxy).toEqual(applicant && { identifyToken: applicant.identifyToken, relationship: 'child', consent: true });
          const choosing = state.matches({ session: { main: { proxy: 'relationship' } } }) || state.matches({ session: { main: { proxy: 'consent' } } });
          // The senior being set up is known only on those two screens (the wipe clears it elsewhere).
          if (choosing || state.matches({ session: { main: 'menu' } }) || state.matches({ session: { main: 'proxy' } })) {
            expect(snapshot.context.proxySenior).toEqual(choosing ? identityOf('hasChannel') : null);
          }
          if (state.matches('scanNotice')) {
            const expected = { 'queue-ticket': { kind: 'queue-ticket', ticketNo: 'A012' }, 'receipt-code': { kind: 'receipt-needs-card' }, rejected: { kind: 'rejected' } };
            expect(snapshot.context.scanNotice).toEqual(lastScan && expected[lastScan]);
          }
          if (state.matches({ session: { main: 'receipt' } })) {
            expect(snapshot.context.application?.applicationNo).toMatch(/^YL\d{14}$/);
          }
          if (state.matches({ session: { main: { receipt: 'printFailed' } } })) {
            expect(snapshot.context.printErrorCode).toMatch(/^(PRINTER_PAPER_OUT|AGENT_UNREACHABLE)$/);
          }
          if (state.matches({ session: { main: { receipt: 'printHeld' } } })) {
            expect(snapshot.context).toMatchObject({ printErrorCode: 'PRINTER_PAPER_OUT', heldPrintJobId: `job-${printReceipt.calls.length}` });
          } else if (state.matches({ session: { main: { ticket: 'printHeld' } } })) {
            expect(snapshot.context).toMatchObject({ printErrorCode: 'PRINTER_PAPER_OUT', heldPrintJobId: `ticket-job-${printTicket.calls.length}` });
          } else {
            expect(snapshot.context.heldPrintJobId).toBeNull();
          }
          if (state.matches({ session: { idle: 'warning' } })) {
            const remaining = (snapshot.context.idleWarningDeadline ?? 0) - Date.now();
            expect(remaining).toBeGreaterThan(0);
            expect(remaining).toBeLessThanOrEqual(TIMING.idleCountdown);
          } else {
            expect(snapshot.context.idleWarningDeadline).toBeNull();
          }
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('kioskSessionMachine against its model', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(kioskSessionMachine)).toEqual(names(model));
  });

  it('has a path to every screen, and to the idle warning over every screen without a timer of its own', () => {
    const main = [
      ...['waitingForCard', 'reading', 'readFailed', 'identifying', 'identifyFailed', 'sameCard', 'relationship', 'consent'].map((proxy) => ({ proxy })),
      ...(PROGRESS_STATE === null ? [] : [{ inService: PROGRESS_STATE }]),
      'waitingForCard',
      'reading',
      'readFailed',
      'identifying',
      'identifyFailed',
      'refreshing',
      'menu',
      { inService: 'allowanceChannel' },
      { inService: 'seniorCard' },
      'printing',
      { receipt: 'printed' },
      { receipt: 'printFailed' },
      { receipt: 'printHeld' },
      'queueTicket',
      'printingTicket',
      { ticket: 'printed' },
      { ticket: 'printFailed' },
      { ticket: 'printHeld' },
      'goodbye',
    ];
    const withTimer = [
      'reading',
      'readFailed',
      JSON.stringify({ proxy: 'reading' }),
      JSON.stringify({ proxy: 'readFailed' }),
      JSON.stringify({ receipt: 'printed' }),
      JSON.stringify({ ticket: 'printed' }),
      'goodbye',
    ];
    const modelledFlows = [...MODELLED_FLOW_STATES, ...(PROGRESS_STATE === null ? [] : [PROGRESS_STATE])];
    const atomicInMain = getStateNodes(model.root).filter(
      (n) => n.type === 'atomic' && n.path[1] === 'main' && (n.path[2] !== 'inService' || modelledFlows.includes(n.key)),
    );
    expect(atomicInMain).toHaveLength(main.length);
    const reached = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify(s.state.value))));
    expect(reached).toContain(JSON.stringify('attract'));
    expect(reached).toContain(JSON.stringify('scanNotice'));
    for (const screen of main) {
      expect(reached).toContain(JSON.stringify({ session: { main: screen, idle: 'active' } }));
      if (withTimer.includes(typeof screen === 'string' ? screen : JSON.stringify(screen))) continue;
      expect(reached).toContain(JSON.stringify({ session: { main: screen, idle: 'warning' } }));
    }
  });

  const h = harness(kioskSessionMachine);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      try {
        await path.test(h.params);
      } finally {
        h.stop();
      }
    });
  }
});

describe('the session model-based test catches a broken transition', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether a state value is in (or below) the state at `statePath`. */
  function within(value: unknown, statePath: readonly string[]): boolean {
    let v = value;
    for (const [i, key] of statePath.entries()) {
      if (typeof v === 'string') return v === key && i === statePath.length - 1;
      if (typeof v !== 'object' || v === null || !(key in v)) return false;
      v = (v as Record<string, unknown>)[key];
    }
    return true;
  }

  /**
   * Whether some path fails (stops at the first failure; the real machine passes them all above).
   * Only paths through the changed state can notice the change, so only those are run.
   */
  async function someFails(machine: typeof kioskSessionMachine, statePath: readonly string[], eventType: string): Promise<boolean> {
    const h = harness(machine);
    const through = paths.filter((p) => p.steps.some((step) => within(step.state.value, statePath)));
    // Those that send the changed event go first: they are the ones likely to notice.
    const sends = (p: (typeof paths)[number]) => p.steps.some((step) => step.event.type === eventType);
    for (const path of [...through.filter(sends), ...through.filter((p) => !sends(p))]) {
      h.reset();
      try {
        await path.test(h.params);
      } catch {
        return true;
      } finally {
        h.stop();
      }
    }
    return false;
  }

  it.each([
    ['a failed read no longer waits for the card', ['session', 'main', 'readFailed'], 'card.removed', undefined],
    ['session.more from the receipt ends the session', ['session', 'main', 'receipt'], 'session.more', 'goodbye'],
    ['the idle warning ignores 继续', ['session', 'idle', 'warning'], 'idle.continue', undefined],
    ['a card placed on the goodbye screen is ignored', ['session', 'main', 'goodbye'], 'card.placed', undefined],
    ['a new card read on an open session is ignored', ['session', 'main'], 'card.read', undefined],
    ['取号 is missing from the menu', ['session', 'main', 'menu'], 'ticket.start', undefined],
    ['取号 without a card starts at the card screen', ['attract'], 'ticket.start', 'session'],
    ['a ticket that did not print cannot be printed again', ['session', 'main', 'ticket', 'printFailed'], 'ticket.print', undefined],
    ['a held ticket never shows as printed', ['session', 'main', 'ticket', 'printHeld'], 'print.done', undefined],
    ['the senior’s consent is not asked', ['session', 'main', 'proxy', 'relationship'], 'proxy.relationship', '#kioskSession.session.main.menu'],
    ['cancelling 代办 is ignored', ['session', 'main', 'proxy'], 'proxy.cancel', undefined],
    ['the senior’s card is not taken after the applicant’s own', ['session', 'main', 'proxy', 'sameCard'], 'card.placed', undefined],
    ['a scanned ticket is not explained', ['attract'], 'scan.read', undefined],
  ] as const)('fails when %s', { timeout: 180_000 }, async (_, path, eventType, transition) => {
    expect(await someFails(mutantMachine(kioskSessionMachine, path, eventType, transition), path, eventType)).toBe(true);
  });
});
