import Fastify from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../escpos/encode-receipt';
import { Ga467Reader } from '../../reader/ga467-reader';
import { simRoutes } from '../../api/sim-routes';
import { createDuplexPair } from '../../transports/duplex-pair';
import { PrinterSimulator } from '../printer-simulator';
import { ReaderSimulator } from '../reader-simulator';
import { buildControlApp } from './build-control-app';
import { simProxyRoutes, type SimulatorControlUrls } from './sim-proxy-routes';
import { SimulatorEndpoint } from './simulator-endpoint';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Control APIs listening on loopback, as the simulator processes serve them. */
async function controlled() {
  const reader = new ReaderSimulator({ today: '2026-05-01' });
  const printer = new PrinterSimulator();
  const ticketPrinter = new PrinterSimulator();
  const readerEndpoint = new SimulatorEndpoint(reader, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  const printerEndpoint = new SimulatorEndpoint(printer, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  const ticketEndpoint = new SimulatorEndpoint(ticketPrinter, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  await Promise.all([readerEndpoint.open(), printerEndpoint.open(), ticketEndpoint.open()]);
  const readerApp = buildControlApp({ kind: 'reader', reader }, readerEndpoint);
  const printerApp = buildControlApp({ kind: 'printer', printer }, printerEndpoint);
  const ticketApp = buildControlApp({ kind: 'printer', printer: ticketPrinter }, ticketEndpoint);
  const urls = {
    reader: await readerApp.listen({ port: 0, host: '127.0.0.1' }),
    receiptPrinter: await printerApp.listen({ port: 0, host: '127.0.0.1' }),
    ticketPrinter: await ticketApp.listen({ port: 0, host: '127.0.0.1' }),
  };
  cleanups.push(async () => {
    await Promise.all([readerApp.close(), printerApp.close(), ticketApp.close(), readerEndpoint.close(), printerEndpoint.close(), ticketEndpoint.close()]);
    await Promise.all([reader.close(), printer.close(), ticketPrinter.close()]);
  });
  return { reader, printer, ticketPrinter, urls };
}

/** Prints documents straight to a simulator, as the agent's printer device would. */
async function printOn(printer: PrinterSimulator, ids: string[]) {
  const [agentEnd, printerEnd] = createDuplexPair('sim:');
  await printer.attach(printerEnd);
  await agentEnd.open();
  for (const id of ids) await agentEnd.write(encodeReceipt({ id, blocks: [{ kind: 'qr', data: id }] }));
  await printer.settled();
}

function proxy(urls: SimulatorControlUrls) {
  const app = Fastify();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  void app.register(simProxyRoutes, { urls });
  cleanups.push(() => app.close());
  return app;
}

describe('the agent’s /v1/sim routes forwarded to simulator processes', () => {
  it('lists masked cards, places and removes a card, and says 404 for an unknown one', async () => {
    const { reader, urls } = await controlled();
    const app = proxy(urls);
    const cards = (await app.inject({ method: 'GET', url: '/v1/sim/cards' })).json<{ key: string; idNumberMasked: string }[]>();
    expect(cards.map((c) => c.key)).toEqual(reader.demoResidents().map((r) => r.key));
    expect(cards[0]!.idNumberMasked).toContain('*');
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/card', payload: { key: cards[0]!.key } })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: '/v1/sim/card' })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(false);
    const unknown = await app.inject({ method: 'PUT', url: '/v1/sim/card', payload: { key: 'nobody' } });
    expect([unknown.statusCode, unknown.json<{ code: string }>().code]).toEqual([404, 'UNKNOWN_DEMO_CARD']);
  });

  it('lists the printer’s jobs newest first with their previews', async () => {
    const { printer, urls } = await controlled();
    const app = proxy(urls);
    await printOn(printer, ['first', 'second']);
    const prints = (await app.inject({ method: 'GET', url: '/v1/sim/prints' })).json<{ jobId: string; previewHtml: string }[]>();
    expect(prints.map((p) => p.jobId)).toEqual(['sim-print-2', 'sim-print-1']);
    expect(Object.keys(prints[0]!).sort()).toEqual(['byteLength', 'jobId', 'previewHtml', 'receivedAt']);
  });

  it('sets paper and cover on each printer process; the ticket printer lists its own prints', async () => {
    const { printer, ticketPrinter, urls } = await controlled();
    const app = proxy(urls);
    const put = (url: string, payload: object) => app.inject({ method: 'PUT', url, payload });
    expect((await put('/v1/sim/printers/receipt/paper', { state: 'out' })).statusCode).toBe(204);
    expect([printer.state, ticketPrinter.state]).toEqual(['paper-out', 'ready']);
    await put('/v1/sim/printers/receipt/paper', { state: 'near-end' });
    expect(printer.state).toBe('paper-near-end');
    expect((await put('/v1/sim/printers/ticket/cover', { open: true })).statusCode).toBe(204);
    expect([printer.state, ticketPrinter.state]).toEqual(['paper-near-end', 'cover-open']);
    await put('/v1/sim/printers/ticket/cover', { open: false });
    await put('/v1/sim/printers/receipt/paper', { state: 'ok' });
    expect([printer.state, ticketPrinter.state]).toEqual(['ready', 'ready']);
    expect((await put('/v1/sim/printers/receipt/paper', { state: 'empty' })).statusCode).toBe(400);

    await printOn(ticketPrinter, ['A012']);
    const tickets = (await app.inject({ method: 'GET', url: '/v1/sim/prints?role=ticket' })).json<{ previewHtml: string }[]>();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.previewHtml).toContain('A012');
    expect((await app.inject({ method: 'GET', url: '/v1/sim/prints?role=receipt' })).json()).toEqual([]);
  });

  it('404 PRINTER_NOT_SIMULATED for a printer without a simulator process', async () => {
    const { urls } = await controlled();
    const app = proxy({ receiptPrinter: urls.receiptPrinter });
    for (const [method, url, payload] of [
      ['GET', '/v1/sim/prints?role=ticket', undefined],
      ['PUT', '/v1/sim/printers/ticket/paper', { state: 'out' }],
      ['PUT', '/v1/sim/printers/ticket/cover', { open: true }],
    ] as const) {
      const res = await app.inject({ method, url, ...(payload && { payload }) });
      expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([404, 'PRINTER_NOT_SIMULATED']);
    }
  });

  it('forwards reader faults: find card says "no card" although one lies there, until they are cleared', async () => {
    const { reader, urls } = await controlled();
    const app = proxy(urls);
    const [agentEnd, readerEnd] = createDuplexPair('sim:');
    reader.attach(readerEnd);
    await agentEnd.open();
    const driver = new Ga467Reader(agentEnd, { commandTimeoutMs: 2_000, readTimeoutMs: 2_000 });
    await app.inject({ method: 'PUT', url: '/v1/sim/card', payload: { key: reader.demoResidents()[0]!.key } });
    const noCard = await app.inject({ method: 'PUT', url: '/v1/sim/reader/faults', payload: [{ kind: 'no-card' }] });
    expect(noCard.statusCode).toBe(204);
    expect(await driver.findCard()).toBe(false);
    expect((await app.inject({ method: 'DELETE', url: '/v1/sim/reader/faults' })).statusCode).toBe(204);
    expect(await driver.findCard()).toBe(true);
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/reader/faults', payload: [{ kind: 'meteor' }] })).statusCode).toBe(400);
  });

  it('the agent’s sim routes use them for devices not simulated in-process, also beside an in-process printer', async () => {
    const { reader, ticketPrinter, urls } = await controlled();
    const local = new PrinterSimulator();
    cleanups.push(() => local.close());
    const app = Fastify();
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    void app.register(simRoutes, { deps: { simulators: { receiptPrinter: local }, simulatorControl: urls } });
    cleanups.push(() => app.close());
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/card', payload: { key: reader.demoResidents()[0]!.key } })).statusCode).toBe(204);
    expect(reader.hasCard).toBe(true);
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/paper', payload: { state: 'out' } });
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/ticket/cover', payload: { open: true } });
    expect([local.state, ticketPrinter.state]).toEqual(['paper-out', 'cover-open']);
  });

  it('a simulator that does not answer is a 503, not a crash', async () => {
    const app = proxy({ reader: 'http://127.0.0.1:1' });
    const response = await app.inject({ method: 'GET', url: '/v1/sim/cards' });
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([503, 'SIM_CONTROL_UNREACHABLE']);
    const printers = proxy({ receiptPrinter: 'http://127.0.0.1:1' });
    const paper = await printers.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/paper', payload: { state: 'out' } });
    expect([paper.statusCode, paper.json<{ code: string }>().code]).toEqual([503, 'SIM_CONTROL_UNREACHABLE']);
  });
});
