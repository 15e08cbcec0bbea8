import type { AgentStatus, MessageKey } from '@eldercare/domain';
import type { KioskScreen } from '@eldercare/state-machines';

/** What the page knows about its device agent, shown as a banner when something is wrong. */
export interface DeviceState {
  paired: boolean;
  connected: boolean;
  status: AgentStatus | null;
}

/** The 取号 screens before the ticket is out: the ticket printer is the one that matters there. */
const TICKET_FLOW_SCREENS: readonly KioskScreen[] = ['queueTicket', 'printingTicket'];
/** Screens that explain the printer's outcome themselves, more kindly than a banner. */
const OWN_PRINTER_WORDS: readonly KioskScreen[] = ['receiptPrintHeld', 'ticketPrinted', 'ticketPrintFailed', 'ticketPrintHeld'];

/**
 * A ticket printer that cannot print now (no paper, cover open, offline): said before a ticket
 * is taken, so nobody waits at the slot. The number is always on screen, so 取号 stays offered.
 * Null when it can print, or when the kiosk has none (its ticket screen says so).
 */
export function ticketPrinterNotice(status: AgentStatus | null): MessageKey | null {
  const state = status?.printers.ticket?.state;
  if (state === 'paper-out') return 'queueTicket.device.paperOut';
  if (state === 'cover-open' || state === 'offline') return 'queueTicket.device.printerDown';
  return null;
}

/** The banner for this screen: the agent, the reader, and the printer the screen depends on. */
export function deviceProblem(device: DeviceState, screen: KioskScreen): MessageKey | null {
  if (!device.paired) return 'kiosk.device.notPaired';
  if (!device.connected) return 'kiosk.device.agentOffline';
  const reader = device.status?.reader.state;
  if (reader === 'offline' || reader === 'fault') return 'kiosk.device.readerOffline';
  if (TICKET_FLOW_SCREENS.includes(screen)) return ticketPrinterNotice(device.status);
  const printer = device.status?.printers.receipt.state;
  if (printer && printer !== 'ready' && printer !== 'paper-near-end' && !OWN_PRINTER_WORDS.includes(screen)) {
    return 'kiosk.device.printerProblem';
  }
  return null;
}
