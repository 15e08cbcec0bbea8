import type { AgentStatus, PrinterState } from '@eldercare/domain';

const FAULT_CODES: Partial<Record<PrinterState, string>> = {
  'paper-near-end': 'PAPER_NEAR_END',
  'paper-out': 'PAPER_OUT',
  'cover-open': 'COVER_OPEN',
  offline: 'OFFLINE',
};

/**
 * Tells staff when a kiosk printer needs a hand (paper near end or out, cover open, offline)
 * before a senior meets it: each new fault is reported once, as PRINTER_PAPER_OUT for the
 * receipt printer and TICKET_PRINTER_PAPER_OUT for the ticket printer. Returns the listener for
 * the agent's device.status events.
 */
export function createPrinterFaultReporter(report: (detail: string) => void): (status: AgentStatus) => void {
  const reported = { receipt: '', ticket: '' };
  return (status) => {
    for (const role of ['receipt', 'ticket'] as const) {
      const printer = status.printers[role];
      const fault = printer ? FAULT_CODES[printer.state] : undefined;
      const detail = fault ? `${role === 'ticket' ? 'TICKET_' : ''}PRINTER_${fault}` : '';
      if (detail && detail !== reported[role]) report(detail);
      reported[role] = detail;
    }
  };
}
