import type { FastifyInstance } from 'fastify';
import { shanghaiDate, type AgentEvent, type AgentStatus } from '@eldercare/domain';
import { buildAgentApp } from '../api/build-agent-app';
import { PrinterSimulator } from '../simulators/printer-simulator';
import { ReaderSimulator } from '../simulators/reader-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { createDuplexPair } from '../transports/duplex-pair';
import { createTransport } from '../transports/open-transport';
import { validateAgentConfig, type AgentConfig } from './agent-config';
import { CardSession } from './card-session';
import { EventHub } from './event-hub';
import { PrinterDevice } from './printer-device';
import { PrintService } from './print-service';
import { ReaderDevice } from './reader-device';
import type { CardRead } from '../reader/ga467-reader';

export interface AgentSimulators {
  reader?: ReaderSimulator;
  receiptPrinter?: PrinterSimulator;
}

export interface ComposedAgent {
  /** The API, not yet listening (tests use app.inject). */
  app: FastifyInstance;
  /** The loopback host it must be bound to. */
  host: string;
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
}

/**
 * Composes the agent: device links (real transports or in-process simulators on a duplex
 * pair), the reader's card poller, the printer, the card session, the event hub and the API.
 */
export async function composeAgent(config: AgentConfig): Promise<ComposedAgent> {
  const { host, origins } = validateAgentConfig(config);
  const simulators: AgentSimulators = {};
  const closers: (() => Promise<void>)[] = [];

  const readerSimulated = parseDeviceAddress(config.reader).kind === 'sim';
  let readerTransport: ByteTransport;
  if (readerSimulated) {
    const [agentEnd, simEnd] = createDuplexPair(config.reader);
    const simulator = new ReaderSimulator({ today: config.simulatedToday ?? shanghaiDate(new Date()) });
    simulator.attach(simEnd);
    simulators.reader = simulator;
    closers.push(() => simulator.close());
    readerTransport = agentEnd;
  } else {
    readerTransport = createTransport(config.reader);
  }

  const printerSimulated = parseDeviceAddress(config.receiptPrinter).kind === 'sim';
  let printerTransport: ByteTransport;
  if (printerSimulated) {
    const [agentEnd, simEnd] = createDuplexPair(config.receiptPrinter);
    const simulator = new PrinterSimulator();
    await simulator.attach(simEnd);
    simulators.receiptPrinter = simulator;
    closers.push(() => simulator.close());
    printerTransport = agentEnd;
  } else {
    printerTransport = createTransport(config.receiptPrinter);
  }

  const hub = new EventHub();
  const session = new CardSession(config.cardHoldMs ?? 60_000);
  const reader = new ReaderDevice(config.reader, readerTransport, {
    ...(config.pollIntervalMs ? { pollIntervalMs: config.pollIntervalMs } : {}),
    ...(config.reconnectMs ? { reconnectMs: config.reconnectMs } : {}),
  });
  const printer = new PrinterDevice(config.receiptPrinter, printerTransport, {
    ...(config.printerStatusIntervalMs ? { statusIntervalMs: config.printerStatusIntervalMs } : {}),
  });
  const prints = new PrintService(printer);

  const status = (): AgentStatus => ({
    simulated: readerSimulated || printerSimulated,
    reader: reader.status,
    printers: { receipt: printer.status },
  });
  let lastStatus = '';
  const publishStatusIfChanged = () => {
    const current = status();
    const json = JSON.stringify(current);
    if (json === lastStatus) return;
    lastStatus = json;
    hub.publish({ type: 'device.status', status: current });
  };

  reader.on((event) => {
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
  });
  printer.onChange(publishStatusIfChanged);
  // A simulated printer tells us when its state changes; ask it through the real protocol.
  simulators.receiptPrinter?.on('state', () => void printer.refresh());

  const app = buildAgentApp(
    {
      pairingToken: config.pairingToken,
      allowedOrigins: origins,
      status,
      print: (request) => prints.print(request.document),
      releaseSession: () => session.forget(),
      subscribe: (listener) => hub.subscribe(listener),
      simulators,
    },
    { logger: config.logger ?? false },
  );

  let closing: Promise<void> | undefined;
  const shutdown = async () => {
    session.forget();
    await app.close();
    await Promise.all([reader.close(), printer.close()]);
    for (const close of closers) await close();
  };

  return {
    app,
    host,
    simulators,
    subscribe: (listener) => hub.subscribe(listener),
    status,
    heldCard: () => session.current,
    startDevices: () => {
      reader.start();
      printer.start();
    },
    close: () => (closing ??= shutdown()),
  };
}
