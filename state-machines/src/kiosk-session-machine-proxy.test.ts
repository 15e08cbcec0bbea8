import type { ApplicationView, IdentifyResponse, PrintResult, ScanPayload } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, createMachine, type AnyStateMachine } from 'xstate';
import { allowanceChannelFlow } from './allowance-channel-flow';
import {
  kioskScreen,
  kioskSessionMachine,
  type IdentifyInput,
  type KioskSessionTiming,
  type PrintReceiptInput,
} from './kiosk-session-machine';
import { seniorCardFlow } from './senior-card-flow';
import { flowActorName, SERVICE_FLOWS } from './service-flows';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { cardOf, identityOf } from './testing/fixtures';

/** 代办 (proxy) and scans on the welcome screen. */

const APPLICANT_CARD = cardOf('tooYoung');
const APPLICANT = identityOf('tooYoung');
const SENIOR_CARD = cardOf('firstTimer');
const SENIOR = identityOf('firstTimer');
const TIMING: Partial<KioskSessionTiming> = { scanNoticeDuration: 7_000 };

function startSession(extraActors: Record<string, AnyStateMachine> = {}) {
  const identify = controllableActor<IdentifyResponse, IdentifyInput>();
  const printReceipt = controllableActor<PrintResult, PrintReceiptInput>();
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const releaseCard = vi.fn();
  const machine = kioskSessionMachine.provide({
    actors: {
      identify: identify.logic,
      printReceipt: printReceipt.logic,
      allowanceChannelFlow: allowanceChannelFlow.provide({ actors: { submitApplication: submit.logic } }),
      seniorCardFlow: seniorCardFlow.provide({ actors: { submitApplication: submit.logic } }),
      ...extraActors,
    },
    actions: { releaseCard: () => releaseCard() },
  });
  const actor = createActor(machine, { input: { timing: TIMING } });
  actor.start();
  const screen = () => kioskScreen(actor.getSnapshot());
  const context = () => actor.getSnapshot().context;

  /** The applicant identified, 为他人代办 tapped. */
  async function proxyStarted() {
    actor.send({ type: 'card.read', card: APPLICANT_CARD });
    identify.last.resolve(APPLICANT);
    await settle();
    actor.send({ type: 'proxy.start' });
  }
  /** The senior's card read and identified. */
  async function seniorIdentified(senior: IdentifyResponse = SENIOR) {
    actor.send({ type: 'card.placed' });
    actor.send({ type: 'card.read', card: SENIOR_CARD });
    identify.last.resolve(senior);
    await settle();
  }
  /** The whole set-up: the senior's menu with the applicant as proxy. */
  async function proxying() {
    await proxyStarted();
    await seniorIdentified();
    actor.send({ type: 'proxy.relationship', relationship: 'child' });
    actor.send({ type: 'proxy.confirm' });
  }
  return { actor, screen, context, identify, submit, releaseCard, proxyStarted, seniorIdentified, proxying };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('代办: someone applies for a senior', () => {
  it('reads and identifies the senior’s card, asks the relationship and the senior’s consent, then shows the senior’s menu', async () => {
    const s = startSession();
    await s.proxyStarted();
    expect(s.screen()).toBe('proxyWaitingForCard');
    s.actor.send({ type: 'card.placed' });
    expect(s.screen()).toBe('proxyReading');
    s.actor.send({ type: 'card.read', card: SENIOR_CARD });
    expect(s.screen()).toBe('proxyIdentifying');
    expect(s.identify.last.input).toEqual({ card: SENIOR_CARD });
    s.identify.last.resolve(SENIOR);
    await settle();
    expect(s.screen()).toBe('proxyRelationship');
    // Until the senior agrees, the menu is still the applicant's.
    expect(s.context().identity).toEqual(APPLICANT);
    s.actor.send({ type: 'proxy.relationship', relationship: 'spouse' });
    expect(s.screen()).toBe('proxyConsent');
    s.actor.send({ type: 'proxy.back' });
    expect(s.screen()).toBe('proxyRelationship');
    s.actor.send({ type: 'proxy.relationship', relationship: 'child' });
    s.actor.send({ type: 'proxy.confirm' });
    expect(s.screen()).toBe('menu');
    expect(s.context()).toMatchObject({
      identity: SENIOR,
      applicant: APPLICANT,
      proxy: { identifyToken: APPLICANT.identifyToken, relationship: 'child', consent: true },
      proxySenior: null,
      proxyRelationship: null,
    });
    // The card data of neither is kept.
    const json = JSON.stringify(s.context());
    for (const card of [APPLICANT_CARD, SENIOR_CARD]) {
      expect(json).not.toContain(card.idNumber);
      expect(json).not.toContain(card.name);
    }
    // 为他人代办 is not offered again while acting for someone.
    s.actor.send({ type: 'proxy.start' });
    expect(s.screen()).toBe('menu');
  });

  it('a flow gets the senior as identity and the applicant as proxy in its input', async () => {
    let input: unknown = null;
    const capture = createMachine({
      context: ({ input: i }: { input: unknown }) => ((input = i), {}),
      initial: 'open',
      states: { open: { on: { 'flow.cancel': 'done' } }, done: { type: 'final' } },
      output: { kind: 'back' },
    });
    const s = startSession({ allowanceChannelFlow: capture as AnyStateMachine });
    await s.proxying();
    s.actor.send({ type: 'service.select', serviceKey: 'allowance-channel' });
    expect(input).toEqual({
      identity: SENIOR,
      proxy: { identifyToken: APPLICANT.identifyToken, relationship: 'child', consent: true },
      centreId: null,
    });
    s.actor.send({ type: 'flow.cancel' });
    await settle();
    expect(s.screen()).toBe('menu');
    expect(s.context().applicant).toEqual(APPLICANT);
  });

  it('the applicant’s own card again is refused with its own screen, then the senior’s card is taken', async () => {
    const s = startSession();
    await s.proxyStarted();
    await s.seniorIdentified({ ...APPLICANT, identifyToken: 'another-token-for-the-same-person' });
    expect(s.screen()).toBe('proxySameCard');
    expect(s.context().proxySenior).toBeNull();
    await s.seniorIdentified();
    expect(s.screen()).toBe('proxyRelationship');
  });

  it('cancel at any step returns to the applicant’s menu with nothing of the senior left', async () => {
    const s = startSession();
    const steps = [
      async () => {},
      async () => s.actor.send({ type: 'card.placed' }),
      async () => s.seniorIdentified(),
      async () => {
        await s.seniorIdentified();
        s.actor.send({ type: 'proxy.relationship', relationship: 'relative' });
      },
    ];
    await s.proxyStarted();
    for (const step of steps) {
      if (s.screen() === 'menu') s.actor.send({ type: 'proxy.start' });
      await step();
      s.actor.send({ type: 'proxy.cancel' });
      expect(s.screen()).toBe('menu');
      expect(s.context()).toMatchObject({ identity: APPLICANT, applicant: null, proxy: null, proxySenior: null, proxyRelationship: null });
    }
  });

  it('a failed read and a failed identify of the senior’s card ask again; the session stays the applicant’s', async () => {
    const s = startSession();
    await s.proxyStarted();
    s.actor.send({ type: 'card.placed' });
    s.actor.send({ type: 'card.failed', code: 'CARD_MOVED' });
    expect(s.screen()).toBe('proxyReadFailed');
    expect(s.context().cardErrorCode).toBe('CARD_MOVED');
    s.actor.send({ type: 'card.placed' });
    s.actor.send({ type: 'card.read', card: SENIOR_CARD });
    s.identify.last.reject(new CodedError('INVALID_ID_NUMBER'));
    await settle();
    expect(s.screen()).toBe('proxyIdentifyFailed');
    expect(s.context().identifyErrorCode).toBe('INVALID_ID_NUMBER');
    expect(s.releaseCard).not.toHaveBeenCalled();
    s.actor.send({ type: 'session.retry' });
    expect(s.screen()).toBe('proxyWaitingForCard');
  });

  it('结束代办 gives the applicant their own menu back; the wipe clears both people', async () => {
    const s = startSession();
    await s.proxying();
    s.actor.send({ type: 'proxy.end' });
    expect(s.context()).toMatchObject({ identity: APPLICANT, applicant: null, proxy: null });
    s.actor.send({ type: 'proxy.start' });
    await s.seniorIdentified();
    s.actor.send({ type: 'proxy.relationship', relationship: 'child' });
    s.actor.send({ type: 'proxy.confirm' });
    s.actor.send({ type: 'session.end' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.screen()).toBe('attract');
    expect(s.context()).toMatchObject({ identity: null, applicant: null, proxy: null, proxySenior: null });
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
  });
});

describe('the menu’s pages', () => {
  it('group buttons switch the page; a new session, 代办 and 办理其他事项 start on the first page', async () => {
    const s = startSession();
    await s.proxyStarted();
    s.actor.send({ type: 'proxy.cancel' });
    s.actor.send({ type: 'menu.page', page: 'apply' });
    expect(s.context().menuPage).toBe('apply');
    s.actor.send({ type: 'service.select', serviceKey: 'senior-card' });
    s.actor.send({ type: 'flow.cancel' });
    await settle();
    // Back from a service: the page the person came from.
    expect(s.screen()).toBe('menu');
    expect(s.context().menuPage).toBe('apply');
    s.actor.send({ type: 'proxy.start' });
    await s.seniorIdentified();
    s.actor.send({ type: 'proxy.relationship', relationship: 'child' });
    s.actor.send({ type: 'proxy.confirm' });
    expect(s.context().menuPage).toBe('home');
  });
});

describe('a scan on the welcome screen', () => {
  const cases: [string, ScanPayload, unknown][] = [
    ['a queue ticket: its number and where to wait', { kind: 'queue-ticket', centreId: 'CN-XINJING', date: '2026-06-01', ticketNo: 'A012' }, { kind: 'queue-ticket', ticketNo: 'A012' }],
    ['a personal code: not taken here (the token is kept nowhere)', { kind: 'suishenma', token: 'AbCdEfGhIjKlMnOpQrSt' }, { kind: 'personal-code' }],
    ['a receipt without its check code: put the ID card down', { kind: 'application', applicationNo: 'YL20260601000123' }, { kind: 'receipt-needs-card' }],
  ];
  it.each(cases)('explains %s, then returns to the welcome screen by itself', async (_, scan, notice) => {
    const s = startSession();
    s.actor.send({ type: 'scan.read', scan });
    expect(s.screen()).toBe('scanNotice');
    expect(s.context().scanNotice).toEqual(notice);
    expect(JSON.stringify(s.context())).not.toContain('AbCdEfGhIjKlMnOpQrSt');
    await vi.advanceTimersByTimeAsync(7_000);
    expect(s.screen()).toBe('attract');
    expect(s.context().scanNotice).toBeNull();
  });

  it('a rejected scan says it is none of ours; a card put down meanwhile starts the session', async () => {
    const s = startSession();
    s.actor.send({ type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' });
    expect(s.context().scanNotice).toEqual({ kind: 'rejected' });
    s.actor.send({ type: 'card.read', card: SENIOR_CARD });
    expect(s.screen()).toBe('identifying');
    expect(s.context().scanNotice).toBeNull();
  });

  const RECEIPT: ScanPayload = { kind: 'application', applicationNo: 'YL20260601000123', receiptCode: 'YL20260601000123-7KQ2M9XWHD' } as ScanPayload;

  it('a receipt with its check code opens the progress flow for nobody; back ends at the welcome screen', async () => {
    let input: unknown = null;
    const stand = createMachine({
      initial: 'showing',
      context: ({ input: i }: { input: unknown }) => ((input = i), {}),
      states: { showing: { on: { 'flow.cancel': 'done' } }, done: { type: 'final' } },
      output: { kind: 'back' },
    });
    const s = startSession({ [flowActorName('progress')]: stand as AnyStateMachine });
    s.actor.send({ type: 'scan.read', scan: RECEIPT });
    expect(s.screen()).toBe(SERVICE_FLOWS.progress.state);
    expect(input).toMatchObject({ identity: null, receiptCode: 'YL20260601000123-7KQ2M9XWHD', proxy: null });
    s.actor.send({ type: 'flow.cancel' });
    await settle();
    expect(s.screen()).toBe('attract');
    expect(s.context().receiptCode).toBeNull();
    expect(s.releaseCard).toHaveBeenCalledTimes(1);
  });
});
