import type { AgentStatus, PrinterState } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createPrinterFaultReporter } from './printer-fault-reporter';

const status = (receipt: PrinterState, ticket?: PrinterState): AgentStatus => ({
  simulated: true,
  reader: { address: 'sim:', state: 'ready' },
  printers: {
    receipt: { address: 'sim:', state: receipt, queued: 0, held: false },
    ...(ticket && { ticket: { address: 'sim:', state: ticket, queued: 0, held: false } }),
  },
});

describe('createPrinterFaultReporter', () => {
  it('reports each new printer fault once, per printer, and again after it was cleared', () => {
    const reports: string[] = [];
    const onStatus = createPrinterFaultReporter((detail) => reports.push(detail));
    onStatus(status('ready'));
    onStatus(status('paper-near-end'));
    onStatus(status('paper-near-end'));
    onStatus(status('paper-out', 'ready'));
    onStatus(status('paper-out', 'cover-open'));
    onStatus(status('ready', 'cover-open'));
    onStatus(status('paper-out', 'ready'));
    onStatus(status('paper-out', 'offline'));
    expect(reports).toEqual([
      'PRINTER_PAPER_NEAR_END',
      'PRINTER_PAPER_OUT',
      'TICKET_PRINTER_COVER_OPEN',
      'PRINTER_PAPER_OUT',
      'TICKET_PRINTER_OFFLINE',
    ]);
  });
});
