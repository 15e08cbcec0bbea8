import { demoResidents, type AgentEvent, type ReceiptDocument } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { composeAgent, type ComposedAgent } from '../agent/compose-agent';

const TOKEN = 'test-token-0123456789abcdef';
const ORIGIN = 'http://127.0.0.1:8080';
const TODAY = '2025-06-15';
const auth = { authorization: `Bearer ${TOKEN}` };

const receipt = (id: string): ReceiptDocument => ({
  id,
  blocks: [
    { kind: 'heading', text: '受理回执' },
    { kind: 'field', label: '申请编号', value: 'A-2025-000123' },
    { kind: 'qr', data: 'https://example.invalid/p/A-2025-000123' },
  ],
});

const agents: ComposedAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.close()));
});

async function simulatedAgent(): Promise<ComposedAgent> {
  const agent = await composeAgent({
    api: { port: 0, pairingToken: TOKEN, allowedOrigins: [ORIGIN, 'http://localhost:8080'] },
    reader: { address: 'sim:' },
    printers: { receipt: { address: 'sim:' } },
    simulatedToday: TODAY,
    logger: false,
  });
  agents.push(agent);
  return agent;
}

describe('agent API: access control', () => {
  it('401 without a token or with a wrong one, in constant-time comparison of any length', async () => {
    const { app } = await simulatedAgent();
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }]) {
      const res = await app.inject({ method: 'GET', url: '/v1/status', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('200 with the token and no Origin (curl), or an allowed Origin', async () => {
    const { app } = await simulatedAgent();
    expect((await app.inject({ method: 'GET', url: '/v1/status', headers: auth })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/v1/status', headers: { ...auth, origin: ORIGIN } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers.vary).toContain('Origin');
  });

  it('403 for a foreign Origin, even with the token', async () => {
    const { app } = await simulatedAgent();
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:8081']) {
      const res = await app.inject({ method: 'GET', url: '/v1/status', headers: { ...auth, origin } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ORIGIN_FORBIDDEN' });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('403 when the Host is not loopback (DNS rebinding)', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'GET', url: '/v1/status', headers: { ...auth, host: 'attacker.example:7421' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'HOST_FORBIDDEN' });
  });

  it('answers CORS preflights, including Private Network Access, without a token', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/v1/print',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
        'access-control-request-private-network': 'true',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': expect.stringContaining('POST'),
      'access-control-allow-headers': expect.stringMatching(/Authorization/i),
      'access-control-allow-private-network': 'true',
    });
    const foreign = await app.inject({ method: 'OPTIONS', url: '/v1/print', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(foreign.statusCode).toBe(403);
  });

  it('a plain GET of the events path asks for an upgrade', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'GET', url: '/v1/events', headers: auth });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({ code: 'UPGRADE_REQUIRED' });
  });
});

describe('agent API: input validation', () => {
  it.each([
    ['no body', undefined],
    ['empty object', {}],
    ['unknown role', { role: 'label', document: receipt('r-1') }],
    ['bad id characters', { role: 'receipt', document: receipt('r 1/../x') }],
    ['no blocks', { role: 'receipt', document: { id: 'r-1', blocks: [] } }],
    ['unknown block', { role: 'receipt', document: { id: 'r-1', blocks: [{ kind: 'image', src: 'x' }] } }],
    ['extra property', { role: 'receipt', document: receipt('r-1'), copies: 2 }],
    ['array', [1, 2, 3]],
  ])('POST /v1/print with %s → 400 { code, message }', async (_name, body) => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, ...(body === undefined ? {} : { payload: body as object }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('malformed JSON → 400 INVALID_JSON; text → 400; an unknown content type → 415', async () => {
    const { app } = await simulatedAgent();
    const bad = await app.inject({ method: 'POST', url: '/v1/print', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"role":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_JSON' });
    const text = await app.inject({ method: 'POST', url: '/v1/print', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const xml = await app.inject({ method: 'POST', url: '/v1/print', headers: { ...auth, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('unknown paths → 404 { code, message }', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'GET', url: '/v1/nope', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('agent API: printing', () => {
  it('prints once per document id and returns the same result again', async () => {
    const { app, simulators } = await simulatedAgent();
    const payload = { role: 'receipt', document: receipt('receipt-A-2025-000123') };
    const [first, concurrent] = await Promise.all([
      app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload }),
      app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload }),
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ jobId: expect.any(String), state: 'printed' });
    expect(concurrent.json()).toEqual(first.json());
    const again = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload });
    expect(again.json()).toEqual(first.json());
    await simulators.receiptPrinter!.settled();
    expect(simulators.receiptPrinter!.jobs).toHaveLength(1);

    await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload: { role: 'receipt', document: receipt('receipt-2') } });
    await simulators.receiptPrinter!.settled();
    expect(simulators.receiptPrinter!.jobs).toHaveLength(2);
  });

  it('a printer out of paper → 202 held; it prints by itself after a refill, once, with print.held and print.done', async () => {
    const agent = await simulatedAgent();
    const { app, simulators } = agent;
    const events: AgentEvent[] = [];
    agent.subscribe((e) => events.push(e));
    simulators.receiptPrinter!.setPaper('out');
    const payload = { role: 'receipt', document: receipt('receipt-paper') };
    const held = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload });
    expect(held.statusCode).toBe(202);
    expect(held.json()).toEqual({ jobId: 'receipt-paper', state: 'held', code: 'PRINTER_PAPER_OUT' });
    const status = await app.inject({ method: 'GET', url: '/v1/status', headers: auth });
    expect(status.json().printers.receipt).toMatchObject({ state: 'paper-out', lastError: 'PRINTER_PAPER_OUT', queued: 1, held: true });

    const done = new Promise<void>((resolve) => agent.subscribe((e) => e.type === 'print.done' && resolve()));
    simulators.receiptPrinter!.setPaper('ok');
    await done;
    const again = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ jobId: 'receipt-paper', state: 'printed' });
    expect(events.filter((e) => e.type.startsWith('print.'))).toEqual([
      { type: 'print.held', role: 'receipt', jobId: 'receipt-paper', code: 'PRINTER_PAPER_OUT' },
      { type: 'print.resumed', role: 'receipt', jobId: 'receipt-paper' },
      { type: 'print.done', role: 'receipt', jobId: 'receipt-paper' },
    ]);
    await simulators.receiptPrinter!.settled();
    expect(simulators.receiptPrinter!.jobs).toHaveLength(1);
  });

  it('a role with no printer configured → 404 with a failed PrintResult PRINTER_NOT_CONFIGURED', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload: { role: 'ticket', document: receipt('ticket-1') } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ jobId: 'ticket-1', state: 'failed', code: 'PRINTER_NOT_CONFIGURED' });
  });
});

describe('agent API: simulated devices', () => {
  it('lists the demo cards masked', async () => {
    const { app } = await simulatedAgent();
    const res = await app.inject({ method: 'GET', url: '/v1/sim/cards', headers: auth });
    expect(res.statusCode).toBe(200);
    const cards = res.json() as { key: string; nameMasked: string; idNumberMasked: string; age: number }[];
    const residents = demoResidents(TODAY);
    expect(cards).toHaveLength(residents.length);
    expect(cards.find((c) => c.key === 'ouyang-mingyue')).toMatchObject({ nameMasked: '欧阳**', age: 75 });
    for (const resident of residents) {
      expect(res.body).not.toContain(resident.idNumber);
      expect(res.body).not.toContain(resident.name);
      expect(res.body).not.toContain(resident.address);
    }
    for (const card of cards) expect(card.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });

  it('places and removes a demo card; refuses unknown keys and bad bodies', async () => {
    const { app, simulators } = await simulatedAgent();
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/card', headers: auth, payload: { key: 'li-xiuying' } })).statusCode).toBe(204);
    expect(simulators.reader!.hasCard).toBe(true);
    const unknown = await app.inject({ method: 'PUT', url: '/v1/sim/card', headers: auth, payload: { key: 'nobody' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_DEMO_CARD' });
    expect((await app.inject({ method: 'PUT', url: '/v1/sim/card', headers: auth, payload: { key: 7 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: '/v1/sim/card', headers: auth })).statusCode).toBe(204);
    expect(simulators.reader!.hasCard).toBe(false);
  });

  it('lists captured prints newest first with their previews', async () => {
    const { app } = await simulatedAgent();
    for (const id of ['first', 'second']) {
      await app.inject({ method: 'POST', url: '/v1/print', headers: auth, payload: { role: 'receipt', document: receipt(id) } });
    }
    const res = await app.inject({ method: 'GET', url: '/v1/sim/prints', headers: auth });
    const prints = res.json() as { jobId: string; receivedAt: string; byteLength: number; previewHtml: string }[];
    expect(prints).toHaveLength(2);
    expect(Date.parse(prints[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(prints[1]!.receivedAt));
    expect(prints[0]!.jobId).not.toBe(prints[1]!.jobId);
    expect(prints[0]!.byteLength).toBeGreaterThan(20);
    expect(prints[0]!.previewHtml).toContain('受理回执');
  });

  it('has no sim routes when the devices are real', async () => {
    const agent = await composeAgent({
      api: { port: 0, pairingToken: TOKEN, allowedOrigins: [ORIGIN] },
      reader: { address: 'tcp:127.0.0.1:9' },
      printers: { receipt: { address: 'tcp:127.0.0.1:9' } },
      logger: false,
    });
    agents.push(agent);
    for (const [method, url] of [['GET', '/v1/sim/cards'], ['PUT', '/v1/sim/card'], ['GET', '/v1/sim/prints']] as const) {
      expect((await agent.app.inject({ method, url, headers: auth })).statusCode).toBe(404);
    }
    expect(agent.status().simulated).toBe(false);
  });
});

describe('agent API: session', () => {
  it('release forgets the card the agent read', async () => {
    const agent = await simulatedAgent();
    const read = new Promise<AgentEvent>((resolve) => agent.subscribe((e) => e.type === 'card.read' && resolve(e)));
    agent.startDevices();
    agent.simulators.reader!.placeDemoCard('zhang-guihua');
    await read;
    const held = agent.heldCard();
    expect(held?.card.name).toBe('张桂花');
    const res = await agent.app.inject({ method: 'POST', url: '/v1/session/release', headers: { ...auth, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(204);
    expect(agent.heldCard()).toBeUndefined();
    expect(held!.photo.every((b) => b === 0)).toBe(true);
  });
});
