import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent, AgentStatus } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PrinterSimulator } from '../simulators/printer-simulator';
import { ReaderSimulator } from '../simulators/reader-simulator';
import type { AgentConfigInput } from '../config/agent-config-schema';
import { mergeConfig } from '../config/load-agent-config';
import { startAgent, type RunningAgent } from './start-agent';

const TOKEN = 'start-agent-test-token-0123456789';
const ORIGIN = 'http://127.0.0.1:8080';
const TODAY = '2025-06-15';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(overrides: AgentConfigInput = {}): Promise<RunningAgent> {
  const base: AgentConfigInput = {
    api: { port: 0, pairingToken: TOKEN, allowedOrigins: [ORIGIN] },
    reader: { address: 'sim:', pollIntervalMs: 50 },
    printers: { receipt: { address: 'sim:' } },
    // Printers on real links keep their queue here; a test's document ids never meet another run's.
    queueDir: mkdtempSync(join(tmpdir(), 'start-agent-queue-')),
    simulatedToday: TODAY,
    logger: false,
  };
  const agent = await startAgent(mergeConfig(base, overrides) as AgentConfigInput);
  cleanups.push(async () => {
    await agent.close();
    rmSync(base.queueDir!, { recursive: true, force: true });
  });
  return agent;
}

/** A real WebSocket client that queues events and lets a test wait for the next matching one. */
class EventClient {
  readonly events: AgentEvent[] = [];
  private waiters: { match: (e: AgentEvent) => boolean; resolve: (e: AgentEvent) => void }[] = [];
  private seen = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as AgentEvent;
      this.events.push(event);
      this.flush();
    });
  }

  static async connect(agent: RunningAgent, token = TOKEN, origin = ORIGIN): Promise<EventClient> {
    const ws = new WebSocket(`${agent.url.replace('http', 'ws')}/v1/events?token=${encodeURIComponent(token)}`, { origin });
    const client = new EventClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
    cleanups.push(async () => {
      ws.close();
    });
    return client;
  }

  /** The next event (after the ones already taken) that matches. */
  next<T extends AgentEvent['type']>(type: T, where: (e: Extract<AgentEvent, { type: T }>) => boolean = () => true): Promise<Extract<AgentEvent, { type: T }>> {
    const match = (e: AgentEvent) => e.type === type && where(e as Extract<AgentEvent, { type: T }>);
    return new Promise((resolve) => {
      this.waiters.push({ match, resolve: resolve as (e: AgentEvent) => void });
      this.flush();
    });
  }

  /** Resolves once the latest device status (already received or still to come) satisfies `where`. */
  async status(where: (status: AgentStatus) => boolean): Promise<AgentStatus> {
    const latest = this.events.filter((e) => e.type === 'device.status').at(-1);
    if (latest && where(latest.status)) return latest.status;
    return (await this.next('device.status', (e) => where(e.status))).status;
  }

  private flush(): void {
    while (this.waiters.length > 0 && this.seen < this.events.length) {
      const event = this.events[this.seen++]!;
      const index = this.waiters.findIndex((w) => w.match(event));
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(event);
    }
  }
}

const readerState = (state: AgentStatus['reader']['state']) => (s: AgentStatus) => s.reader.state === state;

describe('startAgent', () => {
  it('refuses to bind anything but loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) {
      await expect(start({ api: { host } })).rejects.toMatchObject({ code: 'AGENT_HOST_NOT_LOOPBACK' });
    }
  });

  it('refuses weak tokens and malformed origins or addresses', async () => {
    await expect(start({ api: { pairingToken: 'short' } })).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(start({ api: { allowedOrigins: ['http://127.0.0.1:8080/kiosk'] } })).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(start({ reader: { address: 'com3' } })).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
  });

  it('serves on 127.0.0.1 and answers curl-style requests with the token', async () => {
    const agent = await start();
    expect(agent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${agent.url}/v1/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ simulated: true, reader: { address: 'sim:' }, printers: { receipt: { address: 'sim:' } } });
  });

  it('WebSocket: refuses a missing or wrong token (401) and a foreign origin (403)', async () => {
    const agent = await start();
    await expect(EventClient.connect(agent, 'wrong-token')).rejects.toMatchObject({ status: 401 });
    await expect(EventClient.connect(agent, '')).rejects.toMatchObject({ status: 401 });
    await expect(EventClient.connect(agent, TOKEN, 'https://evil.example')).rejects.toMatchObject({ status: 403 });
  });

  it('WebSocket: status on connect, then card events from a simulated placement', async () => {
    const agent = await start();
    const client = await EventClient.connect(agent);
    const first = await client.next('device.status');

    expect(client.events[0]).toBe(first);
    await client.status(readerState('ready'));

    const put = await fetch(`${agent.url}/v1/sim/card`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ key: 'li-xiuying' }),
    });
    expect(put.status).toBe(204);
    await client.next('card.placed');
    const read = await client.next('card.read');
    expect(read.card).toMatchObject({ cardType: 'resident', name: '李秀英', sex: 'female', validTo: 'long-term' });
    expect(Object.keys(read)).toEqual(['type', 'card']); // no photo bytes over the socket
    await client.status(readerState('card-present'));

    // A client connecting now gets the status, but never the card read before it came.
    const late = await EventClient.connect(agent);
    await late.next('device.status');
    agent.simulators.reader!.removeCard();
    await client.next('card.removed');
    await late.next('card.removed');
    expect(late.events.some((e) => e.type === 'card.read')).toBe(false);
    expect(JSON.stringify(late.events)).not.toContain('李秀英');
  });

  it('WebSocket: a failed read and a printer state change arrive as events', async () => {
    const agent = await start();
    const client = await EventClient.connect(agent);
    await client.status(readerState('ready'));
    agent.simulators.reader!.failNextReads(4); // the first read and its three retries
    agent.simulators.reader!.placeDemoCard('wang-jianguo');
    expect(await client.next('card.failed')).toEqual({ type: 'card.failed', code: 'READER_READ_FAILED' });

    agent.simulators.receiptPrinter!.setState('cover-open');
    const status = await client.status((s) => s.printers.receipt.state === 'cover-open');
    expect(status.printers.receipt).toEqual({ address: 'sim:', state: 'cover-open', lastError: 'PRINTER_COVER_OPEN', queued: 0, held: false });
  });

  it('talks to real transports: a reader and a printer on TCP', async () => {
    const readerSim = new ReaderSimulator({ today: TODAY });
    const readerListener = await readerSim.listenTcp(0);
    const printerSim = new PrinterSimulator();
    const printerListener = await printerSim.listenTcp(0);
    cleanups.push(() => readerSim.close(), () => printerSim.close());
    const agent = await start({ reader: { address: `tcp:127.0.0.1:${readerListener.port}` }, printers: { receipt: { address: `tcp:127.0.0.1:${printerListener.port}` } } });
    expect(agent.simulators).toEqual({});

    const client = await EventClient.connect(agent);
    const ready = await client.status((s) => s.reader.state === 'ready' && s.printers.receipt.state === 'ready');
    expect(ready).toMatchObject({ simulated: false, reader: { samId: '05.01-20201218-0000001234-0000004321' } });
    readerSim.placeDemoCard('gao-shulan');
    expect((await client.next('card.read')).card.name).toBe('高淑兰');

    const res = await fetch(`${agent.url}/v1/print`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'receipt', document: { id: 'tcp-1', blocks: [{ kind: 'heading', text: '测试' }] } }),
    });
    expect(res.status).toBe(200);
    await printerSim.settled();
    expect(printerSim.jobs).toHaveLength(1);
    expect((await fetch(`${agent.url}/v1/sim/prints`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('reports an absent reader as offline and connects once it appears', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((r) => probe.close(() => r()));

    const agent = await start({ reader: { address: `tcp:127.0.0.1:${port}`, reconnectMs: 50 } });
    const client = await EventClient.connect(agent);
    const offline = await client.status((s) => s.reader.lastError === 'TRANSPORT_OPEN_FAILED');
    expect(offline.reader.state).toBe('offline');

    const readerSim = new ReaderSimulator({ today: TODAY });
    await readerSim.listenTcp(port);
    cleanups.push(() => readerSim.close());
    await client.status(readerState('ready'));
  });

  it('goes offline when the reader link drops and reconnects when it is back', async () => {
    const readerSim = new ReaderSimulator({ today: TODAY });
    const first = await readerSim.listenTcp(0);
    cleanups.push(() => readerSim.close());
    const agent = await start({ reader: { address: `tcp:127.0.0.1:${first.port}`, reconnectMs: 50 } });
    const client = await EventClient.connect(agent);
    await client.status(readerState('ready'));

    await first.close();
    const lost = await client.status((s) => s.reader.state === 'offline');
    expect(lost.reader.lastError).toMatch(/READER_DISCONNECTED|TRANSPORT_OPEN_FAILED/);

    await readerSim.listenTcp(first.port);
    await client.status(readerState('ready'));
    readerSim.placeDemoCard('wu-meiling');
    expect((await client.next('card.read')).card.name).toBe('吴美玲');
  });
});
