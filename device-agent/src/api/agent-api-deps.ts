import type { AgentEvent, AgentStatus, PrintRequest, PrintResult } from '@eldercare/domain';
import type { PrinterSimulator } from '../simulators/printer-simulator';
import type { ReaderSimulator } from '../simulators/reader-simulator';
import type { ScannerSimulator } from '../simulators/scanner-simulator';
import type { SimulatorControlUrls } from '../simulators/control/sim-proxy-routes';

/** What the HTTP/WebSocket layer needs from the running agent; the agent composition provides it. */
export interface AgentApiDeps {
  pairingToken: string;
  /** Normalised origins (scheme://host[:port]). */
  allowedOrigins: readonly string[];
  status(): AgentStatus;
  print(request: PrintRequest): Promise<PrintResult>;
  releaseSession(): void;
  subscribe(listener: (event: AgentEvent) => void): () => void;
  /** Present only for devices that are simulated: their /v1/sim routes exist only then. */
  simulators: { reader?: ReaderSimulator; receiptPrinter?: PrinterSimulator; ticketPrinter?: PrinterSimulator; scanner?: ScannerSimulator };
  /** Devices that are simulator processes: the /v1/sim routes forward to their control APIs. */
  simulatorControl?: SimulatorControlUrls;
}
