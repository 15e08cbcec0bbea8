import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterSimulator } from '../printer-simulator';
import { ReaderSimulator } from '../reader-simulator';
import { buildControlApp } from './build-control-app';
import { runSimulatorScript } from './simulator-script';
import { SimulatorEndpoint } from './simulator-endpoint';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function readerApp() {
  const reader = new ReaderSimulator({ today: '2026-05-01' });
  const endpoint = new SimulatorEndpoint(reader, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  await endpoint.open();
  const app = buildControlApp({ kind: 'reader', reader }, endpoint);
  cleanups.push(async () => {
    await app.close();
    await endpoint.close();
    await reader.close();
  });
  return { reader, endpoint, app };
}

async function printerApp() {
  const printer = new PrinterSimulator();
  const endpoint = new SimulatorEndpoint(printer, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  await endpoint.open();
  const app = buildControlApp({ kind: 'printer', printer }, endpoint);
  cleanups.push(async () => {
    await app.close();
    await endpoint.close();
    await printer.close();
  });
  return { printer, endpoint, app };
}

/** Whether a TCP connection to the endpoint succeeds. */
async function reachable(address: string): Promise<boolean> {
  const port = Number(address.split(':').at(-1));
  const socket = connect(port, '127.0.0.1');
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  socket.destroy();
  return connected;
}

describe('simulator control API', () => {
  it('reader: lists masked demo cards, places by key or by card, refuses unknown keys and invalid faults', async () => {
    const { reader, app } = await readerApp();
    const cards = (await app.inject({ method: 'GET', url: '/cards' })).json<{ key: string; nameMasked: string; idNumberMasked: string }[]>();
    expect(cards.length).toBeGreaterThan(3);
    expect(cards[0]!.idNumberMasked).toContain('*');

    expect((await app.inject({ method: 'PUT', url: '/card', payload: { key: cards[0]!.key } })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: '/card' })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(false);
    const unknown = await app.inject({ method: 'PUT', url: '/card', payload: { key: 'nobody' } });
    expect([unknown.statusCode, unknown.json<{ code: string }>().code]).toEqual([404, 'UNKNOWN_DEMO_CARD']);

    const card = reader.demoResidents()[1]!.card;
    expect((await app.inject({ method: 'PUT', url: '/card', payload: { card } })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(true);

    expect((await app.inject({ method: 'PUT', url: '/faults', payload: [{ kind: 'slow', delayMs: 5 }, { kind: 'split' }] })).statusCode).toBe(204);
    const bad = await app.inject({ method: 'PUT', url: '/faults', payload: [{ kind: 'read-failure' }] });
    expect([bad.statusCode, bad.json<{ code: string }>().code]).toEqual([400, 'INVALID_REQUEST']);
    expect((await app.inject({ method: 'DELETE', url: '/faults' })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/stats' })).json()).toMatchObject({ commands: { findCard: 0 } });
  });

  it('disconnect drops the TCP listener and brings it back at the same address', async () => {
    const { app, endpoint } = await readerApp();
    const address = endpoint.agentAddress;
    expect(await reachable(address)).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/disconnect', payload: { forMs: 150 } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/link' })).json()).toEqual({ address, connected: false });
    expect(await reachable(address)).toBe(false);
    for (let i = 0; i < 100 && !endpoint.connected; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endpoint.agentAddress).toBe(address);
    expect(await reachable(address)).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/disconnect', payload: { forMs: -1 } })).statusCode).toBe(400);
  });

  it('printer: paper, cover and faults change what DLE EOT reports; bad bodies are 400', async () => {
    const { printer, app } = await printerApp();
    expect((await app.inject({ method: 'PUT', url: '/paper', payload: { state: 'near-end' } })).statusCode).toBe(204);
    expect(printer.state).toBe('paper-near-end');
    await app.inject({ method: 'PUT', url: '/cover', payload: { open: true } });
    expect(printer.state).toBe('cover-open');
    await app.inject({ method: 'PUT', url: '/cover', payload: { open: false } });
    await app.inject({ method: 'PUT', url: '/faults', payload: [{ kind: 'offline' }] });
    expect(printer.state).toBe('offline');
    await app.inject({ method: 'DELETE', url: '/faults' });
    await app.inject({ method: 'PUT', url: '/paper', payload: { state: 'ok' } });
    expect(printer.state).toBe('ready');
    expect((await app.inject({ method: 'PUT', url: '/paper', payload: { state: 'jammed' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/run-out-after', payload: { bytes: 'lots' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/prints' })).json()).toEqual([]);
  });

  it('a script plays control requests in time order through the same validation', async () => {
    const { printer, app } = await printerApp();
    const lines: string[] = [];
    const stop = runSimulatorScript(
      app,
      {
        steps: [
          { atMs: 30, method: 'PUT', path: '/paper', body: { state: 'ok' }, note: 'paper loaded' },
          { atMs: 0, method: 'PUT', path: '/paper', body: { state: 'out' } },
          { atMs: 10, method: 'PUT', path: '/cover', body: { open: 'yes' } },
        ],
      },
      (line) => lines.push(line),
    );
    cleanups.push(async () => stop());
    for (let i = 0; i < 100 && lines.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines).toEqual(['[script] PUT /paper → 204', '[script] PUT /cover → 400', '[script] PUT /paper → 204 (paper loaded)']);
    expect(printer.state).toBe('ready');
  });
});
