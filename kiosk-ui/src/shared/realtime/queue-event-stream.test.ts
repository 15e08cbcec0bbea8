/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueueEvent } from '@eldercare/domain';
import { EventSource } from 'eventsource';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openQueueEventStream, type EventSourceLike, type QueueEventMeta, type QueueEventStream, type QueueStreamState } from './queue-event-stream';

/**
 * Against a real HTTP server speaking the event stream and a spec-compliant EventSource (the
 * `eventsource` package): the browser's reconnect rules (Last-Event-ID, `retry:`, giving up on
 * an HTTP error) are the ones this client must live with.
 */

const CENTRE = 'xuhui-tianping';

function called(id: number, ticketNo: string): QueueEvent {
  return {
    id: String(id),
    centreId: CENTRE,
    at: '2026-03-10T02:00:00.000Z',
    type: 'ticket.called',
    ticketNo,
    category: 'A',
    counterNumber: 3,
    callCount: 1,
    waiting: [{ category: 'A', waiting: 2 }],
  };
}

const frame = (event: QueueEvent) => `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
const ready = (id: number) => `id: ${id}\nevent: ready\ndata: {"lastEventId":"${id}","replayed":0,"truncated":false}\n\n`;

interface Hit {
  url: string;
  lastEventId: string | undefined;
  res: ServerResponse;
}

/** Answers each request with the next scripted handler. */
class ScriptedSseServer {
  readonly hits: Hit[] = [];
  readonly #script: ((hit: Hit) => void)[] = [];
  readonly #waiters: (() => void)[] = [];
  readonly server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const hit = { url: req.url ?? '', lastEventId: req.headers['last-event-id'] as string | undefined, res };
    this.hits.push(hit);
    const next = this.#script.shift();
    if (next) next(hit);
    else res.writeHead(500).end();
    for (const wake of this.#waiters.splice(0)) wake();
  });

  then(handler: (hit: Hit) => void): this {
    this.#script.push(handler);
    return this;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async hitCount(n: number): Promise<void> {
    while (this.hits.length < n) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  stop(): Promise<void> {
    for (const hit of this.hits) hit.res.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function stream(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(`retry: 5\n\n${text}`);
}

describe('openQueueEventStream', () => {
  let server: ScriptedSseServer;
  let baseUrl: string;
  let client: QueueEventStream | null = null;
  const received: [string, QueueEventMeta][] = [];
  const states: QueueStreamState[] = [];

  beforeEach(async () => {
    server = new ScriptedSseServer();
    baseUrl = await server.start();
    received.length = 0;
    states.length = 0;
  });
  afterEach(async () => {
    client?.close();
    await server.stop();
  });

  function open(options: { from?: string; timers?: (fn: () => void, ms: number) => unknown } = {}): QueueEventStream {
    client = openQueueEventStream({
      centreId: CENTRE,
      baseUrl,
      from: options.from,
      createEventSource: (url) => new EventSource(url) as unknown as EventSourceLike,
      setTimer: options.timers,
    });
    client.subscribe((event, meta) => received.push([event.type === 'ticket.called' ? event.ticketNo : event.type, meta]));
    client.onState((state) => states.push(state));
    return client;
  }

  it('hands on valid events once each, marks the replay before `ready`, and drops malformed data', async () => {
    server.then((hit) =>
      stream(
        hit.res,
        frame(called(4, 'A004')) +
          ready(4) +
          `id: 5\nevent: ticket.called\ndata: {"not":"an event"}\n\n` +
          `id: 6\nevent: ticket.called\ndata: not json\n\n` +
          frame(called(7, 'A007')) +
          frame(called(7, 'A007')),
      ),
    );
    const c = open({ from: 'today' });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(server.hits[0]?.url).toBe(`/api/v1/queue/centres/${CENTRE}/events?after=0`);
    expect(received).toEqual([
      ['A004', { replayed: true }],
      ['A007', { replayed: false }],
    ]);
    expect(states).toEqual(['connecting', 'connected']);
    expect(c.lastEventId).toBe('7');
  });

  it('after a network loss EventSource reconnects with Last-Event-ID; an overlapping replay is not handed on twice', async () => {
    server
      .then((hit) => {
        stream(hit.res, ready(10) + frame(called(11, 'A011')));
        // The network drops once the event is out.
        setImmediate(() => hit.res.destroy());
      })
      .then((hit) => stream(hit.res, frame(called(11, 'A011')) + frame(called(12, 'A012')) + ready(12) + frame(called(13, 'A013'))));
    open();
    await vi.waitFor(() => expect(received.map(([no]) => no)).toEqual(['A011', 'A012', 'A013']));
    expect(server.hits[0]?.url).toBe(`/api/v1/queue/centres/${CENTRE}/events`);
    expect(server.hits[1]?.lastEventId).toBe('11');
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(received.map(([, meta]) => meta.replayed)).toEqual([false, true, false]);
  });

  it('when a reconnect gets an HTTP error (EventSource gives up), opens a new one with ?after=<last id>', async () => {
    const timers: (() => void)[] = [];
    server
      .then((hit) => {
        stream(hit.res, ready(20) + frame(called(21, 'A021')));
        setImmediate(() => hit.res.destroy());
      })
      .then((hit) => hit.res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"SERVICE_UNAVAILABLE"}'))
      .then((hit) => stream(hit.res, frame(called(22, 'A022')) + ready(22)));
    open({ timers: (fn) => timers.push(fn) });
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(states.at(-1)).toBe('reconnecting');
    timers[0]!();
    await vi.waitFor(() => expect(received.map(([no]) => no)).toEqual(['A021', 'A022']));
    expect(server.hits[2]?.url).toBe(`/api/v1/queue/centres/${CENTRE}/events?after=21`);
    expect(states.at(-1)).toBe('connected');
  });

  it('a live start keeps the server’s position from `ready`, so a reconnect misses nothing; close() stops everything', async () => {
    server.then((hit) => {
      stream(hit.res, ready(30));
      setImmediate(() => hit.res.destroy());
    });
    server.then((hit) => stream(hit.res, frame(called(31, 'A031')) + ready(31)));
    const c = open();
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(server.hits[1]?.lastEventId).toBe('30');
    c.close();
    expect(c.state).toBe('closed');
    expect(states.at(-1)).toBe('closed');
  });
});
