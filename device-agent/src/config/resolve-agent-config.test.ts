import { describe, expect, it } from 'vitest';
import { AgentConfigError } from './agent-config-error';
import { agentConfigIssues, resolveAgentConfig } from './resolve-agent-config';

const TOKEN = 'resolve-test-token-0123';

describe('resolveAgentConfig', () => {
  it('fills every default in one pass and keeps what was given', () => {
    const config = resolveAgentConfig({ api: { pairingToken: TOKEN }, reader: { pollIntervalMs: 120 } });
    expect(config).toEqual({
      api: { host: '127.0.0.1', port: 7421, pairingToken: TOKEN, allowedOrigins: ['http://127.0.0.1:8080', 'http://localhost:8080'] },
      reader: { address: 'sim:', pollIntervalMs: 120, reconnectMs: 2000, readExtraAddress: true },
      printers: { receipt: expect.objectContaining({ address: 'sim:', statusIntervalMs: 5000, selfTestOnStart: false }) },
      queueDir: './data/agent/print-queue',
      cardHoldMs: 60000,
      logger: true,
    });
  });

  it('defaults inside optional sections only when the section is there', () => {
    const config = resolveAgentConfig({ printers: { ticket: { address: 'usb:0416:5011' } }, scanner: { address: 'evdev:/dev/input/by-id/usb-scanner-event-kbd', mode: 'keyboard' } });
    expect(config.printers.ticket).toMatchObject({ address: 'usb:0416:5011', statusIntervalMs: 5000, selfTestOnStart: false });
    expect(config.scanner).toEqual({ address: 'evdev:/dev/input/by-id/usb-scanner-event-kbd', mode: 'keyboard', interByteTimeoutMs: 50 });
  });

  it('does not change its input', () => {
    const input = { reader: { address: 'sim:' } };
    resolveAgentConfig(input);
    expect(input).toEqual({ reader: { address: 'sim:' } });
  });

  it('names the bad key and says what it expects', () => {
    expect(agentConfigIssues({ printers: { receipt: { address: 'tcp:printer' } } })).toEqual([
      { path: 'printers.receipt.address', message: 'expected a device address such as tcp:192.168.1.50:9100 (got "tcp:printer": expected host:port, e.g. tcp:192.168.1.50:9100)' },
    ]);
    expect(agentConfigIssues({ reader: { pollIntervalMs: -1 } })).toEqual([
      { path: 'reader.pollIntervalMs', message: 'expected a number of milliseconds ≥ 10 (got -1)' },
    ]);
    expect(agentConfigIssues({ scanner: { address: 'sim:', mode: 'wedge' } })).toEqual([
      { path: 'scanner.mode', message: 'expected one of "serial", "hid", "keyboard" (got "wedge")' },
    ]);
    expect(agentConfigIssues({ printers: { ticket: {} } })).toEqual([{ path: 'printers.ticket.address', message: 'is required' }]);
    expect(agentConfigIssues([])).toEqual([{ path: '', message: 'expected a JSON object (got [])' }]);
  });

  it('names unknown keys at any depth, with the keys it knows', () => {
    expect(agentConfigIssues({ printer: {}, reader: { adress: 'sim:' } })).toEqual([
      { path: 'printer', message: 'unknown key (expected one of api, reader, printers, scanner, queueDir, cardHoldMs, logger, simulatorControl, simulatedToday)' },
      { path: 'reader.adress', message: 'unknown key (expected one of address, pollIntervalMs, reconnectMs, readExtraAddress)' },
    ]);
  });

  it('reports several problems at once and never echoes the token', () => {
    const err = (() => {
      try {
        resolveAgentConfig({ api: { pairingToken: 'secret-ish', port: 70000 }, cardHoldMs: 'long' }, 'agent.json');
      } catch (e) {
        return e as AgentConfigError;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(AgentConfigError);
    expect(err.code).toBe('AGENT_CONFIG_INVALID');
    expect(err.issues.map((i) => i.path).sort()).toEqual(['api.pairingToken', 'api.port', 'cardHoldMs']);
    expect(err.message).toMatch(/^agent\.json: /);
    expect(err.message).toContain('api.pairingToken: expected a secret of at least 16 characters (got 10 characters)');
    expect(err.message).not.toContain('secret-ish');
  });

  it('refuses a host that is not loopback with its own code, and origins with a path', () => {
    expect(() => resolveAgentConfig({ api: { host: '0.0.0.0' } })).toThrow(expect.objectContaining({ code: 'AGENT_HOST_NOT_LOOPBACK' }));
    expect(agentConfigIssues({ api: { allowedOrigins: ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/kiosk'] } })).toEqual([
      { path: 'api.allowedOrigins.1', message: expect.stringContaining('expected an origin') },
    ]);
    expect(resolveAgentConfig({ api: { allowedOrigins: ['http://127.0.0.1:8080/'] } }).api.allowedOrigins).toEqual(['http://127.0.0.1:8080']);
  });
});

describe('agentConfigIssues: several kinds at once', () => {
  it('checks addresses even when another key has the wrong type', () => {
    expect(agentConfigIssues({ printers: { receipt: { address: 'tcp:printer' } }, reader: { pollIntervalMs: -1 } }).map((i) => i.path)).toEqual([
      'reader.pollIntervalMs',
      'printers.receipt.address',
    ]);
  });
});
