import type {
  AgentEvent,
  ApplicationView,
  IdCardData,
  IdentifyResponse,
  IssuedTicket,
  Locale,
  PrintResult,
  ProxyRelationship,
  ProxyRequest,
  ScanPayload,
} from '@eldercare/domain';
import { assertEvent, assign, raise, sendTo, setup, type ActorRefFrom, type AnyActorRef, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { AllowanceChannelFlowEvent } from './allowance-channel-flow';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { menuPageOf, type MenuPage } from './kiosk-session-machine-menu';
import { queueTicketFlow, type QueueTicketFlowEvent, type QueueTicketFlowOutput, type QueueTicketIssued } from './queue-ticket-flow';
import type { SeniorCardFlowEvent } from './senior-card-flow';
import { IN_FLIGHT_TAG, type KioskServiceKey, type OptionFlowEvent, type ServiceFlowInput, type ServiceFlowOutput } from './service-flow-types';
import { flowActorName, SERVICE_FLOWS, type RegisteredServiceKey, type ServiceFlowState } from './service-flows';

/**
 * One citizen's visit to the kiosk, from the welcome screen to "take your card and receipt".
 * Screens live in the `session.main` region; the `session.idle` region watches for inactivity
 * and, when nobody answers its warning, ends the session. Leaving `session` always wipes the
 * context and asks the host to release the card.
 */

// ---- timing ----------------------------------------------------------------------------

export interface KioskSessionTiming {
  /** Quiet time (no tap, no card event) before the "are you still there?" warning. */
  idleWarningAfter: number;
  /** How long the warning counts down before the session is wiped; never below 20 s. */
  idleCountdown: number;
  /** A read that neither succeeds nor fails within this time counts as failed. */
  readingTimeout: number;
  /** The "place your card again" screen returns to waiting by itself after this. */
  readFailedReturn: number;
  /** The receipt screen (printed), and the ticket screen (printed), move on to goodbye by themselves after this. */
  receiptLinger: number;
  /** The goodbye screen returns to the welcome screen after this. */
  goodbyeDuration: number;
  /** What a scan on the welcome screen explains (a ticket, a code we cannot use) shows this long. */
  scanNoticeDuration: number;
  /**
   * While the "staff have been called" overlay shows, the person was told to wait: the idle
   * warning comes only after this longer time (then as usual, so a session is never left open).
   */
  helpWaitLimit: number;
}

export const MIN_IDLE_COUNTDOWN = 20_000;

export const DEFAULT_SESSION_TIMING: Readonly<KioskSessionTiming> = {
  idleWarningAfter: 60_000,
  idleCountdown: 30_000,
  readingTimeout: 15_000,
  readFailedReturn: 8_000,
  receiptLinger: 30_000,
  goodbyeDuration: 10_000,
  scanNoticeDuration: 10_000,
  helpWaitLimit: 300_000,
};

/** Defaults filled in; every delay at least 0 and the idle countdown at least 20 s. */
export function resolveSessionTiming(timing: Partial<KioskSessionTiming> = {}): KioskSessionTiming {
  const merged = { ...DEFAULT_SESSION_TIMING, ...timing };
  const atLeast = (value: number, min: number) => (Number.isFinite(value) ? Math.max(min, value) : min);
  return {
    idleWarningAfter: atLeast(merged.idleWarningAfter, 0),
    idleCountdown: atLeast(merged.idleCountdown, MIN_IDLE_COUNTDOWN),
    readingTimeout: atLeast(merged.readingTimeout, 0),
    readFailedReturn: atLeast(merged.readFailedReturn, 0),
    receiptLinger: atLeast(merged.receiptLinger, 0),
    goodbyeDuration: atLeast(merged.goodbyeDuration, 0),
    scanNoticeDuration: atLeast(merged.scanNoticeDuration, 0),
    helpWaitLimit: atLeast(merged.helpWaitLimit, 0),
  };
}

// ---- types -----------------------------------------------------------------------------

/** Input of the session machine; `{}` takes every default. */
export interface KioskSessionInput {
  /** Overrides of the default delays (clamped, see resolveSessionTiming). */
  timing?: Partial<KioskSessionTiming>;
  /** The clock behind `idleWarningDeadline` (default Date.now); tests with a SimulatedClock pass its now(). */
  now?: () => number;
  /** The kiosk's community service centre (?centre=); flows that need a place (the taxi) get it. */
  centreId?: string | null;
}

export interface KioskSessionContext {
  timing: KioskSessionTiming;
  now: () => number;
  locale: Locale;
  /** The identified person (masked), their token and eligibility; null before identify and after the wipe. */
  identity: IdentifyResponse | null;
  /** 代办: the applicant acting for the identified senior; null when the senior applies. */
  proxy: ProxyRequest | null;
  /**
   * 代办: the applicant (masked, with their token) while they act for the senior in `identity`;
   * the banner names both. Null when nobody acts for someone else.
   */
  applicant: IdentifyResponse | null;
  /** 代办 being set up: the senior identified from their card, before the relationship and consent. */
  proxySenior: IdentifyResponse | null;
  /** 代办 being set up: the relationship the applicant chose. */
  proxyRelationship: ProxyRelationship | null;
  /** The menu page showing. */
  menuPage: MenuPage;
  /** What the scan notice screen explains; never a personal code's token. */
  scanNotice: ScanNotice | null;
  /** A receipt's code scanned on the welcome screen: the progress flow shows that application. */
  receiptCode: string | null;
  centreId: string | null;
  /** The service chosen last on the menu. */
  serviceKey: KioskServiceKey | null;
  /** The application submitted last in this session (shown on screen when the receipt failed to print). */
  application: ApplicationView | null;
  /** The queue ticket issued last in this session (its number stays on screen whatever the printer does). */
  queueTicket: QueueTicketIssued | null;
  /** Why the last card read failed (agent code such as CARD_MOVED, or READ_TIMEOUT). */
  cardErrorCode: string | null;
  /** Why identify failed (server code such as INVALID_ID_NUMBER), null when unknown (network). */
  identifyErrorCode: string | null;
  /** Why the receipt did not print (PRINTER_PAPER_OUT, PRINTER_OFFLINE, …), null when unknown. */
  printErrorCode: string | null;
  /** The agent's job id of a receipt or ticket the printer holds until its fault is cleared. */
  heldPrintJobId: string | null;
  /** The "staff have been called" overlay is showing. */
  helpRequested: boolean;
  /** The running flow has a request out (see IN_FLIGHT_TAG): 结束办理 waits for its answer. */
  flowInFlight: boolean;
  /** While the inactivity warning shows: when the session will be wiped (ms, same clock as `now`). */
  idleWarningDeadline: number | null;
}

/**
 * A scan on the welcome screen that starts nothing, and what to say about it:
 * - `receipt-needs-card`: a receipt without a check code (or no progress flow): put the ID card down;
 * - `queue-ticket`: a queue ticket: wait for the number to be called;
 * - `personal-code`: a personal code (随申码), which the kiosk does not take for identification;
 * - `rejected`: none of our codes.
 */
export type ScanNotice =
  | { kind: 'receipt-needs-card' }
  | { kind: 'queue-ticket'; ticketNo: string }
  | { kind: 'personal-code' }
  | { kind: 'rejected' };

/** The progress flow's input for a receipt scanned on the welcome screen: nobody is identified. */
export interface ScannedReceiptInput {
  identity: null;
  receiptCode: string;
  proxy: null;
  centreId: string | null;
}

/** Input of the host actor `identify` (POST /api/v1/identify). */
export interface IdentifyInput {
  card: IdCardData;
}

/** Input of the host actor `refreshIdentity` (POST /api/v1/identify/refresh). */
export interface RefreshIdentityInput {
  identifyToken: string;
}

/** Input of the host actor `printReceipt` (compose the receipt, POST /v1/print to the agent). */
export interface PrintReceiptInput {
  application: ApplicationView;
  locale: Locale;
}

/** Input of the host actor `printTicket` (compose the ticket, POST /v1/print with role 'ticket'). */
export interface PrintTicketInput {
  ticket: IssuedTicket;
  centreName: QueueTicketIssued['centreName'];
  locale: Locale;
}

/** Params of the host action `notifyStaff` (the host adds its kiosk id and sends it on). */
export interface StaffNotification {
  serviceKey: KioskServiceKey | null;
  applicationNo: string | null;
  /** assistance: the person tapped 呼叫工作人员; printer-fault: a receipt waits for the printer. */
  reason: 'assistance' | 'printer-fault';
  /**
   * The printer's fault code for printer-fault, TICKET_-prefixed for the ticket printer
   * (PRINTER_PAPER_OUT, TICKET_PRINTER_PAPER_OUT, as the kiosk's printer-fault reporter says); null otherwise.
   */
  detail: string | null;
}

/** Events of either service flow; sent to the session they are forwarded to the running flow. */
export type ServiceFlowEvent = AllowanceChannelFlowEvent | SeniorCardFlowEvent | OptionFlowEvent;

/** Events of any flow the session runs (the services and 取号), forwarded to it. */
type FlowEvent = ServiceFlowEvent | QueueTicketFlowEvent;

export type KioskSessionEvent =
  | { type: 'session.start' }
  | { type: 'session.end' }
  | { type: 'session.more' }
  | { type: 'session.retry' }
  | { type: 'service.select'; serviceKey: KioskServiceKey }
  | { type: 'receipt.print' }
  /** 取号: from the welcome screen (no card, a normal ticket) or the menu (priority detected). */
  | { type: 'ticket.start' }
  /** 再打印一次 of a ticket that did not print. */
  | { type: 'ticket.print' }
  | { type: 'idle.continue' }
  | { type: 'user.activity' }
  | { type: 'help.request' }
  | { type: 'help.dismiss' }
  | { type: 'locale.set'; locale: Locale }
  /** The menu's group buttons and the group pages' back button. */
  | { type: 'menu.page'; page: MenuPage }
  /** 代办: 为他人代办 on the menu; the current person becomes the applicant. */
  | { type: 'proxy.start' }
  | { type: 'proxy.relationship'; relationship: ProxyRelationship }
  /** The senior agrees that the applicant applies for them. */
  | { type: 'proxy.confirm' }
  /** From the consent screen back to the relationship. */
  | { type: 'proxy.back' }
  /** Any step of setting up 代办: back to the applicant's menu. */
  | { type: 'proxy.cancel' }
  /** 结束代办 on the senior's menu: the applicant's own menu again. */
  | { type: 'proxy.end' }
  | AgentEvent
  | FlowEvent;

// ---- pure helpers ----------------------------------------------------------------------

function initialContext(input: KioskSessionInput): KioskSessionContext {
  return {
    timing: resolveSessionTiming(input.timing),
    now: input.now ?? Date.now,
    locale: 'zh-CN',
    identity: null,
    proxy: null,
    applicant: null,
    proxySenior: null,
    proxyRelationship: null,
    menuPage: 'home',
    scanNotice: null,
    receiptCode: null,
    centreId: input.centreId ?? null,
    serviceKey: null,
    application: null,
    queueTicket: null,
    cardErrorCode: null,
    identifyErrorCode: null,
    printErrorCode: null,
    heldPrintJobId: null,
    helpRequested: false,
    flowInFlight: false,
    idleWarningDeadline: null,
  };
}

function requireIdentity(context: KioskSessionContext): IdentifyResponse {
  if (context.identity === null) throw new Error('kioskSession: a service flow needs an identified person');
  return context.identity;
}

function requireApplication(context: KioskSessionContext): ApplicationView {
  if (context.application === null) throw new Error('kioskSession: printing needs an application');
  return context.application;
}

function requireQueueTicket(context: KioskSessionContext): QueueTicketIssued {
  if (context.queueTicket === null) throw new Error('kioskSession: printing a ticket needs a ticket');
  return context.queueTicket;
}

/**
 * 代办 needs two people: the senior's card must not be the applicant's own. Compared on what the
 * kiosk may keep (masked views; the card itself is never kept); the server refuses the same
 * person again on submit (PROXY_SAME_PERSON).
 */
function samePerson(a: IdentifyResponse, b: IdentifyResponse): boolean {
  const keyOf = (r: IdentifyResponse) => [r.person.idNumberMasked, r.person.nameMasked, r.person.sex, r.person.age].join('|');
  return keyOf(a) === keyOf(b);
}

function requireProxySenior(context: KioskSessionContext): IdentifyResponse {
  if (context.proxySenior === null || context.proxyRelationship === null || context.identity === null) {
    throw new Error('kioskSession: 代办 needs the applicant, the senior and the relationship');
  }
  return context.proxySenior;
}

/** The registry's progress flow, if one is registered (a receipt scanned on the welcome screen opens it). */
const PROGRESS_FLOW_STATE: string | null =
  (SERVICE_FLOWS as Partial<Record<KioskServiceKey, { state: string }>>)['progress']?.state ?? null;

/** The receipt code of a scan that can show progress without a card (its check characters prove the receipt). */
function receiptCodeOf(scan: ScanPayload): string | null {
  return scan.kind === 'application' && 'receiptCode' in scan && typeof scan.receiptCode === 'string' ? scan.receiptCode : null;
}

/** What the welcome screen says about a scan that opens nothing. */
function scanNoticeFor(scan: ScanPayload): ScanNotice {
  if (scan.kind === 'queue-ticket') return { kind: 'queue-ticket', ticketNo: scan.ticketNo };
  if (scan.kind === 'suishenma') return { kind: 'personal-code' };
  return { kind: 'receipt-needs-card' };
}

/** Printing again cannot help when the kiosk has no ticket printer at all. */
const NOT_CONFIGURED = 'PRINTER_NOT_CONFIGURED';

/**
 * Events that show a person is at the kiosk (taps, the card going on or off the reader) and that
 * the idle region handles itself. help.* and locale.set are handled at the root, which raises
 * `user.activity` for them: in xstate v5 a transition of the idle region would shadow the root's
 * handler for the same event (ancestors are only asked when no region takes the event).
 */
const ACTIVITY_EVENT_TYPES = [
  'session.start',
  'session.end',
  'session.more',
  'session.retry',
  'service.select',
  'receipt.print',
  'ticket.start',
  'ticket.print',
  'idle.continue',
  'user.activity',
  'card.placed',
  'card.read',
  'card.failed',
  'card.removed',
  'channel.choose',
  'channel.keep',
  'channel.change',
  'flow.next',
  'flow.confirm',
  'flow.retry',
  'flow.back',
  'flow.cancel',
  'keypad.digit',
  'keypad.delete',
  'keypad.clear',
  'delivery.choose',
  'category.choose',
  'option.choose',
  'option.toggle',
  'menu.page',
  'proxy.start',
  'proxy.relationship',
  'proxy.confirm',
  'proxy.back',
  'proxy.cancel',
  'proxy.end',
] as const satisfies readonly KioskSessionEvent['type'][];

/** The flow events the session forwards to its `flow` child (a flow ignores the others' events). */
const FLOW_EVENT_TYPES = [
  'channel.choose',
  'channel.keep',
  'channel.change',
  'flow.next',
  'flow.confirm',
  'flow.retry',
  'flow.back',
  'flow.cancel',
  'keypad.digit',
  'keypad.delete',
  'keypad.clear',
  'delivery.choose',
  'category.choose',
  'option.choose',
  'option.toggle',
] as const satisfies readonly FlowEvent['type'][];

function transitionsFor<TType extends string, TTransition>(types: readonly TType[], transition: TTransition) {
  return Object.fromEntries(types.map((type) => [type, transition])) as Record<TType, TTransition>;
}

// ---- machine ---------------------------------------------------------------------------

/** Every flow child reports its snapshots, so the session knows when the flow has a request out. */
const WATCH_IN_FLIGHT = {
  onSnapshot: {
    actions: {
      type: 'noteFlowInFlight',
      params: ({ event }: { event: { snapshot: { hasTag(tag: string): boolean } } }) => ({
        inFlight: event.snapshot.hasTag(IN_FLIGHT_TAG),
      }),
    },
  },
} as const;

/**
 * 结束办理 is ignored while a request is out or a receipt or ticket is printing: ending then
 * would lose the application's receipt, or the ticket the server has just issued, to the person.
 * (Given to a flow state, it takes the event only while the flow has a request out.)
 */
const END_IGNORED_IN_FLIGHT = { 'session.end': { guard: 'flowInFlight' } } as const;
const END_IGNORED = { 'session.end': {} } as const;

/**
 * How a service flow ends, the same for every flow: submitted → print the receipt, finished
 * (nothing to submit) → goodbye, back or a crash → the menu (or, for a receipt scanned without a
 * card, the welcome screen: there is no menu for nobody).
 */
const FLOW_ENDINGS = {
  onDone: [
    {
      guard: {
        type: 'flowEndedWith',
        params: ({ event }: { event: { output: ServiceFlowOutput } }) => ({ output: event.output, kind: 'submitted' as const }),
      },
      target: '#kioskSession.session.main.printing',
      actions: {
        type: 'storeApplication',
        params: ({ event }: { event: { output: ServiceFlowOutput } }) => ({ application: applicationOf(event.output) }),
      },
    },
    {
      guard: {
        type: 'flowEndedWith',
        params: ({ event }: { event: { output: ServiceFlowOutput } }) => ({ output: event.output, kind: 'finished' as const }),
      },
      target: '#kioskSession.session.main.goodbye',
    },
    { guard: 'identified', target: '#kioskSession.session.main.menu' },
    { target: '#kioskSession.attract' },
  ],
  onError: [{ guard: 'identified', target: '#kioskSession.session.main.menu' }, { target: '#kioskSession.attract' }],
} as const;

/** The registry's flows under the names the session's states invoke them by. */
const SERVICE_FLOW_ACTORS = Object.fromEntries(
  (Object.keys(SERVICE_FLOWS) as RegisteredServiceKey[]).map((key) => [flowActorName(key), SERVICE_FLOWS[key].machine]),
) as Record<`${ServiceFlowState}Flow`, AnyStateMachine>;

const REGISTERED_KEYS = Object.keys(SERVICE_FLOWS) as RegisteredServiceKey[];

/**
 * menu → the chosen flow's state, one transition per registered flow. A service is taken only
 * from the menu page that shows it, as on screen (so the tap analysis counts the group tap).
 */
const SERVICE_SELECT_TRANSITIONS = REGISTERED_KEYS.map((key) => ({
  guard: {
    type: 'serviceIs' as const,
    params: ({ context, event }: { context: KioskSessionContext; event: { serviceKey: KioskServiceKey } }) => ({
      selected: event.serviceKey,
      expected: key,
      onPage: menuPageOf(key) === context.menuPage,
    }),
  },
  target: `inService.${SERVICE_FLOWS[key].state}`,
  actions: {
    type: 'selectService' as const,
    params: ({ event }: { event: { serviceKey: KioskServiceKey } }) => ({ serviceKey: event.serviceKey }),
  },
}));

/** The state of one registered flow: it runs the flow as the `flow` child and ends as every flow ends. */
function serviceFlowState(key: RegisteredServiceKey) {
  return {
    invoke: {
      id: 'flow' as const,
      src: flowActorName(key) as `${ServiceFlowState}Flow`,
      input: ({ context }: { context: KioskSessionContext }): ServiceFlowInput | ScannedReceiptInput =>
        context.identity === null && context.receiptCode !== null
          ? { identity: null, receiptCode: context.receiptCode, proxy: null, centreId: context.centreId }
          : { identity: requireIdentity(context), proxy: context.proxy, centreId: context.centreId },
      ...WATCH_IN_FLIGHT,
      ...FLOW_ENDINGS,
    },
  };
}

const SERVICE_FLOW_STATES = Object.fromEntries(
  REGISTERED_KEYS.map((key) => [SERVICE_FLOWS[key].state, serviceFlowState(key)]),
) as Record<ServiceFlowState, ReturnType<typeof serviceFlowState>>;

type ScanEvent = { event: { scan: ScanPayload } };

/**
 * A scan on the welcome screen: a receipt with its check code opens the progress flow (when one
 * is registered) without a card; anything else is explained on the scan notice screen.
 */
const SCAN_TRANSITIONS = {
  'scan.read': [
    ...(PROGRESS_FLOW_STATE === null
      ? []
      : [
          {
            guard: { type: 'scanHasReceiptCode' as const, params: ({ event }: ScanEvent) => ({ scan: event.scan }) },
            target: `#kioskSession.session.main.inService.${PROGRESS_FLOW_STATE}`,
            actions: { type: 'storeReceiptCode' as const, params: ({ event }: ScanEvent) => ({ scan: event.scan }) },
          },
        ]),
    {
      target: '#kioskSession.scanNotice',
      reenter: true,
      actions: { type: 'storeScanNotice' as const, params: ({ event }: ScanEvent) => ({ notice: scanNoticeFor(event.scan) }) },
    },
  ],
  'scan.rejected': {
    target: '#kioskSession.scanNotice',
    reenter: true,
    actions: { type: 'storeScanNotice' as const, params: { notice: { kind: 'rejected' } satisfies ScanNotice as ScanNotice } },
  },
};

export const kioskSessionMachine = setup({
  types: {} as {
    context: KioskSessionContext;
    events: KioskSessionEvent;
    input: KioskSessionInput;
    children: {
      flow: `${ServiceFlowState}Flow` | 'queueTicketFlow';
      identify: 'identify';
      printReceipt: 'printReceipt';
      printTicket: 'printTicket';
    };
  },
  actors: {
    /** Host: POST /api/v1/identify with the card read; resolves the IdentifyResponse. */
    identify: hostActorMissing<IdentifyResponse, IdentifyInput>('identify'),
    /** Host: POST /api/v1/identify/refresh; the same person described after an application. */
    refreshIdentity: hostActorMissing<IdentifyResponse, RefreshIdentityInput>('refreshIdentity'),
    /** Host: compose the receipt (domain composeApplicationReceipt) and POST /v1/print to the agent. */
    printReceipt: hostActorMissing<PrintResult, PrintReceiptInput>('printReceipt'),
    /** Host: compose the ticket (domain composeQueueTicket) and POST /v1/print to the agent, role 'ticket'. */
    printTicket: hostActorMissing<PrintResult, PrintTicketInput>('printTicket'),
    /** The flows; the host provides them with their own I/O actors (submitApplication; loadCentre, issueTicket). */
    ...SERVICE_FLOW_ACTORS,
    queueTicketFlow,
  },
  delays: {
    idleWarningAfter: ({ context }) => context.timing.idleWarningAfter,
    idleCountdown: ({ context }) => context.timing.idleCountdown,
    readingTimeout: ({ context }) => context.timing.readingTimeout,
    readFailedReturn: ({ context }) => context.timing.readFailedReturn,
    receiptLinger: ({ context }) => context.timing.receiptLinger,
    goodbyeDuration: ({ context }) => context.timing.goodbyeDuration,
    scanNoticeDuration: ({ context }) => context.timing.scanNoticeDuration,
    helpWaitLimit: ({ context }) => context.timing.helpWaitLimit,
  },
  guards: {
    helpAlreadyRequested: ({ context }) => context.helpRequested,
    noHelpPending: ({ context }) => !context.helpRequested,
    serviceIs: (_, params: { selected: KioskServiceKey; expected: KioskServiceKey; onPage: boolean }) =>
      params.onPage && params.selected === params.expected,
    flowEndedWith: (_, params: { output: ServiceFlowOutput; kind: ServiceFlowOutput['kind'] }) =>
      params.output.kind === params.kind,
    jobPrinted: (_, params: { result: PrintResult }) => params.result.state === 'printed',
    jobHeld: (_, params: { result: PrintResult }) => params.result.state === 'held',
    ticketIssued: (_, params: { output: QueueTicketFlowOutput }) => params.output.kind === 'issued',
    identified: ({ context }) => context.identity !== null,
    flowInFlight: ({ context }) => context.flowInFlight,
    ticketPrinterConfigured: ({ context }) => context.printErrorCode !== NOT_CONFIGURED,
    isHeldJob: ({ context }, params: { jobId: string }) => context.heldPrintJobId === params.jobId,
    proxying: ({ context }) => context.applicant !== null,
    notProxying: ({ context }) => context.applicant === null,
    sameAsApplicant: ({ context }, params: { senior: IdentifyResponse }) =>
      context.identity !== null && samePerson(context.identity, params.senior),
    scanHasReceiptCode: (_, params: { scan: ScanPayload }) => receiptCodeOf(params.scan) !== null,
  },
  actions: {
    /** Host: tell the device agent to forget the card it read (POST /v1/session/release). */
    releaseCard: () => {},
    /** Host: tell staff that someone at this kiosk needs help. */
    notifyStaff: (_, _params: StaffNotification) => {},
    wipe: assign(({ context }) => initialContext({ timing: context.timing, now: context.now, centreId: context.centreId })),
    setLocale: assign((_, params: { locale: Locale }) => ({ locale: params.locale })),
    markHelpRequested: assign({ helpRequested: true }),
    clearHelpRequest: assign({ helpRequested: false }),
    storeCardError: assign((_, params: { code: string }) => ({ cardErrorCode: params.code })),
    clearCardError: assign({ cardErrorCode: null }),
    storeIdentity: assign((_, params: { identity: IdentifyResponse }) => ({
      identity: params.identity,
      identifyErrorCode: null,
    })),
    storeIdentifyError: assign((_, params: { error: unknown }) => ({ identifyErrorCode: errorCode(params.error) })),
    selectService: assign((_, params: { serviceKey: KioskServiceKey }) => ({ serviceKey: params.serviceKey })),
    forwardToFlow: sendTo('flow', ({ event }) => event),
    storeApplication: assign((_, params: { application: ApplicationView }) => ({ application: params.application })),
    storeQueueTicket: assign((_, params: { output: QueueTicketFlowOutput }) => ({ queueTicket: issuedTicketOf(params.output) })),
    noteFlowInFlight: assign((_, params: { inFlight: boolean }) => ({ flowInFlight: params.inFlight })),
    clearFlowInFlight: assign({ flowInFlight: false }),
    clearPrintError: assign({ printErrorCode: null }),
    storePrintError: assign((_, params: { code: string | null }) => ({ printErrorCode: params.code })),
    storeHeldPrint: assign((_, params: { result: PrintResult }) => ({
      printErrorCode: params.result.code ?? null,
      heldPrintJobId: params.result.jobId,
    })),
    clearHeldPrint: assign({ heldPrintJobId: null, printErrorCode: null }),
    startIdleCountdown: assign(({ context }) => ({
      idleWarningDeadline: context.now() + context.timing.idleCountdown,
    })),
    clearIdleCountdown: assign({ idleWarningDeadline: null }),
    showMenuPage: assign((_, params: { page: MenuPage }) => ({ menuPage: params.page })),
    storeProxySenior: assign((_, params: { senior: IdentifyResponse }) => ({ proxySenior: params.senior, identifyErrorCode: null })),
    storeProxyRelationship: assign((_, params: { relationship: ProxyRelationship }) => ({ proxyRelationship: params.relationship })),
    /** The senior agreed: the menu is now theirs, and every request carries the applicant as `proxy`. */
    beginProxy: assign(({ context }) => {
      const senior = requireProxySenior(context);
      const applicant = requireIdentity(context);
      return {
        applicant,
        identity: senior,
        proxy: { identifyToken: applicant.identifyToken, relationship: context.proxyRelationship!, consent: true as const },
        proxySenior: null,
        proxyRelationship: null,
        menuPage: 'home' as const,
      };
    }),
    /** Setting up 代办 stopped: nothing of the senior stays. */
    cancelProxy: assign({ proxySenior: null, proxyRelationship: null, identifyErrorCode: null, cardErrorCode: null }),
    /** 结束代办: the applicant's own menu; the senior's data goes. */
    endProxy: assign(({ context }) => ({
      identity: context.applicant ?? context.identity,
      applicant: null,
      proxy: null,
      menuPage: 'home' as const,
    })),
    storeScanNotice: assign((_, params: { notice: ScanNotice }) => ({ scanNotice: params.notice })),
    clearScanNotice: assign({ scanNotice: null }),
    storeReceiptCode: assign((_, params: { scan: ScanPayload }) => ({ receiptCode: receiptCodeOf(params.scan) })),
    redispatch: raise(({ event }) => event),
    noteActivity: raise({ type: 'user.activity' }),
  },
}).createMachine({
  id: 'kioskSession',
  context: ({ input }) => initialContext(input),
  initial: 'attract',
  on: {
    // Taps available on every screen. Each also counts as activity for the idle region.
    'help.request': [
      { guard: 'helpAlreadyRequested', actions: 'noteActivity' },
      {
        actions: [
          'noteActivity',
          'markHelpRequested',
          {
            type: 'notifyStaff',
            params: ({ context }) => ({
              serviceKey: context.serviceKey,
              applicationNo: context.application?.applicationNo ?? null,
              reason: 'assistance' as const,
              detail: null,
            }),
          },
        ],
      },
    ],
    'help.dismiss': { actions: ['noteActivity', 'clearHelpRequest'] },
    'locale.set': {
      actions: ['noteActivity', { type: 'setLocale', params: ({ event }) => ({ locale: event.locale }) }],
    },
  },
  states: {
    attract: {
      on: {
        'session.start': 'session',
        'ticket.start': '#kioskSession.session.main.queueTicket',
        'card.placed': '#kioskSession.session.main.reading',
        'card.read': '#kioskSession.session.main.identifying',
        ...SCAN_TRANSITIONS,
      },
    },
    // The welcome screen explaining a scan (a ticket, a code it cannot use); it holds nothing
    // personal and goes back by itself. The card, 开始 and 取号 work here as on the welcome screen.
    scanNotice: {
      exit: 'clearScanNotice',
      after: { scanNoticeDuration: 'attract' },
      on: {
        'session.start': 'session',
        'ticket.start': '#kioskSession.session.main.queueTicket',
        'card.placed': '#kioskSession.session.main.reading',
        'card.read': '#kioskSession.session.main.identifying',
        'session.end': 'attract',
        ...SCAN_TRANSITIONS,
      },
    },
    session: {
      type: 'parallel',
      exit: ['releaseCard', 'wipe'],
      states: {
        main: {
          initial: 'waitingForCard',
          on: {
            'session.end': '.goodbye',
            // A card read while someone's screens are open is a new person (or the same one
            // placing the card again): never show them the last person's data or let them act
            // on it. The session ends (wipe, release) and the new card is identified afresh.
            // Screens that wait for a card handle it themselves.
            'card.read': { target: '#kioskSession.attract', actions: 'redispatch' },
          },
          states: {
            waitingForCard: {
              on: { 'card.placed': 'reading', 'card.read': 'identifying' },
            },
            reading: {
              after: {
                readingTimeout: {
                  target: 'readFailed',
                  actions: { type: 'storeCardError', params: { code: 'READ_TIMEOUT' } },
                },
              },
              on: {
                'card.read': 'identifying',
                'card.failed': {
                  target: 'readFailed',
                  actions: { type: 'storeCardError', params: ({ event }) => ({ code: event.code }) },
                },
                'card.removed': 'waitingForCard',
              },
            },
            readFailed: {
              exit: 'clearCardError',
              after: { readFailedReturn: 'waitingForCard' },
              on: {
                'card.removed': 'waitingForCard',
                'session.retry': 'waitingForCard',
                'card.placed': 'reading',
                'card.read': 'identifying',
              },
            },
            identifying: {
              invoke: {
                id: 'identify',
                src: 'identify',
                // The card goes to the identify actor only; it is never kept in context.
                input: ({ event }) => {
                  assertEvent(event, 'card.read');
                  return { card: event.card };
                },
                onDone: {
                  target: 'menu',
                  actions: { type: 'storeIdentity', params: ({ event }) => ({ identity: event.output }) },
                },
                onError: {
                  target: 'identifyFailed',
                  actions: { type: 'storeIdentifyError', params: ({ event }) => ({ error: event.error }) },
                },
              },
            },
            identifyFailed: {
              on: {
                'card.placed': 'reading',
                'card.read': 'identifying',
                'session.retry': 'waitingForCard',
              },
            },
            menu: {
              on: {
                'ticket.start': 'queueTicket',
                // One transition per flow in the registry; a service without a flow is ignored.
                'service.select': SERVICE_SELECT_TRANSITIONS,
                'menu.page': { actions: { type: 'showMenuPage', params: ({ event }) => ({ page: event.page }) } },
                'proxy.start': { guard: 'notProxying', target: 'proxy' },
                'proxy.end': { guard: 'proxying', actions: 'endProxy' },
              },
            },
            // 代办: the person identified so far applies for a senior. The senior's card is read
            // and identified like the first one (never kept), then the applicant says how they
            // are related and the senior agrees. Any card read here is taken as the senior's.
            proxy: {
              initial: 'waitingForCard',
              exit: 'clearCardError',
              on: {
                'proxy.cancel': { target: 'menu', actions: 'cancelProxy' },
                'card.read': '.identifying',
              },
              states: {
                waitingForCard: {
                  on: { 'card.placed': 'reading' },
                },
                reading: {
                  after: {
                    readingTimeout: {
                      target: 'readFailed',
                      actions: { type: 'storeCardError', params: { code: 'READ_TIMEOUT' } },
                    },
                  },
                  on: {
                    'card.failed': {
                      target: 'readFailed',
                      actions: { type: 'storeCardError', params: ({ event }) => ({ code: event.code }) },
                    },
                    'card.removed': 'waitingForCard',
                  },
                },
                readFailed: {
                  exit: 'clearCardError',
                  after: { readFailedReturn: 'waitingForCard' },
                  on: {
                    'card.removed': 'waitingForCard',
                    'session.retry': 'waitingForCard',
                    'card.placed': 'reading',
                  },
                },
                identifying: {
                  // A card read on the relationship or consent screen replaces the senior.
                  entry: 'cancelProxy',
                  invoke: {
                    id: 'identify',
                    src: 'identify',
                    input: ({ event }) => {
                      assertEvent(event, 'card.read');
                      return { card: event.card };
                    },
                    onDone: [
                      { guard: { type: 'sameAsApplicant', params: ({ event }) => ({ senior: event.output }) }, target: 'sameCard' },
                      {
                        target: 'relationship',
                        actions: { type: 'storeProxySenior', params: ({ event }) => ({ senior: event.output }) },
                      },
                    ],
                    onError: {
                      target: 'identifyFailed',
                      actions: { type: 'storeIdentifyError', params: ({ event }) => ({ error: event.error }) },
                    },
                  },
                },
                identifyFailed: {
                  exit: assign({ identifyErrorCode: null }),
                  on: { 'card.placed': 'reading', 'session.retry': 'waitingForCard' },
                },
                // The applicant's own card again: say so and wait for the senior's.
                sameCard: {
                  on: { 'card.placed': 'reading', 'session.retry': 'waitingForCard' },
                },
                relationship: {
                  on: {
                    'proxy.relationship': {
                      target: 'consent',
                      actions: { type: 'storeProxyRelationship', params: ({ event }) => ({ relationship: event.relationship }) },
                    },
                  },
                },
                consent: {
                  on: {
                    'proxy.confirm': { target: '#kioskSession.session.main.menu', actions: 'beginProxy' },
                    'proxy.back': 'relationship',
                  },
                },
              },
            },
            inService: {
              // Always entered through service.select, which targets the chosen flow's state.
              initial: 'allowanceChannel',
              exit: 'clearFlowInFlight',
              on: { ...transitionsFor(FLOW_EVENT_TYPES, { actions: 'forwardToFlow' } as const), ...END_IGNORED_IN_FLIGHT },
              states: SERVICE_FLOW_STATES,
            },
            // 取号. Back from the first screen returns where the person came from: the menu, or
            // (no card) the welcome screen, which ends this short session.
            queueTicket: {
              exit: 'clearFlowInFlight',
              on: { ...transitionsFor(FLOW_EVENT_TYPES, { actions: 'forwardToFlow' } as const), ...END_IGNORED_IN_FLIGHT },
              invoke: {
                id: 'flow',
                src: 'queueTicketFlow',
                input: ({ context }) => ({ identifyToken: context.identity?.identifyToken ?? null }),
                ...WATCH_IN_FLIGHT,
                onDone: [
                  {
                    guard: { type: 'ticketIssued', params: ({ event }) => ({ output: event.output }) },
                    target: 'printingTicket',
                    actions: { type: 'storeQueueTicket', params: ({ event }) => ({ output: event.output }) },
                  },
                  { guard: 'identified', target: 'menu' },
                  { target: '#kioskSession.attract' },
                ],
                onError: [{ guard: 'identified', target: 'menu' }, { target: '#kioskSession.attract' }],
              },
            },
            printingTicket: {
              entry: 'clearPrintError',
              on: END_IGNORED,
              invoke: {
                id: 'printTicket',
                src: 'printTicket',
                input: ({ context }) => ({ ...requireQueueTicket(context), locale: context.locale }),
                onDone: [
                  {
                    guard: { type: 'jobPrinted', params: ({ event }) => ({ result: event.output }) },
                    target: 'ticket.printed',
                  },
                  {
                    // Safe in the agent's queue: it prints once staff change the paper.
                    guard: { type: 'jobHeld', params: ({ event }) => ({ result: event.output }) },
                    target: 'ticket.printHeld',
                    actions: [
                      { type: 'storeHeldPrint', params: ({ event }) => ({ result: event.output }) },
                      {
                        type: 'notifyStaff',
                        params: ({ event }) => ({
                          serviceKey: null,
                          applicationNo: null,
                          reason: 'printer-fault' as const,
                          detail: event.output.code ? `TICKET_${event.output.code}` : null,
                        }),
                      },
                    ],
                  },
                  {
                    target: 'ticket.printFailed',
                    actions: { type: 'storePrintError', params: ({ event }) => ({ code: event.output.code ?? null }) },
                  },
                ],
                onError: {
                  target: 'ticket.printFailed',
                  actions: { type: 'storePrintError', params: ({ event }) => ({ code: errorCode(event.error) }) },
                },
              },
            },
            // The number is on screen in every outcome: the ticket is issued, only paper may be missing.
            ticket: {
              initial: 'printed',
              states: {
                printed: {
                  after: { receiptLinger: '#kioskSession.session.main.goodbye' },
                },
                printFailed: {
                  on: { 'ticket.print': { guard: 'ticketPrinterConfigured', target: '#kioskSession.session.main.printingTicket' } },
                },
                printHeld: {
                  exit: 'clearHeldPrint',
                  on: {
                    'print.done': {
                      guard: { type: 'isHeldJob', params: ({ event }) => ({ jobId: event.jobId }) },
                      target: 'printed',
                    },
                  },
                },
              },
            },
            printing: {
              entry: 'clearPrintError',
              on: END_IGNORED,
              invoke: {
                id: 'printReceipt',
                src: 'printReceipt',
                input: ({ context }) => ({ application: requireApplication(context), locale: context.locale }),
                onDone: [
                  {
                    guard: { type: 'jobPrinted', params: ({ event }) => ({ result: event.output }) },
                    target: 'receipt.printed',
                  },
                  {
                    // The job is safe in the agent's queue; staff are told so they change the paper.
                    guard: { type: 'jobHeld', params: ({ event }) => ({ result: event.output }) },
                    target: 'receipt.printHeld',
                    actions: [
                      { type: 'storeHeldPrint', params: ({ event }) => ({ result: event.output }) },
                      {
                        type: 'notifyStaff',
                        params: ({ context, event }) => ({
                          serviceKey: context.serviceKey,
                          applicationNo: context.application?.applicationNo ?? null,
                          reason: 'printer-fault' as const,
                          detail: event.output.code ?? null,
                        }),
                      },
                    ],
                  },
                  {
                    target: 'receipt.printFailed',
                    actions: { type: 'storePrintError', params: ({ event }) => ({ code: event.output.code ?? null }) },
                  },
                ],
                onError: {
                  target: 'receipt.printFailed',
                  actions: { type: 'storePrintError', params: ({ event }) => ({ code: errorCode(event.error) }) },
                },
              },
            },
            receipt: {
              initial: 'printed',
              on: { 'session.more': 'refreshing' },
              states: {
                printed: {
                  after: { receiptLinger: '#kioskSession.session.main.goodbye' },
                },
                // No receipt: the application number stays on screen until the person moves on
                // (or the inactivity timeout ends the session); they may try printing again.
                printFailed: {
                  on: { 'receipt.print': '#kioskSession.session.main.printing' },
                },
                // The printer stopped (paper out, cover open) with the receipt in its queue: it
                // prints by itself once staff fix the printer, so there is no "print again" here.
                printHeld: {
                  exit: 'clearHeldPrint',
                  on: {
                    'print.done': {
                      guard: { type: 'isHeldJob', params: ({ event }) => ({ jobId: event.jobId }) },
                      target: 'printed',
                    },
                  },
                },
              },
            },
            // 办理其他事项 after an application: the menu must show what changed (a card now
            // pending, a new channel), so the person is described afresh first. If that fails the
            // menu shows what was known; the server still refuses anything no longer allowed.
            refreshing: {
              entry: { type: 'showMenuPage', params: { page: 'home' } },
              invoke: {
                id: 'refreshIdentity',
                src: 'refreshIdentity',
                input: ({ context }) => ({ identifyToken: requireIdentity(context).identifyToken }),
                onDone: {
                  target: 'menu',
                  actions: { type: 'storeIdentity', params: ({ event }) => ({ identity: event.output }) },
                },
                onError: 'menu',
              },
            },
            goodbye: {
              after: { goodbyeDuration: '#kioskSession.attract' },
              on: {
                'session.end': '#kioskSession.attract',
                // The next person may put their card down before the goodbye screen is over:
                // end this session (wipe, release) and let the welcome screen take the card.
                // (A card read is handled by `main` for every screen.)
                'card.placed': { target: '#kioskSession.attract', actions: 'redispatch' },
              },
            },
          },
        },
        idle: {
          initial: 'active',
          states: {
            active: {
              entry: 'clearIdleCountdown',
              after: {
                idleWarningAfter: { guard: 'noHelpPending', target: 'warning' },
                helpWaitLimit: 'warning',
              },
              on: transitionsFor(ACTIVITY_EVENT_TYPES, { target: 'active', reenter: true } as const),
            },
            warning: {
              entry: 'startIdleCountdown',
              after: { idleCountdown: '#kioskSession.attract' },
              on: transitionsFor(ACTIVITY_EVENT_TYPES, { target: 'active' } as const),
            },
          },
        },
      },
    },
  },
});

function issuedTicketOf(output: QueueTicketFlowOutput): QueueTicketIssued {
  if (output.kind !== 'issued') throw new Error(`kioskSession: ticket flow output "${output.kind}" has no ticket`);
  return { ticket: output.ticket, centreName: output.centreName };
}

function applicationOf(output: ServiceFlowOutput): ApplicationView {
  if (output.kind !== 'submitted') throw new Error(`kioskSession: flow output "${output.kind}" has no application`);
  return output.application;
}

// ---- reading a snapshot ----------------------------------------------------------------

export type KioskSessionSnapshot = SnapshotFrom<typeof kioskSessionMachine>;

/** The screen to render, one name per screen (the idle warning is an overlay, see isIdleWarning). */
export type KioskScreen =
  | 'attract'
  | 'scanNotice'
  | 'waitingForCard'
  | 'reading'
  | 'readFailed'
  | 'identifying'
  | 'refreshing'
  | 'identifyFailed'
  | 'menu'
  | ProxyScreen
  | ServiceFlowState
  | 'queueTicket'
  | 'printingTicket'
  | 'ticketPrinted'
  | 'ticketPrintFailed'
  | 'ticketPrintHeld'
  | 'printing'
  | 'receiptPrinted'
  | 'receiptPrintFailed'
  | 'receiptPrintHeld'
  | 'goodbye';

const TICKET_SCREENS = { printed: 'ticketPrinted', printFailed: 'ticketPrintFailed', printHeld: 'ticketPrintHeld' } as const;

/** The 代办 set-up screens, one per state of `proxy`. */
export const PROXY_SCREENS = {
  waitingForCard: 'proxyWaitingForCard',
  reading: 'proxyReading',
  readFailed: 'proxyReadFailed',
  identifying: 'proxyIdentifying',
  identifyFailed: 'proxyIdentifyFailed',
  sameCard: 'proxySameCard',
  relationship: 'proxyRelationship',
  consent: 'proxyConsent',
} as const;
export type ProxyScreen = (typeof PROXY_SCREENS)[keyof typeof PROXY_SCREENS];

export function kioskScreen(snapshot: KioskSessionSnapshot): KioskScreen {
  const value = snapshot.value;
  if (value === 'attract' || value === 'scanNotice') return value;
  const main = value.session.main;
  if (typeof main === 'string') return main;
  if ('inService' in main) return main.inService;
  if ('proxy' in main) return PROXY_SCREENS[main.proxy];
  if ('ticket' in main) return TICKET_SCREENS[main.ticket];
  if (main.receipt === 'printed') return 'receiptPrinted';
  return main.receipt === 'printHeld' ? 'receiptPrintHeld' : 'receiptPrintFailed';
}

/** The flow child the UI renders (and may send flow events to), with its service; null outside a flow. */
export interface RunningFlow {
  serviceKey: RegisteredServiceKey;
  /** The flow's actor: the view of that service knows its machine (SERVICE_FLOWS[serviceKey].machine). */
  actor: AnyActorRef;
}

export function runningFlow(snapshot: KioskSessionSnapshot): RunningFlow | null {
  const actor = snapshot.children.flow;
  if (!actor) return null;
  const main = typeof snapshot.value === 'string' ? null : snapshot.value.session.main;
  if (main === null || typeof main === 'string' || !('inService' in main)) return null;
  const key = (Object.keys(SERVICE_FLOWS) as RegisteredServiceKey[]).find((k) => SERVICE_FLOWS[k].state === main.inService);
  return key ? { serviceKey: key, actor } : null;
}

/** The 取号 flow child while it runs, null otherwise. */
export function runningTicketFlow(snapshot: KioskSessionSnapshot): ActorRefFrom<typeof queueTicketFlow> | null {
  const actor = snapshot.children.flow;
  if (!actor || !snapshot.matches({ session: { main: 'queueTicket' } })) return null;
  return actor as ActorRefFrom<typeof queueTicketFlow>;
}

/**
 * A request is out (submitting, issuing) or a receipt or ticket is printing: the session ignores
 * 结束办理 now, so the page does not offer it.
 */
export function isSessionBusy(snapshot: KioskSessionSnapshot): boolean {
  return (
    snapshot.context.flowInFlight ||
    snapshot.matches({ session: { main: 'printing' } }) ||
    snapshot.matches({ session: { main: 'printingTicket' } })
  );
}

export function isIdleWarning(snapshot: KioskSessionSnapshot): boolean {
  return snapshot.matches({ session: { idle: 'warning' } });
}
