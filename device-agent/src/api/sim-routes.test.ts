import type { AgentEvent, ReceiptDocument } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { composeAgent, type ComposedAgent } from '../agent/compose-agent';

const TOKEN = 'sim-routes-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

const agents: ComposedAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.close()));
});

/** An agent whose devices are all in-process simulators (sim:), as in the e2e stack. */
async function simulatedAgent(options: { ticket?: boolean } = {}): Promise<ComposedAgent> {
  const agent = await composeAgent({
    api: { port: 0, pairingToken: TOKEN, allowedOrigins: ['http://127.0.0.1:8080'] },
    reader: { address: 'sim:', pollIntervalMs: 50 },
    printers: { receipt: { address: 'sim:' }, ...(options.ticket && { ticket: { address: 'sim:' } }) },
    simulatedToday: '2025-06-15',
    logger: false,
  });
  agents.push(agent);
  return agent;
}

const receipt = (id: string): ReceiptDocument => ({ id, blocks: [{ kind: 'heading', text: id }, { kind: 'qr', data: id }] });

function nextEvent<T extends AgentEvent['type']>(agent: ComposedAgent, type: T, where: (e: Extract<AgentEvent, { type: T }>) => boolean = () => true) {
  return new Promise<Extract<AgentEvent, { type: T }>>((resolve) => {
    const off = agent.subscribe((e) => {
      if (e.type !== type || !where(e as Extract<AgentEvent, { type: T }>)) return;
      off();
      resolve(e as Extract<AgentEvent, { type: T }>);
    });
  });
}

describe('/v1/sim printer routes with in-process simulators', () => {
  it('paper out through the route holds a receipt; loading paper through the route prints it once', async () => {
    const agent = await simulatedAgent();
    const { app } = agent;
    const out = await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/paper', headers: auth, payload: { state: 'out' } });
    expect(out.statusCode).toBe(204);
    expect(agent.simulators.receiptPrinter!.state).toBe('paper-out');

    const held = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload: { role: 'receipt', document: receipt('YL20250615000001') } });
    expect([held.statusCode, held.json()]).toEqual([202, { jobId: 'YL20250615000001', state: 'held', code: 'PRINTER_PAPER_OUT' }]);
    expect((await app.inject({ method: 'GET', url: '/v1/sim/prints', headers: auth })).json()).toEqual([]);

    const done = nextEvent(agent, 'print.done', (e) => e.jobId === 'YL20250615000001');
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/paper', headers: auth, payload: { state: 'ok' } })).statusCode).toBe(204);
    await done;
    const prints = (await app.inject({ method: 'GET', url: '/v1/sim/prints?role=receipt', headers: auth })).json<{ jobId: string; previewHtml: string }[]>();
    expect(prints).toHaveLength(1);
    expect(prints[0]!.previewHtml).toContain('YL20250615000001');
  });

  it('near end and an open cover reach the simulator; the agent sees them through the status bytes', async () => {
    const agent = await simulatedAgent();
    const { app } = agent;
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/paper', headers: auth, payload: { state: 'near-end' } });
    expect(agent.simulators.receiptPrinter!.state).toBe('paper-near-end');
    const coverOpen = nextEvent(agent, 'device.status', (e) => e.status.printers.receipt.state === 'cover-open');
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/cover', headers: auth, payload: { open: true } })).statusCode).toBe(204);
    await coverOpen;
    const closed = nextEvent(agent, 'device.status', (e) => e.status.printers.receipt.state === 'paper-near-end');
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/receipt/cover', headers: auth, payload: { open: false } });
    await closed;
  });

  it('the ticket printer has its own prints, paper and cover', async () => {
    const agent = await simulatedAgent({ ticket: true });
    const { app } = agent;
    await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload: { role: 'ticket', document: receipt('A012') } });
    const tickets = (await app.inject({ method: 'GET', url: '/v1/sim/prints?role=ticket', headers: auth })).json<{ previewHtml: string }[]>();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.previewHtml).toContain('A012');
    expect((await app.inject({ method: 'GET', url: '/v1/sim/prints', headers: auth })).json()).toEqual([]);

    await app.inject({ method: 'PUT', url: '/v1/sim/printers/ticket/cover', headers: auth, payload: { open: true } });
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/ticket/paper', headers: auth, payload: { state: 'out' } });
    expect(agent.simulators.ticketPrinter!.state).toBe('cover-open');
    expect(agent.simulators.receiptPrinter!.state).toBe('ready');
    await app.inject({ method: 'PUT', url: '/v1/sim/printers/ticket/cover', headers: auth, payload: { open: false } });
    expect(agent.simulators.ticketPrinter!.state).toBe('paper-out');
  });

  it('404 PRINTER_NOT_SIMULATED for a printer the kiosk does not have; 400 for bad input', async () => {
    const { app } = await simulatedAgent();
    for (const [method, url, payload] of [
      ['GET', '/v1/sim/prints?role=ticket', undefined],
      ['PUT', '/v1/sim/printers/ticket/paper', { state: 'out' }],
      ['PUT', '/v1/sim/printers/ticket/cover', { open: true }],
    ] as const) {
      const res = await app.inject({ method, url, headers: auth, ...(payload && { payload }) });
      expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([404, 'PRINTER_NOT_SIMULATED']);
    }
    for (const [url, payload] of [
      ['/v1/sim/printers/label/paper', { state: 'out' }],
      ['/v1/sim/printers/receipt/paper', { state: 'empty' }],
      ['/v1/sim/printers/receipt/cover', { open: 'yes' }],
    ] as const) {
      expect((await app.inject({ method: 'PUT', url, headers: auth, payload })).statusCode).toBe(400);
    }
    expect((await app.inject({ method: 'GET', url: '/v1/sim/prints?role=label', headers: auth })).statusCode).toBe(400);
  });
});

describe('/v1/sim/reader/faults with an in-process reader', () => {
  it('read failures set through the route fail the read; cleared, the next card reads', async () => {
    const agent = await simulatedAgent();
    const { app } = agent;
    agent.startDevices();
    const faults = await app.inject({ method: 'PUT', url: '/v1/sim/reader/faults', headers: auth, payload: [{ kind: 'read-failure', times: 4 }] });
    expect(faults.statusCode).toBe(204);
    const failed = nextEvent(agent, 'card.failed');
    await app.inject({ method: 'PUT', url: '/v1/sim/card', headers: auth, payload: { key: 'wang-jianguo' } });
    expect(await failed).toEqual({ type: 'card.failed', code: 'READER_READ_FAILED' });

    const removed = nextEvent(agent, 'card.removed');
    await app.inject({ method: 'DELETE', url: '/v1/sim/card', headers: auth });
    await removed;
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/reader/faults', headers: auth, payload: [{ kind: 'silent' }] })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/v1/sim/reader/faults', headers: auth })).statusCode).toBe(204);
    const read = nextEvent(agent, 'card.read');
    await app.inject({ method: 'PUT', url: '/v1/sim/card', headers: auth, payload: { key: 'wang-jianguo' } });
    expect((await read).card.cardType).toBe('resident');
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/reader/faults', headers: auth, payload: [{ kind: 'meteor' }] })).statusCode).toBe(400);
  });
});
