import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** `npm start` as a newcomer runs it (the UI is built by the test command beforehand). */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves every page it prints, on PGlite in its data folder, and stops on Ctrl+C', async () => {
    const [port, agentPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'scripts/start.ts')], {
      cwd: REPO_ROOT,
      // Without the suite's PGlite template: this is a real first start, initdb included.
      env: { ...process.env, PGLITE_TEMPLATE: '', PORT: String(port), AGENT_PORT: String(agentPort), DATA_DIR: dataDir },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', () => output.includes('Press Ctrl+C') && ready());
      child.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
    });

    const urls = [...output.matchAll(/http:\/\/127\.0\.0\.1:\d+\/\S*/g)].map((m) => m[0]);
    expect(urls).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${port}/kiosk/?centre=xuhui-tianping`, `http://127.0.0.1:${port}/sim/`, `http://127.0.0.1:${port}/tech/`,
        `http://127.0.0.1:${port}/window/`,
        `http://127.0.0.1:${port}/display/?centre=xuhui-tianping`,
        `http://127.0.0.1:${port}/admin/`,
        `http://127.0.0.1:${port}/api/docs`,
      ]),
    );
    for (const url of urls.filter((u) => u.includes(`:${port}/`))) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
    }
    const kiosk = await (await fetch(`http://127.0.0.1:${port}/kiosk/`)).text();
    expect(kiosk).toMatch(/<script type="module"[^>]+src="\/assets\/kiosk-[^"]+\.js"/);
    await expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json()).resolves.toEqual({ status: 'ok', database: 'pglite' });
    expect(output).toContain(`PGlite in ${dataDir}`);

    // The simulated devices are processes of their own, each with a control API…
    const controls = [...output.matchAll(/control (http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => m[1]!);
    expect(controls).toHaveLength(3);
    for (const control of controls) expect((await fetch(`${control}/link`)).status).toBe(200);

    const exited = new Promise<number | null>((done) => child.once('exit', done));
    child.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
    // …and they end with it.
    for (const control of controls) await expect(fetch(`${control}/link`)).rejects.toThrow();
  });
});
