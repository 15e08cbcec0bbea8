import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, parseAgentCli } from './agent-cli';

const noFile = async (): Promise<string> => {
  throw new Error('no file expected');
};

describe('parseAgentCli', () => {
  it('defaults: simulated devices, port 7421, a random token, the local UI origins', async () => {
    const cli = await parseAgentCli([], noFile);
    expect(cli.config).toMatchObject({
      api: { port: 7421, allowedOrigins: DEFAULT_ORIGINS },
      reader: { address: 'sim:' },
      printers: { receipt: { address: 'sim:' } },
      logger: true,
    });
    expect(cli.config.printers.ticket).toBeUndefined();
    expect(cli.tokenGenerated).toBe(true);
    expect(cli.config.api.pairingToken!.length).toBeGreaterThanOrEqual(32);
    expect(cli.overrides.api?.pairingToken).toBe(cli.config.api.pairingToken); // kept across reloads
    expect((await parseAgentCli([], noFile)).config.api.pairingToken).not.toBe(cli.config.api.pairingToken);
  });

  it('flags win over the config file, which wins over defaults', async () => {
    const file = JSON.stringify({
      api: { port: 7500, pairingToken: 'from-file-token-0123', allowedOrigins: ['http://kiosk.local:8080'] },
      reader: { address: 'serial:/dev/ttyUSB0', pollIntervalMs: 250 },
      printers: { receipt: { address: 'tcp:10.0.0.5:9100' }, ticket: { address: 'usb:0416:5011' } },
      cardHoldMs: 30000,
    });
    const argv = ['--config', 'agent.json', '--port', '7600', '--origin', 'http://a:1', '--origin', 'http://b:2', '--quiet',
      '--ticket-printer', 'tcp:10.0.0.6:9100', '--scanner', 'serial:/dev/ttyACM0?baud=9600'];
    const cli = await parseAgentCli(argv, async (path) => {
      expect(path).toBe('agent.json');
      return file;
    });
    expect(cli.config).toMatchObject({
      api: { port: 7600, pairingToken: 'from-file-token-0123', allowedOrigins: ['http://a:1', 'http://b:2'] },
      reader: { address: 'serial:/dev/ttyUSB0', pollIntervalMs: 250, reconnectMs: 2000 },
      printers: { receipt: { address: 'tcp:10.0.0.5:9100' }, ticket: { address: 'tcp:10.0.0.6:9100', statusIntervalMs: 5000 } },
      scanner: { address: 'serial:/dev/ttyACM0?baud=9600', mode: 'serial', interByteTimeoutMs: 50 },
      cardHoldMs: 30000,
      logger: false,
    });
    expect(cli.configPath).toBe('agent.json');
    expect(cli.tokenGenerated).toBe(false);
  });

  it('rejects unknown flags, bad ports and bad config files with AGENT_CONFIG_INVALID naming the key', async () => {
    await expect(parseAgentCli(['--bogus'], noFile)).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(parseAgentCli(['--port', 'abc'], noFile)).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID', message: expect.stringContaining('--port') });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{\n  "api": {,\n}')).rejects.toMatchObject({
      code: 'AGENT_CONFIG_INVALID',
      message: expect.stringMatching(/x\.json: not valid JSON at line 2/),
    });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{"readr":{}}')).rejects.toMatchObject({
      code: 'AGENT_CONFIG_INVALID',
      issues: [{ path: 'readr', message: expect.stringContaining('unknown key') }],
    });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{"api":{"port":"7421"}}')).rejects.toMatchObject({
      issues: [{ path: 'api.port', message: 'expected a port number from 0 to 65535 (got "7421")' }],
    });
    await expect(parseAgentCli(['--reader', 'com3'], noFile)).rejects.toMatchObject({ issues: [{ path: 'reader.address' }] });
  });
});
