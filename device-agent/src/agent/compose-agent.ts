import type { FastifyInstance } from 'fastify';
import { shanghaiDate, type AgentEvent, type AgentStatus } from '@eldercare/domain';
import { buildAgentApp } from '../api/build-agent-app';
import type { PrinterSimulator } from '../simulators/printer-simulator';
import { ReaderSimulator } from '../simulators/reader-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { createDuplexPair } from '../transports/duplex-pair';
import { createTransport } from '../transports/open-transport';
import type { AgentConfig, AgentConfigInput } from '../config/agent-config-schema';
import { bindHost, pairingTokenOf, resolveAgentConfig } from '../config/resolve-agent-config';
import { ConfigReloader, type ReloadSource } from '../config/config-reloader';
import type { DevicePart } from '../config/config-changes';
import { createTechDeps } from '../api/tech-deps';
import type { ConfigReload } from '@eldercare/domain';
import { CardSession } from './card-session';
import { EventHub } from './event-hub';
import { composePrinters } from './compose-printers';
import { ReaderDevice } from './reader-device';
import type { CardRead } from '../reader/ga467-reader';
import { composeScanner, type ComposedScanner } from '../scanner/compose-scanner';
import type { ScannerSimulator } from '../simulators/scanner-simulator';

export interface AgentSimulators {
  reader?: ReaderSimulator;
  receiptPrinter?: PrinterSimulator;
  ticketPrinter?: PrinterSimulator;
  scanner?: ScannerSimulator;
}

export interface ComposedAgent {
  /** The API, not yet listening (tests use app.inject). */
  app: FastifyInstance;
  /** The loopback host it must be bound to. */
  host: string;
  /** The config as resolved (defaults applied). */
  config: AgentConfig;
  simulators: AgentSimulators;
  /** The events the WebSocket clients get, for in-process consumers and tests. */
  subscribe(listener: (event: AgentEvent) => void): () => void;
  status(): AgentStatus;
  /** The card held for the current session, if any (diagnostics and tests; never logged). */
  heldCard(): CardRead | undefined;
  /** Starts the device links: reader polling and printer status polls. */
  startDevices(): void;
  /** Closes the API and the devices and forgets any held card. Idempotent. */
  close(): Promise<void>;
  /** Reads the config file again (SIGHUP, file change) and reopens what changed. */
  reloadConfig(source: Exclude<ReloadSource, 'api'>): Promise<ConfigReload>;
}

export interface ComposeAgentOptions {
  /** The config file: watched once the devices start, saved by PUT /v1/tech/config. */
  configFile?: string;
  /** CLI flags laid over the file on every reload. */
  overrides?: AgentConfigInput;
  /** Where config reloads are reported (besides /v1/tech/diagnostics). */
  log?(line: string): void;
}

/**
 * Composes the agent: device links (real transports or in-process simulators on a duplex
 * pair), the reader's card poller, the printer, the card session, the event hub and the API.
 */
export async function composeAgent(input: AgentConfigInput, options: ComposeAgentOptions = {}): Promise<ComposedAgent> {
  const config = resolveAgentConfig(input);
  const pairingToken = pairingTokenOf(config);
  const host = bindHost(config.api.host);
  const simulators: AgentSimulators = {};
  const closers: (() => Promise<void>)[] = [];

  let readerSimulated = false;
  let closeReaderSimulator: (() => Promise<void>) | undefined;
  /** The reader's link (a simulator on a duplex pair for sim:); a config reload opens it anew. */
  const readerLink = (next: AgentConfig): ByteTransport => {
    readerSimulated = parseDeviceAddress(next.reader.address).kind === 'sim';
    if (!readerSimulated) {
      closeReaderSimulator = undefined;
      return createTransport(next.reader.address);
    }
    const [agentEnd, simEnd] = createDuplexPair(next.reader.address);
    const simulator = new ReaderSimulator({ today: next.simulatedToday ?? shanghaiDate(new Date()) });
    simulator.attach(simEnd);
    simulators.reader = simulator;
    closeReaderSimulator = () => simulator.close();
    return agentEnd;
  };

  // Receipt and ticket printers, each with its durable queue (compose-printers.ts).
  let printers = await composePrinters(config);
  Object.assign(simulators, printers.simulators);

  const hub = new EventHub();
  const session = new CardSession(config.cardHoldMs);
  const openReader = (next: AgentConfig): ReaderDevice => {
    const device = new ReaderDevice(next.reader.address, readerLink(next), {
      pollIntervalMs: next.reader.pollIntervalMs,
      reconnectMs: next.reader.reconnectMs,
      readExtraAddress: next.reader.readExtraAddress,
    });
    device.on(onReaderEvent);
    return device;
  };
  // The scanner (optional): scans go to the event hub, its state into the status.
  const openScanner = (next: AgentConfig): ComposedScanner | undefined => {
    delete simulators.scanner;
    if (!next.scanner) return undefined;
    const composed = composeScanner(next.scanner);
    if (composed.simulator) simulators.scanner = composed.simulator;
    composed.device.on((event) => (event.type === 'scanner.state' ? publishStatusIfChanged() : hub.publish(event)));
    return composed;
  };
  let scanner = openScanner(config);

  const status = (): AgentStatus => ({
    simulated: readerSimulated || printers.simulated || scanner?.simulator !== undefined || config.simulatorControl !== undefined,
    reader: reader.status,
    printers: printers.status(),
    ...(scanner && { scanner: scanner.device.status }),
  });
  let lastStatus = '';
  const publishStatusIfChanged = () => {
    const current = status();
    const json = JSON.stringify(current);
    if (json === lastStatus) return;
    lastStatus = json;
    hub.publish({ type: 'device.status', status: current });
  };

  function onReaderEvent(event: Parameters<Parameters<ReaderDevice['on']>[0]>[0]): void {
    switch (event.type) {
      case 'card.read':
        session.hold({ card: event.card, photo: event.photo });
        hub.publish({ type: 'card.read', card: event.card } satisfies AgentEvent);
        break;
      case 'reader.state':
        publishStatusIfChanged();
        break;
      default:
        hub.publish(event);
    }
  }
  let reader = openReader(config);
  let started = false;

  const reopen = async (parts: DevicePart[], next: AgentConfig): Promise<void> => {
    if (parts.includes('reader')) {
      await reader.close();
      await closeReaderSimulator?.();
      session.forget();
      reader = openReader(next);
      if (started) reader.start();
    }
    if (parts.includes('scanner')) {
      await scanner?.close();
      scanner = openScanner(next);
      if (started) scanner?.device.start();
    }
    if (parts.some((part) => part.startsWith('printers.'))) {
      // Jobs still queued stay on disk and print from the new printers' queues.
      await printers.close();
      delete simulators.receiptPrinter;
      delete simulators.ticketPrinter;
      printers = await composePrinters(next);
      Object.assign(simulators, printers.simulators);
      wirePrinters();
      if (started) printers.start();
    }
    publishStatusIfChanged();
  };
  const reloader = new ConfigReloader(config, {
    ...(options.configFile !== undefined && { path: options.configFile }),
    ...(options.overrides && { overrides: options.overrides }),
    ...(options.log && { log: options.log }),
    reopen,
  });
  const wirePrinters = () => {
    printers.onChange(publishStatusIfChanged);
    printers.onEvent((event) => hub.publish(event));
  };
  wirePrinters();

  const app = buildAgentApp(
    {
      pairingToken,
      allowedOrigins: config.api.allowedOrigins,
      status,
      print: (request) => printers.prints.print(request),
      releaseSession: () => session.forget(),
      subscribe: (listener) => hub.subscribe(listener),
      simulators,
      ...(config.simulatorControl ? { simulatorControl: config.simulatorControl } : {}),
    },
    {
      logger: config.logger,
      tech: createTechDeps({
        status,
        reader: () => reader,
        printers: () => printers.devices,
        heldCard: () => session.current,
        subscribe: (listener) => hub.subscribe(listener),
        reloader,
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      }),
    },
  );

  let closing: Promise<void> | undefined;
  const shutdown = async () => {
    session.forget();
    reloader.stop();
    await app.close();
    await Promise.all([reader.close(), printers.close(), scanner?.close()]);
    await closeReaderSimulator?.();
    for (const close of closers) await close();
  };

  return {
    app,
    host,
    config,
    simulators,
    subscribe: (listener) => hub.subscribe(listener),
    status,
    heldCard: () => session.current,
    startDevices: () => {
      started = true;
      reloader.watch();
      reader.start();
      printers.start();
      scanner?.device.start();
    },
    close: () => (closing ??= shutdown()),
    reloadConfig: (source) => reloader.reload(source),
  };
}
