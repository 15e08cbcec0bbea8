import { demoResidents } from '@eldercare/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeReply } from '../ga467/ga467-frame';
import { ReaderSimulator } from '../simulators/reader-simulator';
import { createDuplexPair } from '../transports/duplex-pair';
import { Ga467Reader } from './ga467-reader';

const TODAY = '2025-06-15';
const card = demoResidents(TODAY).find((r) => r.key === 'zhang-guihua')!.card;

function setup() {
  const [agentEnd, simEnd] = createDuplexPair();
  const simulator = new ReaderSimulator({ today: TODAY, samId: '05.01-20201218-0000001234-0000004321' });
  simulator.attach(simEnd);
  void agentEnd.open();
  const reader = new Ga467Reader(agentEnd);
  return { reader, simulator, agentEnd, simEnd };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Ga467Reader against the simulator (duplex pair)', () => {
  it('resets, reports status and the SAM id', async () => {
    const { reader } = setup();
    await reader.reset();
    await reader.status();
    expect(await reader.samId()).toBe('05.01-20201218-0000001234-0000004321');
  });

  it('finds, selects and reads a card', async () => {
    const { reader, simulator } = setup();
    expect(await reader.findCard()).toBe(false);
    simulator.placeCard(card);
    expect(await reader.findCard()).toBe(true);
    await reader.selectCard();
    const read = await reader.readCard();
    expect(read.card).toEqual(card);
    expect(read.photo).toHaveLength(1024);
  });

  it('reads with fingerprint (length 0) and reports no extra address', async () => {
    const { reader, simulator } = setup();
    simulator.placeCard(card);
    await reader.findCard();
    await reader.selectCard();
    const read = await reader.readCardWithFingerprint();
    expect(read.card).toEqual(card);
    expect(read.fingerprint).toHaveLength(0);
    expect(await reader.readExtraAddress()).toBeNull();
  });

  it('maps SAM status words to typed errors', async () => {
    const { reader, simulator } = setup();
    await expect(reader.selectCard()).rejects.toMatchObject({ code: 'READER_SELECT_FAILED', sw3: 0x81 });
    await expect(reader.readCard()).rejects.toMatchObject({ code: 'READER_READ_FAILED', sw3: 0x41 });
    await expect(reader.transact([0x77, 0x01])).resolves.toMatchObject({ sw3: 0x21 });
    simulator.setSelfTestFailed(true);
    await expect(reader.status()).rejects.toMatchObject({ code: 'READER_SAM_SELF_TEST_FAILED' });
  });

  it('serialises concurrent commands', async () => {
    const { reader, simulator } = setup();
    simulator.placeCard(card);
    const results = await Promise.all([reader.findCard(), reader.selectCard(), reader.readCard(), reader.samId()]);
    expect(results[0]).toBe(true);
    expect(results[2]).toMatchObject({ card });
  });

  it('resends a command once when the SAM saw it corrupted (SW3 10)', async () => {
    const [agentEnd, deviceEnd] = createDuplexPair();
    await agentEnd.open();
    await deviceEnd.open();
    let received = 0;
    deviceEnd.onData(() => {
      received++;
      void deviceEnd.write(received === 1 ? encodeReply(0x10) : encodeReply(0x9f, Buffer.alloc(4)));
    });
    expect(await new Ga467Reader(agentEnd).findCard()).toBe(true);
    expect(received).toBe(2);
  });

  it('times out when the device never answers, and recovers for the next command', async () => {
    vi.useFakeTimers();
    const [agentEnd, deviceEnd] = createDuplexPair();
    await agentEnd.open();
    await deviceEnd.open();
    const reader = new Ga467Reader(agentEnd, { commandTimeoutMs: 500 });
    const silent = reader.findCard();
    const assertion = expect(silent).rejects.toMatchObject({ code: 'READER_TIMEOUT' });
    await vi.advanceTimersByTimeAsync(500);
    await assertion;
    // A late, partial answer to the abandoned command must not confuse the next one.
    await deviceEnd.write(encodeReply(0x9f, Buffer.alloc(4)).subarray(0, 6));
    await vi.advanceTimersByTimeAsync(0);
    const next = reader.findCard();
    await vi.advanceTimersByTimeAsync(0);
    await deviceEnd.write(encodeReply(0x80));
    await expect(next).resolves.toBe(false);
  });

  it('fails the command in flight when the link closes', async () => {
    const [agentEnd, deviceEnd] = createDuplexPair();
    await agentEnd.open();
    await deviceEnd.open();
    const reader = new Ga467Reader(agentEnd);
    const pending = reader.findCard();
    await agentEnd.close();
    await expect(pending).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
    await expect(reader.findCard()).rejects.toMatchObject({ code: 'READER_DISCONNECTED' });
  });
});
