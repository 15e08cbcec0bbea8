import Fastify from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../escpos/encode-receipt';
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
  const readerEndpoint = new SimulatorEndpoint(reader, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  const printerEndpoint = new SimulatorEndpoint(printer, { kind: 'tcp', host: '127.0.0.1', port: 0 });
  await Promise.all([readerEndpoint.open(), printerEndpoint.open()]);
  const readerApp = buildControlApp({ kind: 'reader', reader }, readerEndpoint);
  const printerApp = buildControlApp({ kind: 'printer', printer }, printerEndpoint);
  const urls = { reader: await readerApp.listen({ port: 0, host: '127.0.0.1' }), receiptPrinter: await printerApp.listen({ port: 0, host: '127.0.0.1' }) };
  cleanups.push(async () => {
    await Promise.all([readerApp.close(), printerApp.close(), readerEndpoint.close(), printerEndpoint.close()]);
    await Promise.all([reader.close(), printer.close()]);
  });
  return { reader, printer, urls };
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
    const [agentEnd, printerEnd] = createDuplexPair('sim:');
    await printer.attach(printerEnd);
    await agentEnd.open();
    for (const id of ['first', 'second']) await agentEnd.write(encodeReceipt({ id, blocks: [{ kind: 'qr', data: id }] }));
    await printer.settled();
    const prints = (await app.inject({ method: 'GET', url: '/v1/sim/prints' })).json<{ jobId: string; previewHtml: string }[]>();
    expect(prints.map((p) => p.jobId)).toEqual(['sim-print-2', 'sim-print-1']);
    expect(Object.keys(prints[0]!).sort()).toEqual(['byteLength', 'jobId', 'previewHtml', 'receivedAt']);
  });

  it('a simulator that does not answer is a 503, not a crash', async () => {
    const app = proxy({ reader: 'http://127.0.0.1:1' });
    const response = await app.inject({ method: 'GET', url: '/v1/sim/cards' });
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([503, 'SIM_CONTROL_UNREACHABLE']);
  });
});
