import type {
  ConfigIssue,
  PrinterRole,
  PrintResult,
  TechConfig,
  TechConfigResult,
  TechDiagnostics,
  TechTestRead,
} from '@eldercare/domain';
import { AgentError } from '../shared/agent/agent-client';
import type { AgentPairing } from '../shared/agent/agent-pairing';

/** A PUT /v1/tech/config the agent refused, with every bad key named. */
export class ConfigRejectedError extends AgentError {
  constructor(
    message: string,
    readonly issues: ConfigIssue[],
  ) {
    super('AGENT_CONFIG_INVALID', message);
  }
}

/** The agent's technician routes (/v1/tech/*), with the same pairing as the kiosk. */
export class TechClient {
  constructor(private readonly pairing: AgentPairing) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; payload: T }> {
    let response: Response;
    try {
      response = await fetch(this.pairing.url + path, {
        method,
        headers: { authorization: `Bearer ${this.pairing.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (err) {
      throw new AgentError('AGENT_UNREACHABLE', err instanceof Error ? err.message : String(err));
    }
    const payload = (await response.json().catch(() => null)) as T;
    return { status: response.status, payload };
  }

  private async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, payload } = await this.call<T>(method, path, body);
    if (status >= 400) {
      const p = payload as { code?: string; message?: string } | null;
      throw new AgentError(p?.code ?? `HTTP_${status}`, p?.message ?? `HTTP ${status}`);
    }
    return payload;
  }

  diagnostics(): Promise<TechDiagnostics> {
    return this.ok('GET', '/v1/tech/diagnostics');
  }

  testRead(timeoutMs: number): Promise<TechTestRead> {
    return this.ok('POST', '/v1/tech/test-read', { timeoutMs });
  }

  /** The test page's result; a failed print (paper out …) is a result too, not an error. */
  async testPrint(role: PrinterRole): Promise<PrintResult> {
    const { status, payload } = await this.call<PrintResult & { code?: string; message?: string }>('POST', '/v1/tech/test-print', { role });
    if (status === 200 || status === 503) return payload;
    throw new AgentError(payload?.code ?? `HTTP_${status}`, payload?.message ?? `HTTP ${status}`);
  }

  config(): Promise<TechConfig> {
    return this.ok('GET', '/v1/tech/config');
  }

  async saveConfig(text: string): Promise<TechConfigResult> {
    const { status, payload } = await this.call<TechConfigResult & { code?: string; message?: string; issues?: ConfigIssue[] }>('PUT', '/v1/tech/config', { text });
    if (status === 200) return payload;
    if (status === 400 && payload?.issues) throw new ConfigRejectedError(payload.message ?? '', payload.issues);
    throw new AgentError(payload?.code ?? `HTTP_${status}`, payload?.message ?? `HTTP ${status}`);
  }
}
