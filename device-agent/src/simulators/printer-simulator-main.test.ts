import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../escpos/encode-receipt';

const MAIN = fileURLToPath(new URL('./printer-simulator-main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function start(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; waitFor: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT });
  let out = '';
  const waiters: Array<() => void> = [];
  const onChunk = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(text) && resolve();
      waiters.push(check);
      child.once('exit', () => (out.includes(text) ? resolve() : reject(new Error(`exited before "${text}":\n${out}`))));
      check();
    });
  return { child, output: () => out, waitFor };
}

let running: ChildProcessWithoutNullStreams | null = null;
afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
  running = null;
});

describe('printer-simulator-main', () => {
  it('listens where told, says so in one JSON line, answers status, logs a text preview of each job and closes on SIGINT', async () => {
    const port = await freePort();
    const sim = start(['--listen', `tcp:127.0.0.1:${port}`, '--state', 'paper-near-end']);
    running = sim.child;
    await sim.waitFor('"ready":true');
    expect(sim.output()).toContain('state paper-near-end');
    const ready = JSON.parse(sim.output().split('\n').find((line) => line.startsWith('{'))!) as Record<string, unknown>;
    expect(ready).toMatchObject({ ready: true, device: 'printer', address: `tcp:127.0.0.1:${port}`, control: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });

    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(Uint8Array.of(0x10, 0x04, 0x04));
    const [reply] = (await once(socket, 'data')) as [Buffer];
    expect(reply.toString('hex')).toBe('1e');
    socket.write(encodeReceipt({ id: 'm', blocks: [{ kind: 'heading', text: '受理回执' }, { kind: 'qr', data: 'SQ9' }] }));
    await sim.waitFor('[QR] SQ9');
    expect(sim.output()).toMatch(/\[sim-print-1\] \S+, \d+ bytes\n +受理回执\n/);
    socket.destroy();

    sim.child.kill('SIGINT');
    const [code] = await once(sim.child, 'exit');
    expect(code).toBe(0);
  });

  it('refuses a bad state or address with exit code 2', async () => {
    const bad = start(['--listen', 'tcp:127.0.0.1:9100', '--state', 'jammed']);
    running = bad.child;
    const [code] = await once(bad.child, 'exit');
    expect(code).toBe(2);
    expect(bad.output()).toContain('--state must be one of ready, paper-near-end, paper-out, cover-open, offline');

    const serial = start(['--listen', 'serial:/dev/ttyUSB0']);
    running = serial.child;
    expect((await once(serial.child, 'exit'))[0]).toBe(2);
    expect(serial.output()).toContain('--tcp takes [host:]port');
  });
});
