import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, parseAgentCli } from './agent-cli';

const noFile = async (): Promise<string> => {
  throw new Error('no file expected');
};

describe('parseAgentCli', () => {
  it('defaults: simulated devices, port 7421, a random token, the local UI origins', async () => {
    const cli = await parseAgentCli([], noFile);
    expect(cli.config).toMatchObject({ reader: 'sim:', receiptPrinter: 'sim:', port: 7421, allowedOrigins: DEFAULT_ORIGINS, logger: true });
    expect(cli.tokenGenerated).toBe(true);
    expect(cli.config.pairingToken.length).toBeGreaterThanOrEqual(32);
    expect((await parseAgentCli([], noFile)).config.pairingToken).not.toBe(cli.config.pairingToken);
  });

  it('flags win over the config file, which wins over defaults', async () => {
    const file = JSON.stringify({ reader: 'serial:/dev/ttyUSB0', printer: 'tcp:10.0.0.5:9100', port: 7500, token: 'from-file-token-0123', origin: ['http://kiosk.local:8080'], cardHoldMs: 30000 });
    const cli = await parseAgentCli(['--config', 'agent.json', '--port', '7600', '--origin', 'http://a:1', '--origin', 'http://b:2', '--quiet'], async (path) => {
      expect(path).toBe('agent.json');
      return file;
    });
    expect(cli.config).toMatchObject({
      reader: 'serial:/dev/ttyUSB0',
      receiptPrinter: 'tcp:10.0.0.5:9100',
      port: 7600,
      pairingToken: 'from-file-token-0123',
      allowedOrigins: ['http://a:1', 'http://b:2'],
      cardHoldMs: 30000,
      logger: false,
    });
    expect(cli.tokenGenerated).toBe(false);
  });

  it('rejects unknown flags, bad ports and bad config files with AGENT_CONFIG_INVALID', async () => {
    await expect(parseAgentCli(['--bogus'], noFile)).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(parseAgentCli(['--port', 'abc'], noFile)).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{not json')).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{"readr":"sim:"}')).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
    await expect(parseAgentCli(['--config', 'x.json'], async () => '{"port":"7421"}')).rejects.toMatchObject({ code: 'AGENT_CONFIG_INVALID' });
  });
});
