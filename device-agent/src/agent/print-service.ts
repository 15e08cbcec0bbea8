import type { PrintResult, ReceiptDocument } from '@eldercare/domain';

export interface ReceiptPrinterPort {
  print(doc: ReceiptDocument): Promise<PrintResult>;
}

/**
 * Idempotent printing by document id: a request for an id already printed gets the same result
 * without printing again, and concurrent requests for one id share one print. A failed print is
 * not remembered, so the same receipt can be retried once the paper is changed: nothing was
 * printed, or what was printed was torn off incomplete. In memory for now (issue 3 makes the
 * queue durable).
 */
export class PrintService {
  private readonly results = new Map<string, Promise<PrintResult>>();

  constructor(
    private readonly printer: ReceiptPrinterPort,
    private readonly remember = 500,
  ) {}

  print(doc: ReceiptDocument): Promise<PrintResult> {
    const known = this.results.get(doc.id);
    if (known) return known;
    const job = this.printer.print(doc).then((result): PrintResult => ({
      jobId: result.jobId,
      state: result.state,
      ...(result.code ? { code: result.code } : {}),
    }));
    this.results.set(doc.id, job);
    job.then(
      (result) => {
        if (result.state !== 'printed') this.results.delete(doc.id);
      },
      () => this.results.delete(doc.id),
    );
    while (this.results.size > this.remember) this.results.delete(this.results.keys().next().value!);
    return job;
  }
}
