import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScannerDevice, type ScannerEvent } from '../scanner/scanner-device';
import { EvdevTransport } from '../transports/evdev-transport';

const main = fileURLToPath(new URL('./scanner-simulator-main.ts', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe.runIf(spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0)('scanner-simulator-main --fifo', () => {
  it('types each stdin line into a FIFO that the agent reads as an evdev device', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eldercare-scanner-main-'));
    dirs.push(dir);
    const fifo = join(dir, 'scanner-event-kbd');
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--fifo', fifo], { stdio: ['pipe', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.setEncoding('utf8');
    const waitFor = (text: string) => new Promise<void>((resolve) => {
      const check = () => log.includes(text) && resolve();
      child.stderr.on('data', (d: string) => {
        log += d;
        check();
      });
      check();
    });
    try {
      await waitFor('waiting for the agent');
      const device = new ScannerDevice(`evdev:${fifo}`, new EvdevTransport(`evdev:${fifo}`, { path: fifo, readPollMs: 2 }), { mode: 'keyboard' });
      const events: ScannerEvent[] = [];
      const two = new Promise<void>((resolve) => device.on((e) => e.type !== 'scanner.state' && events.push(e) === 2 && resolve()));
      device.start();
      await waitFor('ready');
      child.stdin.write('YL20261122000123\nSSM:0123456789abcdefXYZ\n');
      await two;
      expect(events).toEqual([
        { type: 'scan.read', scan: { kind: 'application', applicationNo: 'YL20261122000123' } },
        { type: 'scan.read', scan: { kind: 'suishenma', token: '0123456789abcdefXYZ' } },
      ]);
      // The personal code never reaches the simulator's log.
      await waitFor('sent a scan');
      expect(log).not.toContain('0123456789abcdef');
      await device.close();
    } finally {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
