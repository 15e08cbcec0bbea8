import { describe, expect, it, vi } from 'vitest';
import type { DevicePart } from './config-changes';
import { ConfigReloader } from './config-reloader';
import { mergeConfig } from './load-agent-config';
import { resolveAgentConfig } from './resolve-agent-config';
import type { AgentConfig } from './agent-config-schema';

const TOKEN = 'reloader-test-token-0123';
const file = (over: object = {}) => JSON.stringify({ api: { pairingToken: TOKEN, port: 7421 }, reader: { address: 'sim:' }, ...over }, null, 2);

function setUp(initialText = file(), path: string | null = '/etc/agent.json') {
  const files = new Map<string, string>(path ? [[path, initialText]] : []);
  const reopened: { parts: DevicePart[]; next: AgentConfig }[] = [];
  const log: string[] = [];
  const reloader = new ConfigReloader(resolveAgentConfig(mergeConfig(JSON.parse(initialText), { logger: false })), {
    ...(path && { path }),
    overrides: { logger: false },
    read: async (p) => {
      const text = files.get(p);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    write: async (p, text) => void files.set(p, text),
    reopen: async (parts, next) => void reopened.push({ parts, next }),
    log: (line) => log.push(line),
    now: () => new Date('2025-06-15T02:00:00Z'),
  });
  return { reloader, files, reopened, log };
}

describe('ConfigReloader', () => {
  it('reopens only the device whose config changed', async () => {
    const { reloader, files, reopened } = setUp();
    files.set('/etc/agent.json', file({ printers: { receipt: { address: 'tcp:10.0.0.5:9100' } } }));
    const report = await reloader.reload('signal');
    expect(report).toEqual({ at: '2025-06-15T02:00:00.000Z', source: 'signal', ok: true, reopened: ['printers.receipt'], restartNeeded: [], issues: [] });
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.next.printers.receipt.address).toBe('tcp:10.0.0.5:9100');
    expect(reloader.config.printers.receipt.address).toBe('tcp:10.0.0.5:9100');

    files.set('/etc/agent.json', file({ printers: { receipt: { address: 'tcp:10.0.0.5:9100' } }, reader: { address: 'sim:', pollIntervalMs: 500 } }));
    expect((await reloader.reload('file')).reopened).toEqual(['reader']);
    expect(reopened).toHaveLength(2);
  });

  it('says a port change needs a restart and keeps the running port until then', async () => {
    const { reloader, files, reopened, log } = setUp();
    files.set('/etc/agent.json', file({ api: { pairingToken: TOKEN, port: 7500 } }));
    const report = await reloader.reload('file');
    expect(report).toMatchObject({ ok: true, reopened: [], restartNeeded: ['api.port'] });
    expect(reopened).toHaveLength(0);
    expect(reloader.config.api.port).toBe(7421);
    expect(log.join('\n')).toContain('api.port changed; takes effect after a restart');
  });

  it('an invalid file is reported with the named keys and the running config stays', async () => {
    const { reloader, files, reopened, log } = setUp();
    files.set('/etc/agent.json', file({ reader: { address: 'com3', pollIntervalMs: -1 } }));
    const report = await reloader.reload('file');
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => i.path)).toEqual(['reader.address', 'reader.pollIntervalMs']);
    expect(reloader.config.reader.address).toBe('sim:');
    expect(reloader.lastReload).toBe(report);
    expect(reopened).toHaveLength(0);
    expect(log.join('\n')).toContain('refused, the running config stays');

    files.set('/etc/agent.json', '{ "reader": ');
    expect((await reloader.reload('file')).issues[0]!.message).toMatch(/not valid JSON/);
  });

  it('save validates first (nothing written when invalid), then writes and applies; flags still win', async () => {
    const { reloader, files, reopened } = setUp();
    await expect(reloader.save(file({ printers: { receipt: { address: 'tcp:printer' } } }))).rejects.toMatchObject({
      code: 'AGENT_CONFIG_INVALID',
      issues: [{ path: 'printers.receipt.address', message: expect.stringContaining('expected a device address such as tcp:192.168.1.50:9100 (got "tcp:printer"') }],
    });
    expect(files.get('/etc/agent.json')).toBe(file());

    const text = file({ logger: true, reader: { address: 'tcp:127.0.0.1:7500' } });
    const result = await reloader.save(text);
    expect(result).toMatchObject({ saved: true, reload: { source: 'api', ok: true, reopened: ['reader'] } });
    expect(files.get('/etc/agent.json')).toBe(text);
    expect(reloader.config.logger).toBe(false); // the --quiet override
    expect(reopened[0]!.next.reader.address).toBe('tcp:127.0.0.1:7500');
    // Its own write, seen by the watcher, is not a second reload.
    await reloader.reload('file');
    expect(reopened).toHaveLength(1);
  });

  it('without a config file: save applies in memory and says it was not saved; text is the running config', async () => {
    const { reloader, reopened } = setUp(file(), null);
    expect(JSON.parse(await reloader.text())).toMatchObject({ reader: { address: 'sim:' }, api: { port: 7421 } });
    const result = await reloader.save(file({ reader: { address: 'tcp:127.0.0.1:7500' } }));
    expect(result).toMatchObject({ saved: false, reload: { ok: true, reopened: ['reader'] } });
    expect(reopened).toHaveLength(1);
    expect((await reloader.reload('signal')).ok).toBe(false);
  });

  it('reloads run one after another', async () => {
    const { reloader, files } = setUp();
    const order: string[] = [];
    let release = () => {};
    let started = () => {};
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const reopen = vi.fn(async () => {
      order.push('start');
      started();
      await new Promise<void>((resolve) => (release = resolve));
      order.push('end');
    });
    (reloader as unknown as { options: { reopen: typeof reopen } }).options.reopen = reopen;
    files.set('/etc/agent.json', file({ reader: { address: 'tcp:127.0.0.1:7500' } }));
    const first = reloader.reload('file');
    await firstStarted;
    files.set('/etc/agent.json', file({ reader: { address: 'tcp:127.0.0.1:7501' } }));
    const second = reloader.reload('signal');
    await Promise.resolve();
    expect(order).toEqual(['start']);
    release();
    await first;
    await vi.waitFor(() => expect(order).toEqual(['start', 'end', 'start']));
    release();
    await second;
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });
});
