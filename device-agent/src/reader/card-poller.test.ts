import { demoResidents } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderSimulator } from '../simulators/reader-simulator';
import { createDuplexPair } from '../transports/duplex-pair';
import { ReaderError } from '../ga467/reader-error';
import { CardPoller, type CardPollerEvent } from './card-poller';
import { Ga467Reader } from './ga467-reader';

const TODAY = '2025-06-15';
const card = demoResidents(TODAY).find((r) => r.key === 'wang-jianguo')!.card;

/** Event types only, with the card for reads and the code for failures. */
function summary(events: CardPollerEvent[]): string[] {
  return events.map((e) =>
    e.type === 'card.read' ? `read:${e.card.name}` : e.type === 'card.failed' ? `failed:${e.code}` : e.type === 'reader.state' ? `state:${e.state}` : e.type,
  );
}

function setup() {
  const [agentEnd, simEnd] = createDuplexPair();
  const simulator = new ReaderSimulator({ today: TODAY });
  simulator.attach(simEnd);
  void agentEnd.open();
  const reader = new Ga467Reader(agentEnd, { commandTimeoutMs: 200, readTimeoutMs: 200 });
  const poller = new CardPoller(reader, { intervalMs: 300 });
  const events: CardPollerEvent[] = [];
  poller.on((e) => events.push(e));
  return { simulator, poller, events, agentEnd, simEnd };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CardPoller', () => {
  it('reports placed → read → removed, once per placement', async () => {
    const { simulator, poller, events } = setup();
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(summary(events)).toEqual(['state:ready']);

    simulator.placeCard(card);
    await vi.advanceTimersByTimeAsync(300);
    expect(summary(events)).toEqual(['state:ready', 'card.placed', 'state:reading', `read:${card.name}`, 'state:card-present']);
    const read = events.find((e) => e.type === 'card.read');
    expect(read).toMatchObject({ card, photo: expect.any(Buffer) });

    // The card stays for ten seconds: it is found again and again but never read twice.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(simulator.commandCount('readText')).toBe(1);
    expect(simulator.commandCount('findCard')).toBeGreaterThan(30);
    expect(events.filter((e) => e.type !== 'reader.state')).toHaveLength(2);

    simulator.removeCard();
    await vi.advanceTimersByTimeAsync(300);
    expect(events.some((e) => e.type === 'card.removed')).toBe(false); // one "no card" is not enough
    await vi.advanceTimersByTimeAsync(300);
    expect(summary(events).slice(-2)).toEqual(['card.removed', 'state:ready']);

    // Put back: read again.
    simulator.placeCard(card);
    await vi.advanceTimersByTimeAsync(300);
    expect(simulator.commandCount('readText')).toBe(2);
    await poller.stop();
  });

  it('a single "no card" glitch while the card stays is not a removal', async () => {
    const { simulator, poller, events } = setup();
    simulator.placeCard(card);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    simulator.removeCard();
    await vi.advanceTimersByTimeAsync(300);
    simulator.placeCard(card);
    await vi.advanceTimersByTimeAsync(3000);
    expect(events.filter((e) => e.type === 'card.removed')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'card.read')).toHaveLength(1);
    await poller.stop();
  });

  it('retries a failed read (41) after 100 ms and succeeds', async () => {
    const { simulator, poller, events } = setup();
    simulator.failNextReads(1);
    simulator.placeCard(card);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(simulator.commandCount('readText')).toBe(1);
    expect(summary(events)).not.toContain(`read:${card.name}`);
    await vi.advanceTimersByTimeAsync(100);
    expect(summary(events)).toContain(`read:${card.name}`);
    expect(simulator.commandCount('readText')).toBe(2);
    expect(simulator.commandCount('selectCard')).toBe(2);
    await poller.stop();
  });

  it('backs off 100, 200, 400 ms between select+read attempts, then reports failed and waits for the card to come off', async () => {
    const { simulator, poller, events } = setup();
    const readsAt: number[] = [];
    const start = Date.now();
    simulator.onExchange((x) => x.command === 'readText' && readsAt.push(Date.now() - start));
    simulator.failNextReads(4);
    simulator.placeCard(card);
    poller.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(readsAt).toEqual([0, 100, 300, 700]);
    expect(simulator.commandCount('selectCard')).toBe(4);
    expect(summary(events)).toEqual(['state:ready', 'card.placed', 'state:reading', 'failed:READER_READ_FAILED', 'state:card-present']);
    // The same card lying there is never read again.
    await vi.advanceTimersByTimeAsync(5000);
    expect(simulator.commandCount('readText')).toBe(4);
    simulator.removeCard();
    await vi.advanceTimersByTimeAsync(600);
    simulator.placeCard(card);
    await vi.advanceTimersByTimeAsync(300);
    expect(summary(events)).toContain(`read:${card.name}`);
    await poller.stop();
  });

  it.each([0x31, 0x32, 0x33])('retries authentication and verification failures (%s) too', async (sw3) => {
    const { simulator, poller, events } = setup();
    simulator.setFaults([{ kind: 'read-failure', times: 2, sw3 }]);
    simulator.placeCard(card);
    poller.start();
    await vi.advanceTimersByTimeAsync(400);
    expect(simulator.commandCount('readText')).toBe(3);
    expect(summary(events)).toContain(`read:${card.name}`);
    await poller.stop();
  });

  it.each([
    [0x40, 'READER_UNKNOWN_CARD_TYPE'],
    [0x47, 'READER_RANDOM_FAILED'],
  ])('does not retry %s: it reports %s at once', async (sw3, code) => {
    const { simulator, poller, events } = setup();
    simulator.setFaults([{ kind: 'read-failure', times: 1, sw3 }]);
    simulator.placeCard(card);
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(simulator.commandCount('readText')).toBe(1);
    expect(summary(events)).toContain(`failed:${code}`);
    await poller.stop();
  });

  it('adds the extra address to the card read', async () => {
    const { simulator, poller, events } = setup();
    simulator.placeCard({ ...card, extraAddress: '上海市徐汇区漕溪北路100号' });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(events.find((e) => e.type === 'card.read')).toMatchObject({ card: { ...card, extraAddress: '上海市徐汇区漕溪北路100号' } });
    expect(simulator.commandCount('readExtraAddress')).toBe(1);
    await poller.stop();
  });

  it('skips the extra address when told to, and keeps the card read when reading it fails', async () => {
    const photo = Buffer.alloc(1024, 7);
    let extraCalls = 0;
    const source = {
      findCard: async () => true,
      selectCard: async () => {},
      readCard: async () => ({ card, photo }),
      readExtraAddress: async (): Promise<string | null> => {
        extraCalls++;
        throw new ReaderError('READER_TIMEOUT', 'no reply to command 30 03');
      },
    };
    for (const readExtraAddress of [true, false]) {
      const poller = new CardPoller(source, { readExtraAddress });
      const events: CardPollerEvent[] = [];
      poller.on((e) => events.push(e));
      poller.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(events.find((e) => e.type === 'card.read')).toEqual({ type: 'card.read', card, photo });
      await poller.stop();
    }
    expect(extraCalls).toBe(1);
  });

  it('goes offline when the reader stops answering and comes back', async () => {
    const { simulator, poller, events, simEnd } = setup();
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await simEnd.close(); // the reader end goes silent: bytes are no longer delivered to it
    await vi.advanceTimersByTimeAsync(600);
    expect(poller.state).toBe('offline');
    expect(poller.error).toBe('READER_TIMEOUT');
    await simEnd.open();
    simulator.attach(simEnd);
    await vi.advanceTimersByTimeAsync(600);
    expect(poller.state).toBe('ready');
    expect(summary(events)).toEqual(['state:ready', 'state:offline', 'state:ready']);
    await poller.stop();
  });

  it('reports a SAM that fails its self-test as fault', async () => {
    const { simulator, poller } = setup();
    simulator.setSelfTestFailed(true);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.state).toBe('fault');
    expect(poller.error).toBe('READER_SAM_SELF_TEST_FAILED');
    await poller.stop();
  });

  it('validates its options', () => {
    const source = { findCard: async () => false, selectCard: async () => {}, readCard: async () => ({ card, photo: Buffer.alloc(0) }) };
    expect(() => new CardPoller(source, { intervalMs: 0 })).toThrow(RangeError);
    expect(() => new CardPoller(source, { absentPollsToRemove: 0 })).toThrow(RangeError);
    expect(() => new CardPoller(source, { readRetries: -1 })).toThrow(RangeError);
    expect(() => new CardPoller(source, { retryBackoffMs: -5 })).toThrow(RangeError);
  });
});
