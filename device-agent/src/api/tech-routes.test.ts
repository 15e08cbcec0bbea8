import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TechConfig, TechConfigError, TechDiagnostics, TechTestRead } from '@eldercare/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { composeAgent, type ComposeAgentOptions, type ComposedAgent } from '../agent/compose-agent';
import type { AgentConfigInput } from '../config/agent-config-schema';

const TOKEN = 'tech-routes-test-token-0123456789';
const ORIGIN = 'http://127.0.0.1:8080';
const auth = { authorization: `Bearer ${TOKEN}` };
const CONFIG: AgentConfigInput = {
  api: { port: 0, pairingToken: TOKEN, allowedOrigins: [ORIGIN] },
  reader: { address: 'sim:', pollIntervalMs: 50 },
  printers: { receipt: { address: 'sim:' } },
  simulatedToday: '2025-06-15',
  logger: false,
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function agent(options: ComposeAgentOptions = {}, config: AgentConfigInput = CONFIG): Promise<ComposedAgent> {
  const composed = await composeAgent(config, options);
  cleanups.push(() => composed.close());
  composed.startDevices();
  return composed;
}

function tempConfigFile(content: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-config-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'agent.json');
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

const readerReady = (a: ComposedAgent) =>
  new Promise<void>((resolve) => {
    if (a.status().reader.state === 'ready') return resolve();
    const off = a.subscribe((e) => {
      if (e.type === 'device.status' && e.status.reader.state === 'ready') {
        off();
        resolve();
      }
    });
  });

describe('technician API', () => {
  it('needs the token and an allowed Origin like every route', async () => {
    const { app } = await agent();
    expect((await app.inject({ method: 'GET', url: '/v1/tech/diagnostics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/tech/config', headers: { ...auth, origin: 'https://evil.example' } })).statusCode).toBe(403);
  });

  it('diagnostics: every device, the SAM checked now, printer counters and the last print preview', async () => {
    const a = await agent();
    await readerReady(a);
    const print = await a.app.inject({ method: 'POST', url: '/v1/tech/test-print', headers: auth, payload: { role: 'receipt' } });
    expect(print.statusCode).toBe(200);
    expect(print.json()).toMatchObject({ state: 'printed' });

    const res = await a.app.inject({ method: 'GET', url: '/v1/tech/diagnostics', headers: auth });
    expect(res.statusCode).toBe(200);
    const d = res.json() as TechDiagnostics;
    expect(d.reader).toMatchObject({ address: 'sim:', state: 'ready', diagnosis: { samHealthy: true, samId: '05.01-20201218-0000001234-0000004321' } });
    expect(d.printers.receipt).toMatchObject({ role: 'receipt', address: 'sim:', state: 'ready' });
    expect(Object.values(d.printers.receipt.counters).some((n) => n >= 1)).toBe(true);
    expect(d.printers.receipt.lastPrint?.previewHtml).toContain('打印机自检');
    expect(d.printers.ticket).toBeUndefined();
    expect(d.config).toEqual({});
  });

  it('test-print of a printer that is not configured → 404 PRINTER_NOT_CONFIGURED', async () => {
    const { app } = await agent();
    const res = await app.inject({ method: 'POST', url: '/v1/tech/test-print', headers: auth, payload: { role: 'ticket' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PRINTER_NOT_CONFIGURED' });
    expect((await app.inject({ method: 'POST', url: '/v1/tech/test-print', headers: auth, payload: { role: 'label' } })).statusCode).toBe(400);
  });

  it('test-read: SAM status and the card, masked; no card within the time → READER_NO_CARD', async () => {
    const a = await agent();
    await readerReady(a);
    const none = await a.app.inject({ method: 'POST', url: '/v1/tech/test-read', headers: auth, payload: { timeoutMs: 0 } });
    expect(none.json()).toEqual({ samId: '05.01-20201218-0000001234-0000004321', samHealthy: true, code: 'READER_NO_CARD' });

    const reading = a.app.inject({ method: 'POST', url: '/v1/tech/test-read', headers: auth, payload: { timeoutMs: 10_000 } });
    a.simulators.reader!.placeDemoCard('li-xiuying');
    const res = await reading;
    const body = res.json() as TechTestRead;
    expect(body.card).toMatchObject({ cardType: 'resident', nameMasked: '李**', sex: 'female', photoBytes: 1024 });
    expect(body.card!.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(res.body).not.toContain('李秀英');
  });

  it('PUT config: an invalid config → 400 naming each key; nothing saved, nothing changed', async () => {
    const path = tempConfigFile(CONFIG);
    const a = await agent({ configFile: path });
    const before = readFileSync(path, 'utf8');
    const text = JSON.stringify({ ...CONFIG, printers: { receipt: { address: 'tcp:printer' } }, reader: { address: 'sim:', pollIntervalMs: -1 }, colour: 'red' });
    const res = await a.app.inject({ method: 'PUT', url: '/v1/tech/config', headers: auth, payload: { text } });
    expect(res.statusCode).toBe(400);
    const error = res.json() as TechConfigError;
    expect(error.code).toBe('AGENT_CONFIG_INVALID');
    expect(error.issues).toEqual(expect.arrayContaining([
      { path: 'colour', message: expect.stringContaining('unknown key') },
      { path: 'reader.pollIntervalMs', message: 'expected a number of milliseconds ≥ 10 (got -1)' },
    ]));
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(a.status().reader.address).toBe('sim:');
  });

  it('PUT config: saves the file and reopens the reader only; a port change is reported as needing a restart', async () => {
    const path = tempConfigFile(CONFIG);
    const a = await agent({ configFile: path });
    const got = (await a.app.inject({ method: 'GET', url: '/v1/tech/config', headers: auth })).json() as TechConfig;
    expect(got.path).toBe(path);
    expect(JSON.parse(got.text)).toEqual(CONFIG);

    const next = { ...CONFIG, api: { ...CONFIG.api, port: 7999 }, reader: { address: 'tcp:127.0.0.1:9', reconnectMs: 5000 } };
    const text = JSON.stringify(next, null, 2);
    const res = await a.app.inject({ method: 'PUT', url: '/v1/tech/config', headers: auth, payload: { text } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, reload: { source: 'api', ok: true, reopened: ['reader'], restartNeeded: ['api.port'] } });
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(a.status().reader.address).toBe('tcp:127.0.0.1:9');
    expect(a.status().printers.receipt.address).toBe('sim:');
    const d = (await a.app.inject({ method: 'GET', url: '/v1/tech/diagnostics', headers: auth })).json() as TechDiagnostics;
    expect(d.config).toMatchObject({ path, lastReload: { ok: true, reopened: ['reader'] } });
  });

  it('reloads when the file changes: a valid edit reopens the reader, an invalid one is reported and the running config stays', async () => {
    const path = tempConfigFile(CONFIG);
    const logs: string[] = [];
    let logged = () => {};
    const a = await agent({ configFile: path, log: (line) => (logs.push(line), logged()) });
    const nextLog = () => new Promise<string>((resolve) => (logged = () => resolve(logs.at(-1)!)));

    let seen = nextLog();
    writeFileSync(path, JSON.stringify({ ...CONFIG, reader: { address: 'tcp:127.0.0.1:9' } }));
    expect(await seen).toContain('reopened reader');
    expect(a.status().reader.address).toBe('tcp:127.0.0.1:9');

    seen = nextLog();
    writeFileSync(path, JSON.stringify({ ...CONFIG, reader: { address: 'tcp:nowhere' } }));
    expect(await seen).toContain('reader.address: expected a device address');
    expect(a.status().reader.address).toBe('tcp:127.0.0.1:9');

    seen = nextLog();
    expect((await a.reloadConfig('signal')).ok).toBe(false);
    await seen;
  });
});
