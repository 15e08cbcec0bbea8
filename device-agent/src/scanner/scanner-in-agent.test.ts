import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent } from '@eldercare/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { composeAgent, type ComposedAgent } from '../agent/compose-agent';

const TOKEN = 'scanner-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const agents: ComposedAgent[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function agentWith(scanner?: { address: string; mode?: 'serial' | 'keyboard' }): Promise<ComposedAgent> {
  const queueDir = await mkdtemp(join(tmpdir(), 'eldercare-scan-agent-'));
  dirs.push(queueDir);
  const agent = await composeAgent({
    api: { port: 0, pairingToken: TOKEN, allowedOrigins: ['http://127.0.0.1:8080'] },
    reader: { address: 'sim:' },
    printers: { receipt: { address: 'sim:' } },
    ...(scanner && { scanner }),
    queueDir,
    logger: false,
  });
  agents.push(agent);
  return agent;
}

function nextScanEvent(agent: ComposedAgent): Promise<AgentEvent> {
  return new Promise((resolve) => {
    const off = agent.subscribe((e) => {
      if (e.type !== 'scan.read' && e.type !== 'scan.rejected') return;
      off();
      resolve(e);
    });
  });
}

describe('the scanner in the agent', () => {
  it.each(['serial', 'keyboard'] as const)('POST /v1/sim/scan scans on the simulated %s scanner; the event reaches subscribers', async (mode) => {
    const agent = await agentWith({ address: 'sim:', mode });
    agent.startDevices();
    const read = nextScanEvent(agent);
    const res = await agent.app.inject({ method: 'POST', url: '/v1/sim/scan', headers: auth, payload: { text: 'YL20261122000123' } });
    expect(res.statusCode).toBe(204);
    expect(await read).toEqual({ type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } });

    const rejected = nextScanEvent(agent);
    await agent.app.inject({ method: 'POST', url: '/v1/sim/scan', headers: auth, payload: { text: '6901234567892' } });
    expect(await rejected).toEqual({ type: 'scan.rejected', code: 'SCAN_UNKNOWN_FORMAT' });

    const status = await agent.app.inject({ method: 'GET', url: '/v1/status', headers: auth });
    expect(status.json()).toMatchObject({ simulated: true, scanner: { address: 'sim:', mode, state: 'ready' } });
  });

  it('has no scanner in the status and no scan route when none is configured', async () => {
    const agent = await agentWith();
    expect(agent.status().scanner).toBeUndefined();
    const res = await agent.app.inject({ method: 'POST', url: '/v1/sim/scan', headers: auth, payload: { text: 'x' } });
    expect(res.statusCode).toBe(404);
  });

  it('shows an absent real scanner as offline, with the reason', async () => {
    const agent = await agentWith({ address: 'serial:/dev/does-not-exist-scanner?baud=9600' });
    const offline = new Promise<AgentEvent>((resolve) => {
      const off = agent.subscribe((e) => {
        if (e.type === 'device.status' && e.status.scanner?.lastError) {
          off();
          resolve(e);
        }
      });
    });
    agent.startDevices();
    expect(await offline).toMatchObject({ status: { scanner: { state: 'offline', mode: 'serial', lastError: 'TRANSPORT_OPEN_FAILED' } } });
    const res = await agent.app.inject({ method: 'POST', url: '/v1/sim/scan', headers: auth, payload: { text: 'x' } });
    expect(res.statusCode).toBe(404);
  });
});
