import { DomainError, type IdCardData, type SimCard } from '@eldercare/domain';
import type { PrinterFault } from '../printer-simulator';
import type { ReaderFault } from '../reader-fault';
import type { ControlPrint, PaperBody } from './control-schemas';

export class SimulatorControlError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code, message);
  }
}

/** Calls the control API of a simulator process (see build-control-app.ts). */
export class SimulatorControlClient {
  constructor(readonly baseUrl: string) {}

  async request<T = void>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    if (!response.ok) {
      throw new SimulatorControlError(json.code ?? 'SIM_CONTROL_FAILED', json.message ?? `${method} ${path}: ${response.status}`, response.status);
    }
    return json as T;
  }

  /** Drops the device link (pty or TCP) and every connection; it comes back after forMs. */
  disconnect(forMs: number): Promise<void> {
    return this.request('POST', '/disconnect', { forMs });
  }

  link(): Promise<{ address: string; connected: boolean }> {
    return this.request('GET', '/link');
  }

  // Reader
  cards(): Promise<SimCard[]> {
    return this.request('GET', '/cards');
  }
  placeCard(card: string | IdCardData): Promise<void> {
    return this.request('PUT', '/card', typeof card === 'string' ? { key: card } : { card });
  }
  removeCard(): Promise<void> {
    return this.request('DELETE', '/card');
  }
  /** How often each command was answered; when find-card first said "found" since the last placement. */
  readerStats(): Promise<{ commands: Record<string, number>; cardFoundAt?: number }> {
    return this.request('GET', '/stats');
  }
  setReaderFaults(faults: ReaderFault[]): Promise<void> {
    return this.request('PUT', '/faults', faults);
  }

  // Printer
  prints(): Promise<ControlPrint[]> {
    return this.request('GET', '/prints');
  }
  clearPrints(): Promise<void> {
    return this.request('DELETE', '/prints');
  }
  setPaper(state: PaperBody['state']): Promise<void> {
    return this.request('PUT', '/paper', { state });
  }
  setCoverOpen(open: boolean): Promise<void> {
    return this.request('PUT', '/cover', { open });
  }
  runOutOfPaperAfter(bytes: number): Promise<void> {
    return this.request('PUT', '/run-out-after', { bytes });
  }
  setPrinterFaults(faults: PrinterFault[]): Promise<void> {
    return this.request('PUT', '/faults', faults);
  }

  clearFaults(): Promise<void> {
    return this.request('DELETE', '/faults');
  }
}
