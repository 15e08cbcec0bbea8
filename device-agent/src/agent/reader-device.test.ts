import { demoResidents, type ReaderStatus } from '@eldercare/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardPollerEvent } from '../reader/card-poller';
import { ReaderSimulator } from '../simulators/reader-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { createDuplexPair } from '../transports/duplex-pair';
import { TransportOpenFailedError } from '../transports/transport-errors';
import { TransportListeners } from '../transports/transport-listeners';
import { ReaderDevice, type ReaderDeviceOptions } from './reader-device';

const TODAY = '2025-06-15';
const residents = demoResidents(TODAY);
const wang = residents.find((r) => r.key === 'wang-jianguo')!.card;
const ADDRESS = 'serial:/dev/ttyUSB0?baud=115200';

/**
 * A USB-serial adapter that can be pulled out: unplug() closes the link with an error, as
 * serialport does, and open() fails until replug().
 */
function unpluggableLink() {
  const [inner, simEnd] = createDuplexPair(ADDRESS);
  const listeners = new TransportListeners();
  inner.onData((chunk) => listeners.emitData(chunk));
  let plugged = true;
  const transport: ByteTransport = {
    address: ADDRESS,
    get isOpen() {
      return inner.isOpen;
    },
    async open() {
      if (!plugged) throw new TransportOpenFailedError(ADDRESS, 'No such file or directory');
      await inner.open();
    },
    write: (data) => inner.write(data),
    onData: (listener) => listeners.onData(listener),
    onClose: (listener) => listeners.onClose(listener),
    async close() {
      if (!inner.isOpen) return;
      await inner.close();
      listeners.emitClose();
    },
  };
  return {
    transport,
    simEnd,
    async unplug() {
      plugged = false;
      await inner.close();
      listeners.emitClose(new Error('/dev/ttyUSB0 has gone (device unplugged?)'));
    },
    replug() {
      plugged = true;
    },
  };
}

function setup(options: ReaderDeviceOptions = {}) {
  const link = unpluggableLink();
  const simulator = new ReaderSimulator({ today: TODAY });
  simulator.attach(link.simEnd);
  const device = new ReaderDevice(ADDRESS, link.transport, { reconnectMs: 500, ...options });
  const events: CardPollerEvent[] = [];
  device.on((e) => events.push(e));
  const states = () => events.flatMap((e) => (e.type === 'reader.state' ? [`${e.state}${e.error ? `:${e.error}` : ''}`] : []));
  return { link, simulator, device, events, states };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ReaderDevice start-up', () => {
  it('resets the SAM, checks its status and reads its id before polling', async () => {
    const { simulator, device, states } = setup();
    const order: string[] = [];
    simulator.onExchange((x) => order.push(x.command));
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(order.slice(0, 4)).toEqual(['reset', 'status', 'samId', 'findCard']);
    expect(device.status).toEqual<ReaderStatus>({ address: ADDRESS, state: 'ready', samId: '05.01-20201218-0000001234-0000004321', samHealthy: true });
    expect(states()).toEqual(['ready']);
    await device.close();
  });

  it('a SAM failing its self-test is a fault with samHealthy false, retried until it recovers', async () => {
    const { simulator, device, states } = setup();
    simulator.setSelfTestFailed(true);
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(device.status).toMatchObject({ state: 'fault', samHealthy: false, lastError: 'READER_SAM_SELF_TEST_FAILED' });
    expect(simulator.commandCount('findCard')).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(simulator.commandCount('reset')).toBe(2);
    simulator.setSelfTestFailed(false);
    await vi.advanceTimersByTimeAsync(510);
    expect(device.status).toMatchObject({ state: 'ready', samHealthy: true });
    expect(states()).toEqual(['fault:READER_SAM_SELF_TEST_FAILED', 'ready']);
    await device.close();
  });

  it('a SAM that starts failing while polling is a fault until its checks pass again', async () => {
    const { simulator, device, states } = setup();
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    simulator.setSelfTestFailed(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(device.status).toMatchObject({ state: 'fault', samHealthy: false, lastError: 'READER_SAM_SELF_TEST_FAILED' });
    simulator.setSelfTestFailed(false);
    await vi.advanceTimersByTimeAsync(510);
    expect(device.status).toMatchObject({ state: 'ready', samHealthy: true });
    expect(states()).toEqual(['ready', 'fault:READER_SAM_SELF_TEST_FAILED', 'ready']);
    await device.close();
  });

  it('an adapter missing at start-up is offline and opened once it appears', async () => {
    const { link, device } = setup();
    await link.unplug();
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(device.status).toMatchObject({ state: 'offline', lastError: 'TRANSPORT_OPEN_FAILED' });
    link.replug();
    await vi.advanceTimersByTimeAsync(510);
    expect(device.status.state).toBe('ready');
    await device.close();
  });
});

describe('ReaderDevice unplug and replug', () => {
  it('goes offline at once when the link closes with an error, reopens every reconnectMs, re-checks the SAM and reads again', async () => {
    const { link, simulator, device, events, states } = setup();
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    await link.unplug();
    await vi.advanceTimersByTimeAsync(0);
    expect(device.status).toMatchObject({ state: 'offline', lastError: 'READER_DISCONNECTED' });

    // Still unplugged: each attempt fails, nothing is sent, the agent keeps running.
    const findsWhileOut = simulator.commandCount('findCard');
    await vi.advanceTimersByTimeAsync(2000);
    expect(device.status).toMatchObject({ state: 'offline', lastError: 'TRANSPORT_OPEN_FAILED' });
    expect(simulator.commandCount('findCard')).toBe(findsWhileOut);

    link.replug();
    await vi.advanceTimersByTimeAsync(510);
    expect(device.status.state).toBe('ready');
    expect(simulator.commandCount('reset')).toBe(2);
    expect(simulator.commandCount('status')).toBe(2);
    expect(simulator.commandCount('samId')).toBe(2);
    expect(states()).toEqual(['ready', 'offline:READER_DISCONNECTED', 'offline:TRANSPORT_OPEN_FAILED', 'ready']);

    simulator.placeCard(wang);
    await vi.advanceTimersByTimeAsync(300);
    expect(events.find((e) => e.type === 'card.read')).toMatchObject({ card: wang });
    await device.close();
  });

  it('a reader gone silent is offline within 2 s (poll interval + command timeout) and comes back when it answers', async () => {
    const { simulator, device, states } = setup();
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    simulator.setFaults([{ kind: 'silent' }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(device.status).toMatchObject({ state: 'offline', lastError: 'READER_TIMEOUT' });

    // While silent, each reconnect attempt re-runs the SAM checks and times out again.
    await vi.advanceTimersByTimeAsync(3000);
    expect(device.status.state).toBe('offline');
    simulator.clearFaults();
    await vi.advanceTimersByTimeAsync(2000);
    expect(device.status.state).toBe('ready');
    expect(simulator.commandCount('reset')).toBe(2);
    expect(states()[0]).toBe('ready');
    expect(states().at(-1)).toBe('ready');
    expect(states()).toContain('offline:READER_TIMEOUT');
    await device.close();
  });

  it('a card lying on the reader across an unplug is not read twice', async () => {
    const { link, simulator, device, events } = setup();
    simulator.placeCard(wang);
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    await link.unplug();
    link.replug();
    await vi.advanceTimersByTimeAsync(3000);
    expect(device.status.state).toBe('card-present');
    expect(events.filter((e) => e.type === 'card.read')).toHaveLength(1);
    simulator.removeCard();
    await vi.advanceTimersByTimeAsync(600);
    simulator.placeCard(wang);
    await vi.advanceTimersByTimeAsync(300);
    expect(events.filter((e) => e.type === 'card.read')).toHaveLength(2);
    await device.close();
  });
});

describe('ReaderDevice diagnostics and reads', () => {
  it('diagnose() runs the SAM checks on demand and keeps samHealthy in the status', async () => {
    const { simulator, device, events } = setup();
    device.start();
    await vi.advanceTimersByTimeAsync(0);
    await expect(device.diagnose()).resolves.toEqual({ samId: '05.01-20201218-0000001234-0000004321', samHealthy: true });
    expect(simulator.commandCount('reset')).toBe(2);

    simulator.setSelfTestFailed(true);
    const diagnosis = device.diagnose();
    await vi.advanceTimersByTimeAsync(0);
    await expect(diagnosis).resolves.toEqual({ samId: '05.01-20201218-0000001234-0000004321', samHealthy: false, error: 'READER_SAM_SELF_TEST_FAILED' });
    expect(device.status.samHealthy).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'reader.state' });
    await device.close();
    await expect(device.diagnose()).resolves.toMatchObject({ samHealthy: false, error: expect.any(String) });
  });

  it('puts the extra address into the card read, unless told not to read it', async () => {
    for (const readExtraAddress of [true, false]) {
      const { simulator, device, events } = setup({ readExtraAddress });
      simulator.placeCard({ ...wang, extraAddress: '上海市徐汇区漕溪北路100号' });
      device.start();
      await vi.advanceTimersByTimeAsync(0);
      const read = events.find((e) => e.type === 'card.read');
      expect(read?.type === 'card.read' && read.card.extraAddress).toBe(readExtraAddress ? '上海市徐汇区漕溪北路100号' : undefined);
      expect(simulator.commandCount('readExtraAddress')).toBe(readExtraAddress ? 1 : 0);
      await device.close();
    }
  });

  it('reads foreign permanent resident cards and residence permits', async () => {
    const { simulator, device, events } = setup();
    device.start();
    for (const key of ['anna-miller', 'leung-kwok-wah']) {
      const card = simulator.placeDemoCard(key);
      await vi.advanceTimersByTimeAsync(300);
      expect(events.filter((e) => e.type === 'card.read').at(-1)).toMatchObject({ card });
      simulator.removeCard();
      await vi.advanceTimersByTimeAsync(600);
    }
    await device.close();
  });
});
