import type { ApplicationView, CentreView, IdentifyResponse, IssuedTicket, PrintResult } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { allowanceChannelFlow } from './allowance-channel-flow';
import {
  DEFAULT_SESSION_TIMING,
  isIdleWarning,
  isSessionBusy,
  kioskScreen,
  kioskSessionMachine,
  MIN_IDLE_COUNTDOWN,
  resolveSessionTiming,
  runningFlow,
  type IdentifyInput,
  type KioskSessionInput,
  type PrintReceiptInput,
  type PrintTicketInput,
  type RefreshIdentityInput,
  type StaffNotification,
} from './kiosk-session-machine';
import { queueTicketFlow, type IssueTicketInput } from './queue-ticket-flow';
import { seniorCardFlow } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, cardOf, identityOf } from './testing/fixtures';
import { FIXTURE_CENTRE, issuedTicketFor } from './testing/queue-fixtures';

const CARD = cardOf('firstTimer');
const IDENTITY = identityOf('firstTimer');

function startSession(input: KioskSessionInput = {}, clock?: SimulatedClock) {
  const identify = controllableActor<IdentifyResponse, IdentifyInput>();
  const refresh = controllableActor<IdentifyResponse, RefreshIdentityInput>();
  const printReceipt = controllableActor<PrintResult, PrintReceiptInput>();
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const loadCentre = controllableActor<CentreView, void>();
  const issueTicket = controllableActor<IssuedTicket, IssueTicketInput>();
  const printTicket = controllableActor<PrintResult, PrintTicketInput>();
  const releaseCard = vi.fn();
  const notifyStaff = vi.fn<(params: StaffNotification) => void>();
  const machine = kioskSessionMachine.provide({
    actors: {
      identify: identify.logic,
      refreshIdentity: refresh.logic,
      printReceipt: printReceipt.logic,
      allowanceChannelFlow: allowanceChannelFlow.provide({ actors: { submitApplication: submit.logic } }),
      seniorCardFlow: seniorCardFlow.provide({ actors: { submitApplication: submit.logic } }),
      queueTicketFlow: queueTicketFlow.provide({ actors: { loadCentre: loadCentre.logic, issueTicket: issueTicket.logic } }),
      printTicket: printTicket.logic,
    },
    actions: {
      releaseCard: () => releaseCard(),
      notifyStaff: (_, params) => notifyStaff(params),
    },
  });
  const actor = createActor(machine, { input, ...(clock ? { clock } : {}) });
  actor.start();
  const screen = () => kioskScreen(actor.getSnapshot());

  async function identified() {
    actor.send({ type: 'card.read', card: CARD });
    identify.last.resolve(IDENTITY);
    await settle();
  }
  /** Identify, choose the allowance channel, submit: the session is printing. */
  async function submitted() {
    await identified();
    actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
  }
  /** 取号 without a card, category A chosen: the ticket is being issued. */
  async function issuing() {
    actor.send({ type: 'ticket.start' });
    loadCentre.last.resolve(FIXTURE_CENTRE);
    await settle();
    actor.send({ type: 'category.choose', category: 'A' });
    await settle();
  }
  return {
    actor,
    screen,
    identify,
    refresh,
    printReceipt,
    submit,
    issueTicket,
    printTicket,
    releaseCard,
    notifyStaff,
    identified,
    submitted,
    issuing,
  };
}

const advance = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('timing', () => {
  it('fills in defaults and never lets the idle countdown go below 20 s', () => {
    expect(resolveSessionTiming()).toEqual(DEFAULT_SESSION_TIMING);
    expect(resolveSessionTiming({ idleCountdown: 5_000 }).idleCountdown).toBe(MIN_IDLE_COUNTDOWN);
    expect(resolveSessionTiming({ idleCountdown: Number.NaN }).idleCountdown).toBe(MIN_IDLE_COUNTDOWN);
    expect(resolveSessionTiming({ idleCountdown: 45_000, goodbyeDuration: -1 })).toMatchObject({
      idleCountdown: 45_000,
      goodbyeDuration: 0,
    });
  });
});

describe('inactivity', () => {
  it('warns after idleWarningAfter with a deadline idleCountdown ahead, then wipes and returns to attract', async () => {
    const s = startSession();
    await s.identified();
    expect(s.screen()).toBe('menu');
    await advance(DEFAULT_SESSION_TIMING.idleWarningAfter - 1);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    await advance(1);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().context.idleWarningDeadline).toBe(Date.now() + DEFAULT_SESSION_TIMING.idleCountdown);
    await advance(DEFAULT_SESSION_TIMING.idleCountdown - 1);
    expect(s.screen()).toBe('menu');
    await advance(1);
    expect(s.screen()).toBe('attract');
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
  });

  it('a countdown asked shorter than 20 s still lasts 20 s', async () => {
    const s = startSession({ timing: { idleWarningAfter: 10_000, idleCountdown: 3_000 } });
    s.actor.send({ type: 'session.start' });
    await advance(10_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    expect(s.actor.getSnapshot().context.idleWarningDeadline).toBe(Date.now() + 20_000);
    await advance(19_999);
    expect(s.screen()).toBe('waitingForCard');
    await advance(1);
    expect(s.screen()).toBe('attract');
  });

  it('继续 (idle.continue) dismisses the warning and restarts the full quiet time', async () => {
    const s = startSession();
    await s.identified();
    await advance(60_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    s.actor.send({ type: 'idle.continue' });
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    expect(s.actor.getSnapshot().context.idleWarningDeadline).toBeNull();
    await advance(59_999);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    await advance(1);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    expect(s.screen()).toBe('menu');
  });

  it.each([
    ['user.activity', { type: 'user.activity' }],
    ['a card taken off', { type: 'card.removed' }],
    ['a keypad digit forwarded to the flow', { type: 'keypad.digit', digit: '1' }],
    ['a language switch', { type: 'locale.set', locale: 'en' }],
    ['dismissing the help overlay', { type: 'help.dismiss' }],
  ] as const)('%s resets the quiet time', async (_, event) => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'senior-card' });
    s.actor.send({ type: 'flow.next' });
    await advance(50_000);
    s.actor.send(event);
    await advance(50_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    await advance(10_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
  });

  it('a device status report is no sign of a person and does not reset the quiet time', async () => {
    const s = startSession();
    await s.identified();
    await advance(50_000);
    s.actor.send({
      type: 'device.status',
      status: {
        simulated: true,
        reader: { address: 'sim:', state: 'ready' },
        printers: { receipt: { address: 'sim:', state: 'ready', queued: 0, held: false } },
      },
    });
    await advance(10_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
  });

  it('expiry wipes everything: no person, no application, no name anywhere in the snapshot', async () => {
    const s = startSession();
    await s.submitted();
    s.printReceipt.last.resolve({ jobId: 'j1', state: 'failed', code: 'PRINTER_PAPER_OUT' });
    await settle();
    expect(s.screen()).toBe('receiptPrintFailed');
    s.actor.send({ type: 'locale.set', locale: 'en' });
    s.actor.send({ type: 'help.request' });
    const context = s.actor.getSnapshot().context;
    const secrets = [
      IDENTITY.person.nameMasked,
      IDENTITY.person.idNumberMasked,
      IDENTITY.person.registeredAddressMasked,
      IDENTITY.identifyToken,
      context.application?.applicationNo ?? 'missing',
      CARD.name,
      CARD.idNumber,
    ];
    expect(JSON.stringify(s.actor.getSnapshot())).toContain(IDENTITY.person.nameMasked);

    // Help was called, so the warning waits for the help wait limit (5 min), then counts down.
    await advance(DEFAULT_SESSION_TIMING.helpWaitLimit + 30_000);
    const snapshot = s.actor.getSnapshot();
    expect(kioskScreen(snapshot)).toBe('attract');
    const json = JSON.stringify(snapshot);
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(snapshot.context).toMatchObject({
      locale: 'zh-CN',
      identity: null,
      application: null,
      serviceKey: null,
      helpRequested: false,
      printErrorCode: null,
      idleWarningDeadline: null,
    });
    expect(snapshot.children).toEqual({});
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
  });

  it('expiry in the middle of a flow stops the flow child and drops what was typed', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'senior-card' });
    s.actor.send({ type: 'flow.next' });
    for (const digit of '1391234') s.actor.send({ type: 'keypad.digit', digit: digit as '1' });
    const flow = runningFlow(s.actor.getSnapshot());
    if (flow?.serviceKey !== 'senior-card') throw new Error('expected the senior-card flow');
    expect(flow.actor.getSnapshot().context.phone).toBe('1391234');
    await advance(90_000);
    expect(s.screen()).toBe('attract');
    expect(flow.actor.getSnapshot().status).toBe('stopped');
    expect(runningFlow(s.actor.getSnapshot())).toBeNull();
    expect(JSON.stringify(s.actor.getSnapshot())).not.toContain('1391234');
  });

  it('works with xstate SimulatedClock when the host passes its clock', () => {
    vi.useRealTimers();
    const clock = new SimulatedClock();
    const s = startSession({ now: () => clock.now() }, clock);
    s.actor.send({ type: 'session.start' });
    clock.increment(60_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    expect(s.actor.getSnapshot().context.idleWarningDeadline).toBe(90_000);
    clock.increment(30_000);
    expect(s.screen()).toBe('attract');
  });
});

describe('the card and identification', () => {
  it('a card placed on the welcome screen starts the session; the card data goes to identify only', async () => {
    const s = startSession();
    s.actor.send({ type: 'card.placed' });
    expect(s.screen()).toBe('reading');
    s.actor.send({ type: 'card.read', card: CARD });
    expect(s.screen()).toBe('identifying');
    expect(s.identify.last.input).toEqual({ card: CARD });
    expect(JSON.stringify(s.actor.getSnapshot().context)).not.toContain(CARD.idNumber);
    s.identify.last.resolve(IDENTITY);
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().context.identity).toEqual(IDENTITY);
  });

  it('a failed read asks again and returns to waiting after a few seconds', async () => {
    const s = startSession();
    s.actor.send({ type: 'session.start' });
    s.actor.send({ type: 'card.placed' });
    s.actor.send({ type: 'card.failed', code: 'CARD_MOVED' });
    expect(s.screen()).toBe('readFailed');
    expect(s.actor.getSnapshot().context.cardErrorCode).toBe('CARD_MOVED');
    await advance(DEFAULT_SESSION_TIMING.readFailedReturn);
    expect(s.screen()).toBe('waitingForCard');
    expect(s.actor.getSnapshot().context.cardErrorCode).toBeNull();
  });

  it('a read that never finishes counts as failed', async () => {
    const s = startSession();
    s.actor.send({ type: 'card.placed' });
    await advance(DEFAULT_SESSION_TIMING.readingTimeout);
    expect(s.screen()).toBe('readFailed');
    expect(s.actor.getSnapshot().context.cardErrorCode).toBe('READ_TIMEOUT');
  });

  it('a failed identify can be retried by placing the card again', async () => {
    const s = startSession();
    s.actor.send({ type: 'card.read', card: CARD });
    s.identify.last.reject(new CodedError('INVALID_ID_NUMBER'));
    await settle();
    expect(s.screen()).toBe('identifyFailed');
    expect(s.actor.getSnapshot().context.identifyErrorCode).toBe('INVALID_ID_NUMBER');
    s.actor.send({ type: 'card.placed' });
    s.actor.send({ type: 'card.read', card: CARD });
    s.identify.last.resolve(IDENTITY);
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().context.identifyErrorCode).toBeNull();
    expect(s.identify.calls).toHaveLength(2);
  });

  it('a host that forgot identify gets a coded failure screen', async () => {
    const actor = createActor(kioskSessionMachine, { input: {} }).start();
    actor.send({ type: 'card.read', card: CARD });
    await settle();
    expect(kioskScreen(actor.getSnapshot())).toBe('identifyFailed');
    expect(actor.getSnapshot().context.identifyErrorCode).toBe('HOST_ACTOR_MISSING');
  });
});

describe('service, printing, receipt, goodbye', () => {
  it('the flow child is reachable as children.flow and takes events sent to it directly', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    expect(s.screen()).toBe('allowanceChannel');
    const flow = runningFlow(s.actor.getSnapshot());
    if (flow?.serviceKey !== 'allowance-channel') throw new Error('expected the allowance-channel flow');
    expect(flow.actor).toBe(s.actor.getSnapshot().children.flow);
    expect(flow.actor.getSnapshot().value).toBe('choosing');
    flow.actor.send({ type: 'channel.choose', channel: 'social-security-card' });
    expect(flow.actor.getSnapshot().value).toBe('confirming');
    flow.actor.send({ type: 'flow.cancel' });
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().children.flow).toBeUndefined();
  });

  it('prints in the chosen language, then the receipt moves on to goodbye and attract by itself', async () => {
    const s = startSession();
    s.actor.send({ type: 'locale.set', locale: 'en' });
    await s.submitted();
    expect(s.screen()).toBe('printing');
    expect(s.printReceipt.last.input).toEqual({ application: s.actor.getSnapshot().context.application, locale: 'en' });
    s.printReceipt.last.resolve({ jobId: 'j1', state: 'printed' });
    await settle();
    expect(s.screen()).toBe('receiptPrinted');
    await advance(DEFAULT_SESSION_TIMING.receiptLinger);
    expect(s.screen()).toBe('goodbye');
    expect(s.releaseCard).not.toHaveBeenCalled();
    await advance(DEFAULT_SESSION_TIMING.goodbyeDuration);
    expect(s.screen()).toBe('attract');
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
    expect(s.actor.getSnapshot().context.locale).toBe('zh-CN');
  });

  it('a receipt that did not print keeps the application on screen and can be printed again', async () => {
    const s = startSession();
    await s.submitted();
    const application = s.actor.getSnapshot().context.application;
    s.printReceipt.last.reject(new CodedError('AGENT_UNREACHABLE'));
    await settle();
    expect(s.screen()).toBe('receiptPrintFailed');
    expect(s.actor.getSnapshot().context).toMatchObject({ application, printErrorCode: 'AGENT_UNREACHABLE' });
    // No automatic goodbye while the number is only on screen (the idle warning still applies).
    await advance(DEFAULT_SESSION_TIMING.receiptLinger);
    expect(s.screen()).toBe('receiptPrintFailed');
    s.actor.send({ type: 'receipt.print' });
    expect(s.screen()).toBe('printing');
    expect(s.printReceipt.calls).toHaveLength(2);
    s.printReceipt.last.resolve({ jobId: 'j2', state: 'printed' });
    await settle();
    expect(s.screen()).toBe('receiptPrinted');
    expect(s.actor.getSnapshot().context.printErrorCode).toBeNull();
  });

  it('a receipt held by the printer tells staff, offers no reprint, and moves on once that job is printed', async () => {
    const s = startSession();
    await s.submitted();
    const applicationNo = s.actor.getSnapshot().context.application?.applicationNo;
    s.printReceipt.last.resolve({ jobId: 'job-7', state: 'held', code: 'PRINTER_PAPER_OUT' });
    await settle();
    expect(s.screen()).toBe('receiptPrintHeld');
    expect(s.notifyStaff).toHaveBeenCalledTimes(1);
    expect(s.notifyStaff).toHaveBeenLastCalledWith({ serviceKey: 'allowance-channel', applicationNo, reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' });
    // Printing again would queue nothing new: the held job is the receipt.
    s.actor.send({ type: 'receipt.print' });
    expect(s.screen()).toBe('receiptPrintHeld');
    expect(s.printReceipt.calls).toHaveLength(1);
    s.actor.send({ type: 'print.done', role: 'receipt', jobId: 'job-6' });
    s.actor.send({ type: 'print.done', role: 'ticket', jobId: 'other' });
    expect(s.screen()).toBe('receiptPrintHeld');
    s.actor.send({ type: 'print.done', role: 'receipt', jobId: 'job-7' });
    expect(s.screen()).toBe('receiptPrinted');
    expect(s.actor.getSnapshot().context).toMatchObject({ heldPrintJobId: null, printErrorCode: null });
    await advance(DEFAULT_SESSION_TIMING.receiptLinger);
    expect(s.screen()).toBe('goodbye');
  });

  it('办理其他事项 describes the person afresh, then shows the menu; session.end says goodbye', async () => {
    const s = startSession();
    await s.submitted();
    s.printReceipt.last.resolve({ jobId: 'j1', state: 'printed' });
    await settle();
    s.actor.send({ type: 'session.more' });
    expect(s.screen()).toBe('refreshing');
    expect(s.refresh.last.input).toEqual({ identifyToken: IDENTITY.identifyToken });
    const after = { ...IDENTITY, person: { ...IDENTITY.person, allowanceChannel: 'senior-card' as const } };
    s.refresh.last.resolve(after);
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().context.identity).toEqual(after);
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('goodbye');
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('attract');
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
  });

  it('keeping the current channel ends with goodbye', async () => {
    const s = startSession();
    s.actor.send({ type: 'card.read', card: CARD });
    s.identify.last.resolve(identityOf('hasChannel'));
    await settle();
    s.actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    s.actor.send({ type: 'channel.keep' });
    await settle();
    expect(s.screen()).toBe('goodbye');
  });

  it('the next person putting their card down on the goodbye screen starts a fresh session', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'session.end' });
    const next = cardOf('hasChannel');
    s.actor.send({ type: 'card.read', card: next });
    expect(s.screen()).toBe('identifying');
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
    expect(s.actor.getSnapshot().context.identity).toBeNull();
    expect(s.identify.last.input).toEqual({ card: next });
  });

  it('delays can be shortened with .provide({ delays })', async () => {
    const actor = createActor(kioskSessionMachine.provide({ delays: { goodbyeDuration: 1_000 } }), { input: {} }).start();
    actor.send({ type: 'session.start' });
    actor.send({ type: 'session.end' });
    await advance(1_000);
    expect(kioskScreen(actor.getSnapshot())).toBe('attract');
  });
});

describe('结束办理 while something is in flight', () => {
  const busy = (s: ReturnType<typeof startSession>) => isSessionBusy(s.actor.getSnapshot());

  it('is ignored while a ticket is issued and while it prints: the person keeps the number', async () => {
    const s = startSession();
    await s.issuing();
    expect(s.actor.getSnapshot().children.flow?.getSnapshot().value).toBe('issuing');
    expect(busy(s)).toBe(true);
    s.actor.send({ type: 'session.end' });
    await settle();
    expect(s.screen()).toBe('queueTicket');

    s.issueTicket.last.resolve(issuedTicketFor('A', 12));
    await settle();
    expect(s.screen()).toBe('printingTicket');
    expect(busy(s)).toBe(true);
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('printingTicket');
    expect(s.actor.getSnapshot().context.queueTicket?.ticket.ticketNo).toBe('A012');

    s.printTicket.last.resolve({ jobId: 't1', state: 'printed' });
    await settle();
    expect(s.screen()).toBe('ticketPrinted');
    expect(busy(s)).toBe(false);
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('goodbye');
  });

  it('ends the 取号 flow again once issuing failed, and on the category screen', async () => {
    const s = startSession();
    await s.issuing();
    s.issueTicket.last.reject(new CodedError('NETWORK'));
    await settle();
    expect(busy(s)).toBe(false);
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('goodbye');

    const t = startSession();
    t.actor.send({ type: 'ticket.start' });
    expect(busy(t)).toBe(false);
    t.actor.send({ type: 'session.end' });
    expect(t.screen()).toBe('goodbye');
  });

  it('is ignored while an application is submitted and while its receipt prints', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    s.actor.send({ type: 'channel.choose', channel: 'senior-card' });
    expect(busy(s)).toBe(false);
    s.actor.send({ type: 'flow.confirm' });
    await settle();
    expect(busy(s)).toBe(true);
    s.actor.send({ type: 'session.end' });
    await settle();
    expect(s.screen()).toBe('allowanceChannel');
    expect(s.releaseCard).not.toHaveBeenCalled();

    s.submit.last.resolve(applicationFor(s.submit.last.input.request));
    await settle();
    expect(s.screen()).toBe('printing');
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('printing');
    s.printReceipt.last.resolve({ jobId: 'j1', state: 'printed' });
    await settle();
    expect(s.screen()).toBe('receiptPrinted');
    expect(busy(s)).toBe(false);
  });

  it('a failed submission leaves nothing in flight: 结束办理 works again', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    s.actor.send({ type: 'channel.choose', channel: 'senior-card' });
    s.actor.send({ type: 'flow.confirm' });
    s.submit.last.reject(new CodedError('NETWORK'));
    await settle();
    expect(busy(s)).toBe(false);
    s.actor.send({ type: 'session.end' });
    expect(s.screen()).toBe('goodbye');
  });

  it('the idle timeout still ends a session whose request never answers', async () => {
    const s = startSession();
    await s.issuing();
    await advance(DEFAULT_SESSION_TIMING.idleWarningAfter + DEFAULT_SESSION_TIMING.idleCountdown);
    expect(s.screen()).toBe('attract');
    expect(s.actor.getSnapshot().context.flowInFlight).toBe(false);
  });
});

describe('language and help', () => {
  it('locale.set switches language at any time, and the wipe returns to Chinese', async () => {
    const s = startSession();
    s.actor.send({ type: 'locale.set', locale: 'en' });
    expect(s.actor.getSnapshot().context.locale).toBe('en');
    s.actor.send({ type: 'session.start' });
    expect(s.actor.getSnapshot().context.locale).toBe('en');
    s.actor.send({ type: 'locale.set', locale: 'zh-CN' });
    expect(s.actor.getSnapshot().context.locale).toBe('zh-CN');
    s.actor.send({ type: 'locale.set', locale: 'en' });
    expect(s.actor.getSnapshot().context.locale).toBe('en');
    s.actor.send({ type: 'session.end' });
    expect(s.actor.getSnapshot().context.locale).toBe('en');
    s.actor.send({ type: 'session.end' });
    expect(s.actor.getSnapshot().context.locale).toBe('zh-CN');
  });

  it('help.request works inside a session too, also while the idle warning shows (and dismisses it)', async () => {
    const s = startSession();
    await s.identified();
    await advance(60_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
    s.actor.send({ type: 'help.request' });
    expect(s.actor.getSnapshot().context.helpRequested).toBe(true);
    expect(s.notifyStaff).toHaveBeenCalledTimes(1);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    s.actor.send({ type: 'help.dismiss' });
    expect(s.actor.getSnapshot().context.helpRequested).toBe(false);
  });

  it('help.request shows the overlay and notifies staff once until dismissed', async () => {
    const s = startSession();
    s.actor.send({ type: 'help.request' });
    expect(s.actor.getSnapshot().context.helpRequested).toBe(true);
    expect(s.notifyStaff).toHaveBeenCalledTimes(1);
    expect(s.notifyStaff).toHaveBeenLastCalledWith({ serviceKey: null, applicationNo: null, reason: 'assistance', detail: null });
    s.actor.send({ type: 'help.request' });
    expect(s.notifyStaff).toHaveBeenCalledTimes(1);
    s.actor.send({ type: 'help.dismiss' });
    expect(s.actor.getSnapshot().context.helpRequested).toBe(false);

    await s.submitted();
    s.printReceipt.last.resolve({ jobId: 'j', state: 'failed', code: 'PRINTER_PAPER_OUT' });
    await settle();
    s.actor.send({ type: 'help.request' });
    expect(s.notifyStaff).toHaveBeenCalledTimes(2);
    expect(s.notifyStaff).toHaveBeenLastCalledWith({
      serviceKey: 'allowance-channel',
      applicationNo: s.actor.getSnapshot().context.application?.applicationNo,
      reason: 'assistance',
      detail: null,
    });
    expect(s.screen()).toBe('receiptPrintFailed');
  });
});

describe('a new card while a session is open', () => {
  it('ends the open session (wipe, release) and identifies the new card from scratch', async () => {
    const s = startSession();
    await s.identified();
    s.actor.send({ type: 'service.select', serviceKey: 'senior-card' });
    expect(s.screen()).toBe('seniorCard');
    s.actor.send({ type: 'card.read', card: cardOf('cardHolder') });
    await settle();
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
    expect(s.screen()).toBe('identifying');
    expect(s.identify.last.input.card).toEqual(cardOf('cardHolder'));
    expect(s.actor.getSnapshot().context.identity).toBeNull();
    expect(runningFlow(s.actor.getSnapshot())).toBeNull();
  });
});

describe('while staff have been called', () => {
  it('holds the idle warning back until the longer help wait limit', async () => {
    const s = startSession({ timing: { idleWarningAfter: 60_000, helpWaitLimit: 300_000 } });
    await s.identified();
    s.actor.send({ type: 'help.request' });
    await advance(120_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    expect(s.screen()).toBe('menu');
    await advance(180_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
  });

  it('counts the usual idle time again once the help overlay is dismissed', async () => {
    const s = startSession({ timing: { idleWarningAfter: 60_000 } });
    await s.identified();
    s.actor.send({ type: 'help.request' });
    await advance(90_000);
    s.actor.send({ type: 'help.dismiss' });
    await advance(59_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(false);
    await advance(1_000);
    expect(isIdleWarning(s.actor.getSnapshot())).toBe(true);
  });
});

describe('refreshing after an application', () => {
  it('falls back to what was known when the refresh fails', async () => {
    const s = startSession();
    await s.submitted();
    s.printReceipt.last.resolve({ jobId: 'j1', state: 'printed' });
    await settle();
    s.actor.send({ type: 'session.more' });
    s.refresh.last.reject(new CodedError('NETWORK_UNREACHABLE'));
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.actor.getSnapshot().context.identity).toEqual(IDENTITY);
  });
});
