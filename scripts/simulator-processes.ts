/**
 * The simulated devices of `npm start` as their own processes, each on a TCP loopback port with
 * a control API: an ID card reader, a receipt printer and a ticket printer. The agent talks to
 * them as it would to hardware (tcp: addresses, or serial: for the reader on a pseudo-terminal)
 * and forwards its /v1/sim routes to their control APIs.
 */
import { spawnSimulator, type SimulatorProcess } from '@eldercare/device-agent';

export interface SimulatorProcessesOptions {
  /** Serve the reader on this pseudo-terminal path instead of TCP (needs socat). */
  readerPty?: string;
  /** Where the simulators' logs go (default: dropped). */
  log?: (chunk: string) => void;
}

export interface SimulatorProcesses {
  reader: SimulatorProcess;
  receiptPrinter: SimulatorProcess;
  ticketPrinter: SimulatorProcess;
  /** The agent config for them: device addresses and control URLs. */
  agentConfig: {
    reader: { address: string };
    printers: { receipt: { address: string; statusIntervalMs: number }; ticket: { address: string; statusIntervalMs: number } };
    simulatorControl: { reader: string; receiptPrinter: string; ticketPrinter: string };
  };
  /** Ends every simulator (SIGTERM, then SIGKILL); safe to call twice. */
  stop(): Promise<void>;
}

/** A printer changed through its control API should show in the agent within a second. */
const PRINTER_STATUS_INTERVAL_MS = 1000;

export async function startSimulatorProcesses(options: SimulatorProcessesOptions = {}): Promise<SimulatorProcesses> {
  const log = options.log ? { log: options.log } : {};
  const started = await Promise.allSettled([
    spawnSimulator('reader', { serve: options.readerPty ? { pty: options.readerPty } : { tcp: 0 }, ...log }),
    spawnSimulator('printer', { serve: { tcp: 0 }, args: ['--quiet'], ...log }),
    spawnSimulator('printer', { serve: { tcp: 0 }, args: ['--quiet'], ...log }),
  ]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => void (await Promise.all(running.map((p) => p.stop())));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const [reader, receiptPrinter, ticketPrinter] = running as [SimulatorProcess, SimulatorProcess, SimulatorProcess];
  return {
    reader,
    receiptPrinter,
    ticketPrinter,
    agentConfig: {
      reader: { address: reader.address },
      printers: {
        receipt: { address: receiptPrinter.address, statusIntervalMs: PRINTER_STATUS_INTERVAL_MS },
        ticket: { address: ticketPrinter.address, statusIntervalMs: PRINTER_STATUS_INTERVAL_MS },
      },
      simulatorControl: { reader: reader.controlUrl, receiptPrinter: receiptPrinter.controlUrl, ticketPrinter: ticketPrinter.controlUrl },
    },
    stop,
  };
}
