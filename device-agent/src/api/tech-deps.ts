import type { AgentEvent, AgentStatus, PrinterRole, PrintResult, TechDiagnostics, TechPrinter, TechTestRead } from '@eldercare/domain';
import type { CardRead } from '../reader/ga467-reader';
import type { ConfigReloader } from '../config/config-reloader';
import { maskedCard } from '../cli/masked-card';
import type { TechDeps } from './tech-routes';

/** The device methods the technician routes use (ReaderDevice, PrinterDevice). */
export interface TechReader {
  diagnose(): Promise<{ samId?: string; samHealthy: boolean; error?: string }>;
}
export interface TechPrinterDevice {
  diagnostics(): Promise<TechPrinter>;
  printTestPage(): Promise<PrintResult>;
}

export interface TechSources {
  status(): AgentStatus;
  reader(): TechReader;
  printers(): { receipt: TechPrinterDevice; ticket?: TechPrinterDevice | undefined };
  heldCard(): CardRead | undefined;
  subscribe(listener: (event: AgentEvent) => void): () => void;
  reloader: ConfigReloader;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The technician routes' view of a running agent, from its devices and its config reloader. */
export function createTechDeps(sources: TechSources): TechDeps {
  const printerView = (device: TechPrinterDevice): Promise<TechPrinter> => device.diagnostics();

  /** The card held now, or the next one read within timeoutMs. */
  const nextCard = (timeoutMs: number): Promise<CardRead | undefined> => {
    const held = sources.heldCard();
    if (held) return Promise.resolve(held);
    return new Promise((resolve) => {
      const finish = (card: CardRead | undefined) => {
        off();
        sources.clearTimeout(timer);
        resolve(card);
      };
      const off = sources.subscribe((event) => {
        if (event.type === 'card.read') finish(sources.heldCard());
      });
      const timer = sources.setTimeout(() => finish(undefined), timeoutMs);
    });
  };

  return {
    async diagnostics(): Promise<TechDiagnostics> {
      const [diagnosis, receipt, ticket] = await Promise.all([
        sources.reader().diagnose(),
        printerView(sources.printers().receipt),
        sources.printers().ticket ? printerView(sources.printers().ticket!) : undefined,
      ]);
      const status = sources.status();
      return {
        status,
        reader: { ...status.reader, diagnosis },
        printers: { receipt, ...(ticket && { ticket }) },
        ...(status.scanner && { scanner: status.scanner }),
        config: {
          ...(sources.reloader.path !== undefined && { path: sources.reloader.path }),
          ...(sources.reloader.lastReload && { lastReload: sources.reloader.lastReload }),
        },
      };
    },

    async testRead(timeoutMs: number): Promise<TechTestRead> {
      const diagnosis = await sources.reader().diagnose();
      const sam = { ...(diagnosis.samId !== undefined && { samId: diagnosis.samId }), samHealthy: diagnosis.samHealthy };
      if (!diagnosis.samHealthy) return { ...sam, code: diagnosis.error ?? 'READER_SAM_UNHEALTHY' };
      const read = await nextCard(timeoutMs);
      if (!read) return { ...sam, code: 'READER_NO_CARD' };
      return { ...sam, card: maskedCard(read.card, read.photo) };
    },

    async testPrint(role: PrinterRole): Promise<PrintResult | undefined> {
      return sources.printers()[role]?.printTestPage();
    },

    config: {
      get path() {
        return sources.reloader.path;
      },
      get lastReload() {
        return sources.reloader.lastReload;
      },
      text: () => sources.reloader.text(),
      save: (text) => sources.reloader.save(text),
    },
  };
}
