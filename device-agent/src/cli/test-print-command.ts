import type { PrinterRole, PrinterState } from '@eldercare/domain';
import { encodeReceipt } from '../escpos/encode-receipt';
import { faultCode, type RawPrinterStatus } from '../printer/printer-status';
import { ReceiptPrinter, type PrinterStatusReport } from '../printer/receipt-printer';
import { parseDeviceAddress } from '../transports/device-address';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { composeTestPage } from '../printer/test-page';
import { openOrFail } from './test-read-command';

export interface TestPrintOptions {
  printer: string;
  role: PrinterRole;
  now?: () => Date;
}

export interface TestPrintResult {
  address: string;
  role: PrinterRole;
  jobId: string;
  state: PrinterState;
  /** The DLE EOT 1/2/4 reply bytes, hex, as the printer sent them. */
  dleEot: { printer: string | null; offlineCause: string | null; paperSensor: string | null };
}

const hexByte = (b: number | null) => (b === null ? null : `0x${b.toString(16).padStart(2, '0')}`);
const dleEot = (raw: RawPrinterStatus): TestPrintResult['dleEot'] => ({
  printer: hexByte(raw.printer),
  offlineCause: hexByte(raw.offlineCause),
  paperSensor: hexByte(raw.paperSensor),
});

/**
 * `device-agent test-print`: prints a test page on an ESC/POS printer and reports its DLE EOT
 * status. A fault (paper out, cover open, no answer) is an error exit, with the status.
 */
export async function testPrintCommand(options: TestPrintOptions, io: CliIo): Promise<TestPrintResult> {
  if (parseDeviceAddress(options.printer).kind === 'sim') throw new CliError('CLI_USAGE', 'test-print talks to a real printer; sim: lives inside a running agent (use the /tech page)');
  const transport = await openOrFail(options.printer, 'printer');
  const printer = new ReceiptPrinter(transport);
  const now = (options.now ?? (() => new Date()))();
  let jobId = '';
  const report = (status: PrinterStatusReport): TestPrintResult => ({ address: options.printer, role: options.role, jobId, state: status.state, dleEot: dleEot(status.raw) });
  try {
    const before = await printer.queryStatus();
    if (before.raw.paperSensor === null) throw new CliError('CLI_NO_DEVICE', `No ESC/POS printer answers DLE EOT at ${options.printer}`);
    const refused = faultCode(before.state);
    if (refused) {
      io.out(JSON.stringify(report(before), null, 2));
      throw new CliError('CLI_DEVICE_FAULT', `The printer reports ${refused}; nothing was printed`);
    }
    const doc = composeTestPage({ role: options.role, address: options.printer, state: before.state, now });
    jobId = doc.id;
    if ((await printer.send(encodeReceipt(doc))) !== 'sent') throw new CliError('CLI_NO_DEVICE', `The link to ${options.printer} failed while sending the test page`);
    const after = await printer.queryStatus();
    const failed = faultCode(after.state);
    if (failed) {
      io.out(JSON.stringify(report(after), null, 2));
      throw new CliError('CLI_DEVICE_FAULT', `The printer reports ${failed} after the test page; check the paper and the print`);
    }
    return report(after);
  } finally {
    printer.dispose();
    await transport.close().catch(() => {});
  }
}
