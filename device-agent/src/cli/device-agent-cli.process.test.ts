/**
 * `npx device-agent` as a user runs it: the bin launcher in its own process, against the reader
 * and printer simulators in their own processes on TCP.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoResidents, shanghaiDate } from '@eldercare/domain';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSimulator, type SimulatorProcess } from '../simulators/control/spawn-simulator';
import { startAgent } from '../agent/start-agent';

const BIN = fileURLToPath(new URL('../../bin/device-agent.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port that was free a moment ago, so each simulator's address is known before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npx device-agent', { timeout: 60_000 }, () => {
  let reader: SimulatorProcess;
  let printer: SimulatorProcess;

  beforeAll(async () => {
    const [readerPort, printerPort] = [await freePort(), await freePort()];
    [reader, printer] = await Promise.all([
      spawnSimulator('reader', { serve: { tcp: readerPort } }),
      spawnSimulator('printer', { serve: { tcp: printerPort }, args: ['--quiet'] }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([reader?.stop(), printer?.stop()]);
  });

  it('--help lists the commands; an unknown command is a usage error', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['run', 'ports', 'test-read', 'test-print', 'status']) expect(help.stdout).toContain(`  ${command}`);
    const bad = await cli('frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown command "frobnicate"');
  });

  it('test-read prints the card masked and exits 0', async () => {
    await reader.control.placeCard('li-xiuying');
    const run = await cli('test-read', '--reader', reader.address, '--timeout', '5');
    expect(run.stderr).toContain('healthy');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { samId: string; samHealthy: boolean; card: Record<string, unknown> };
    expect(result.samHealthy).toBe(true);
    expect(result.samId).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
    expect(result.card).toMatchObject({ cardType: 'resident', nameMasked: '李**', sex: 'female', photoBytes: 1024 });
    expect(result.card.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(run.stdout + run.stderr).not.toContain('李秀英');
    await reader.control.removeCard();
  });

  it('test-read: no card within the timeout → exit 4; no reader → exit 3', async () => {
    const noCard = await cli('test-read', '--reader', reader.address, '--timeout', '1');
    expect(noCard.code).toBe(4);
    expect(noCard.stderr).toContain('No card on the reader within 1 s');
    const noReader = await cli('test-read', '--reader', 'tcp:127.0.0.1:1', '--timeout', '1');
    expect(noReader.code).toBe(3);
    expect(noReader.stderr).toContain('Cannot open the reader at tcp:127.0.0.1:1');
  });

  it('test-print prints a test page and reports DLE EOT; paper out → exit 5 with the status', async () => {
    await printer.control.clearPrints();
    const run = await cli('test-print', '--printer', printer.address, '--role', 'ticket');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { state: string; role: string; dleEot: Record<string, string> };
    expect(result).toMatchObject({ state: 'ready', role: 'ticket' });
    expect(result.dleEot.paperSensor).toMatch(/^0x[0-9a-f]{2}$/);
    const prints = await printer.control.prints();
    expect(prints).toHaveLength(1);
    expect(prints[0]!.previewText).toContain('打印机自检');
    expect(prints[0]!.previewText).toContain('排队小票打印机');

    await printer.control.setPaper('out');
    const out = await cli('test-print', '--printer', printer.address);
    expect(out.code).toBe(5);
    expect(out.stderr).toContain('PRINTER_PAPER_OUT');
    expect(JSON.parse(out.stdout)).toMatchObject({ state: 'paper-out' });
    expect(await printer.control.prints()).toHaveLength(1);
    await printer.control.setPaper('ok');
  });

  it('run: with its request log on, the agent never writes a name or ID number', async () => {
    const person = demoResidents(shanghaiDate(new Date())).find((r) => r.key === 'li-xiuying')!;
    const [port, dir] = [await freePort(), mkdtempSync(join(tmpdir(), 'agent-log-'))];
    const token = 'cli-log-test-token-0123456789ab';
    const child = spawn(process.execPath, [BIN, 'run', '--reader', reader.address, '--printer', printer.address, '--port', String(port), '--token', token], {
      cwd: dir,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    const call = (method: string, path: string, body?: unknown) =>
      fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check().catch(() => false)); i++) await new Promise((r) => setTimeout(r, 100));
    };
    try {
      await until(async () => (await call('GET', '/v1/status')).ok);
      await reader.control.placeCard(person.key);
      await until(async () => ((await (await call('GET', '/v1/status')).json()) as { reader: { state: string } }).reader.state === 'card-present');
      const read = await call('POST', '/v1/tech/test-read', {});
      expect(read.status).toBe(200);
      expect(JSON.stringify(await read.json())).not.toContain(person.idNumber);
      const receipt = { id: 'log-test-receipt', blocks: [{ kind: 'field', label: '申请人', value: '李**' }] };
      expect((await call('POST', '/v1/print', { role: 'receipt', document: receipt })).status).toBe(200);
      expect((await call('POST', '/v1/print', { role: 'receipt', document: { id: person.idNumber, blocks: [] } })).status).toBe(400);
      await call('POST', '/v1/session/release');
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
      await reader.control.removeCard();
      await printer.control.clearPrints();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(output).toMatch(/"url":"\/v1\/status"|\/v1\/status/);
    for (const secret of [person.idNumber, person.name, person.address]) expect(output).not.toContain(secret);
  });

  it('status asks a running agent with the token, and says when none runs', async () => {
    const token = 'cli-status-test-token-0123456789';
    const agent = await startAgent({ api: { port: 0, pairingToken: token }, logger: false });
    try {
      const run = await cli('status', '--url', agent.url, '--token', token);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ simulated: true, reader: { address: 'sim:' } });
      expect((await cli('status', '--url', agent.url, '--token', 'wrong-token-0123456789')).code).toBe(7);
    } finally {
      await agent.close();
    }
    const none = await cli('status', '--url', agent.url, '--token', token);
    expect(none.code).toBe(6);
    expect(none.stderr).toContain(`No device agent is running at ${agent.url}`);
  });
});
