import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentEvent, PrinterRole, PrinterStatus } from '@eldercare/domain';
import type { AgentConfig } from '../config/agent-config-schema';
import { PrinterSimulator } from '../simulators/printer-simulator';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { createDuplexPair } from '../transports/duplex-pair';
import { createTransport } from '../transports/open-transport';
import { PrinterDevice } from './printer-device';
import { PrintService } from './print-service';

export interface ComposedPrinters {
  devices: { receipt: PrinterDevice; ticket?: PrinterDevice };
  /** In-process simulators of the printers whose address is sim:. */
  simulators: { receiptPrinter?: PrinterSimulator; ticketPrinter?: PrinterSimulator };
  prints: PrintService;
  simulated: boolean;
  status(): { receipt: PrinterStatus; ticket?: PrinterStatus };
  /** Status changes of either printer. */
  onChange(listener: () => void): void;
  /** print.held / print.resumed / print.done of either printer. */
  onEvent(listener: (event: AgentEvent) => void): void;
  start(): void;
  close(): Promise<void>;
}

const COLUMNS = { 80: 48, 58: 32 } as const;

/**
 * The receipt printer and the optional ticket printer, each on its own link (a simulator on a
 * duplex pair for sim:) with its own durable queue under `<queueDir>/<role>`. An in-process
 * simulated printer is a new printer at every start, so its queue is new too: a temporary
 * folder, removed on close (tests and demos never see another run's document ids).
 */
export async function composePrinters(config: AgentConfig, options: { centreName?: string } = {}): Promise<ComposedPrinters> {
  const simulators: ComposedPrinters['simulators'] = {};
  const closers: (() => Promise<void>)[] = [];
  let simulated = false;

  const open = async (role: PrinterRole, printer: AgentConfig['printers']['receipt']): Promise<PrinterDevice> => {
    const columns = COLUMNS[printer.paperWidthMm];
    let transport: ByteTransport;
    let queueDir = config.queueDir;
    if (parseDeviceAddress(printer.address).kind === 'sim') {
      simulated = true;
      const tmp = await mkdtemp(join(tmpdir(), 'eldercare-sim-queue-'));
      queueDir = tmp;
      const [agentEnd, simEnd] = createDuplexPair(printer.address);
      const simulator = new PrinterSimulator({ columns, processIdResponse: printer.processIdResponse });
      await simulator.attach(simEnd);
      simulators[role === 'receipt' ? 'receiptPrinter' : 'ticketPrinter'] = simulator;
      closers.push(() => simulator.close(), () => rm(tmp, { recursive: true, force: true }));
      transport = agentEnd;
    } else {
      transport = createTransport(printer.address);
    }
    const device = new PrinterDevice(printer.address, transport, {
      role,
      statusIntervalMs: printer.statusIntervalMs,
      queueDir,
      columns,
      processId: printer.processIdResponse,
      selfTestOnStart: printer.selfTestOnStart,
      ...(options.centreName ? { testPage: { centreName: options.centreName } } : {}),
    });
    // A simulated printer tells us when its state changes; ask it through the real protocol.
    const simulator = simulators[role === 'receipt' ? 'receiptPrinter' : 'ticketPrinter'];
    simulator?.on('state', () => void device.refresh());
    return device;
  };

  const receipt = await open('receipt', config.printers.receipt);
  const ticket = config.printers.ticket ? await open('ticket', config.printers.ticket) : undefined;
  const devices = { receipt, ...(ticket ? { ticket } : {}) };
  const all = ticket ? [receipt, ticket] : [receipt];

  return {
    devices,
    simulators,
    prints: new PrintService(devices),
    simulated,
    status: () => ({ receipt: receipt.status, ...(ticket ? { ticket: ticket.status } : {}) }),
    onChange: (listener) => all.forEach((device) => device.onChange(listener)),
    onEvent: (listener) => all.forEach((device) => device.onEvent(listener)),
    start: () => all.forEach((device) => void device.start().catch(() => undefined)),
    close: async () => {
      await Promise.all(all.map((device) => device.close()));
      for (const close of closers) await close();
    },
  };
}
