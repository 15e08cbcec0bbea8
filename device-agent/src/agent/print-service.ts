import type { PrinterRole, PrintRequest, PrintResult, ReceiptDocument } from '@eldercare/domain';

/** What the service needs of a printer (PrinterDevice). */
export interface RolePrinter {
  print(doc: ReceiptDocument): Promise<PrintResult>;
  printTestPage(): Promise<PrintResult>;
}

export const PRINTER_NOT_CONFIGURED = 'PRINTER_NOT_CONFIGURED';

/**
 * Routes print requests to the printer of their role. Idempotency by document id, durability
 * and hold/resume live in each printer's queue. A role with no printer configured gets a
 * failed result with PRINTER_NOT_CONFIGURED (POST /v1/print answers it with 404).
 */
export class PrintService {
  constructor(private readonly printers: { receipt: RolePrinter; ticket?: RolePrinter }) {}

  has(role: PrinterRole): boolean {
    return this.printers[role] !== undefined;
  }

  print(request: PrintRequest): Promise<PrintResult> {
    const printer = this.printers[request.role];
    if (!printer) return Promise.resolve(notConfigured(request.document.id));
    return printer.print(request.document);
  }

  /** A self-test page on the printer of this role (technician page, CLI). */
  printTestPage(role: PrinterRole): Promise<PrintResult> {
    const printer = this.printers[role];
    if (!printer) return Promise.resolve(notConfigured(`test-page-${role}`));
    return printer.printTestPage();
  }
}

function notConfigured(jobId: string): PrintResult {
  return { jobId, state: 'failed', code: PRINTER_NOT_CONFIGURED };
}
