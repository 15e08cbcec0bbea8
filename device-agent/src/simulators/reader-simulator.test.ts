import { demoResidents, type IdCardData } from '@eldercare/domain';
import { Value } from 'typebox/value';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeCommand, parseReply } from '../ga467/ga467-frame';
import { splitFrames } from '../ga467/ga467-frame-splitter';
import { Ga467Reader } from '../reader/ga467-reader';
import { createDuplexPair } from '../transports/duplex-pair';
import { ReaderFaultSchema, ReaderSimulator, type ReaderFault } from './reader-simulator';

const TODAY = '2025-06-15';
const residents = demoResidents(TODAY);
const li = residents.find((r) => r.key === 'li-xiuying')!.card;

/** A simulator on one end of a pair; the test end collects every chunk it receives. */
async function rawSetup(options: ConstructorParameters<typeof ReaderSimulator>[0] = {}) {
  const [testEnd, simEnd] = createDuplexPair();
  await testEnd.open();
  const simulator = new ReaderSimulator({ today: TODAY, ...options });
  simulator.attach(simEnd);
  const chunks: Buffer[] = [];
  testEnd.onData((chunk) => chunks.push(chunk));
  const send = async (cmd: number, para: number) => {
    await testEnd.write(encodeCommand(cmd, para));
    await vi.advanceTimersByTimeAsync(0);
  };
  const received = () => Buffer.concat(chunks);
  return { simulator, send, chunks, received, testEnd };
}

function readerSetup() {
  const [agentEnd, simEnd] = createDuplexPair();
  const simulator = new ReaderSimulator({ today: TODAY });
  simulator.attach(simEnd);
  void agentEnd.open();
  return { simulator, reader: new Ga467Reader(agentEnd, { commandTimeoutMs: 200, readTimeoutMs: 200 }) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ReaderSimulator cards', () => {
  it.each(residents.map((r) => [r.key, r.card.cardType] as const))('serves demo card %s (%s) in its own layout', async (key) => {
    const { simulator, reader } = readerSetup();
    const card = simulator.placeDemoCard(key);
    await reader.findCard();
    await reader.selectCard();
    expect((await reader.readCard()).card).toEqual(card);
  });

  it('places an arbitrary card and answers 30 03 with its extra address', async () => {
    const { simulator, reader } = readerSetup();
    const card: IdCardData = { ...li, extraAddress: '上海市长宁区天山路345弄12号301室（迁入）' };
    simulator.placeCard(card);
    await reader.findCard();
    await reader.selectCard();
    const { extraAddress, ...printed } = card;
    expect((await reader.readCard()).card).toEqual(printed);
    expect(await reader.readExtraAddress()).toBe(extraAddress);
    simulator.placeCard(li);
    await reader.selectCard();
    expect(await reader.readExtraAddress()).toBeNull();
  });
});

describe('ReaderSimulator faults', () => {
  it('no-card: find card answers 80 while a card lies there', async () => {
    const { simulator, reader } = readerSetup();
    simulator.placeCard(li);
    simulator.setFaults([{ kind: 'no-card' }]);
    expect(await reader.findCard()).toBe(false);
    simulator.clearFaults();
    expect(await reader.findCard()).toBe(true);
  });

  it('read-failure: the next reads answer 41, or the given status, then read again', async () => {
    const { simulator, reader } = readerSetup();
    simulator.placeCard(li);
    await reader.selectCard();
    simulator.setFaults([{ kind: 'read-failure', times: 2, sw3: 0x33 }]);
    await expect(reader.readCard()).rejects.toMatchObject({ sw3: 0x33 });
    await expect(reader.readCard()).rejects.toMatchObject({ sw3: 0x33 });
    await expect(reader.readCard()).resolves.toMatchObject({ card: li });
    simulator.setFaults([{ kind: 'read-failure', times: 1 }]);
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'READER_READ_FAILED', sw3: 0x41 });
  });

  it('bad-checksum: the next replies carry a wrong XOR byte and the splitter drops them', async () => {
    vi.useFakeTimers();
    const { simulator, send, received } = await rawSetup();
    simulator.setFaults([{ kind: 'bad-checksum', times: 2 }]);
    await send(0x11, 0xff);
    await send(0x11, 0xff);
    await send(0x11, 0xff);
    const result = splitFrames(received());
    expect(result.frames).toHaveLength(1);
    expect(result.rejections.filter((r) => r.reason === 'checksum')).toHaveLength(2);
  });

  it('garbage: noise before every reply, and the reply after it still parses', async () => {
    vi.useFakeTimers();
    const { simulator, send, received } = await rawSetup();
    simulator.setFaults([{ kind: 'garbage', bytes: 37 }]);
    await send(0x11, 0xff);
    await send(0x12, 0xff);
    const { frames } = splitFrames(received());
    expect(received().length).toBe(2 * 37 + frames.reduce((n, f) => n + f.length, 0));
    expect(frames.map((f) => parseReply(f).sw3)).toEqual([0x90, 0x90]);
  });

  it('split: a reply arrives one byte per write', async () => {
    vi.useFakeTimers();
    const { simulator, send, chunks, received } = await rawSetup();
    simulator.setFaults([{ kind: 'split' }]);
    await send(0x12, 0xff);
    expect(chunks.length).toBe(received().length);
    expect(chunks.every((c) => c.length === 1)).toBe(true);
    expect(parseReply(received()).data).toHaveLength(16);
  });

  it('slow: replies go out late; silent: none go out', async () => {
    vi.useFakeTimers();
    const { simulator, send, received } = await rawSetup();
    simulator.setFaults([{ kind: 'slow', delayMs: 700 }]);
    await send(0x11, 0xff);
    await vi.advanceTimersByTimeAsync(699);
    expect(received()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(splitFrames(received()).frames).toHaveLength(1);

    simulator.setFaults([{ kind: 'silent' }]);
    const before = received().length;
    await send(0x11, 0xff);
    await vi.advanceTimersByTimeAsync(5000);
    expect(received().length).toBe(before);
    expect(simulator.commandCount('status')).toBe(1);
  });

  it('combines faults, and a reader still gets through a split, noisy line', async () => {
    const { simulator, reader } = readerSetup();
    simulator.placeCard(li);
    simulator.setFaults([{ kind: 'split' }, { kind: 'garbage', bytes: 5 }]);
    await reader.selectCard();
    expect((await reader.readCard()).card).toEqual(li);
  });

  it('ReaderFaultSchema accepts exactly the fault shapes', () => {
    const good: ReaderFault[] = [
      { kind: 'no-card' },
      { kind: 'read-failure', times: 3 },
      { kind: 'read-failure', times: 1, sw3: 0x31 },
      { kind: 'bad-checksum', times: 1 },
      { kind: 'garbage', bytes: 12 },
      { kind: 'split' },
      { kind: 'slow', delayMs: 250 },
      { kind: 'silent' },
    ];
    for (const fault of good) expect(Value.Check(ReaderFaultSchema, fault)).toBe(true);
    for (const bad of [{ kind: 'melt' }, { kind: 'read-failure' }, { kind: 'garbage', bytes: 0 }, { kind: 'split', extra: 1 }, { kind: 'read-failure', times: 1, sw3: 300 }]) {
      expect(Value.Check(ReaderFaultSchema, bad)).toBe(false);
    }
  });
});
