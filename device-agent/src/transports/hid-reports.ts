import type { HidReportOptions } from './device-address';

/**
 * Bytes ↔ HID reports, for HID devices that carry a byte stream (readers, printers, POS
 * scanners). Our layout, chosen per address (`?framing=…&reportId=…&reportSize=…`):
 *
 *   length-prefixed (default): [len, payload × len, 0 padding] = reportSize bytes, len ≤ reportSize − 1
 *   raw:                       payload split into reportSize-byte reports, the last one zero padded;
 *                              incoming reports are passed on whole
 *
 * node-hid wants the report id as the first byte of every write, 0 for unnumbered reports (hidapi
 * drops it then); incoming numbered reports start with their id, unnumbered ones do not.
 */

/** The buffers to hand to node-hid's write(), report id byte first. */
export function frameHidReports(data: Uint8Array, options: HidReportOptions): Buffer[] {
  const { reportId, reportSize, framing } = options;
  const room = framing === 'length-prefixed' ? reportSize - 1 : reportSize;
  const reports: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += room) {
    const chunk = data.subarray(offset, offset + room);
    const report = Buffer.alloc(1 + reportSize);
    report[0] = reportId;
    if (framing === 'length-prefixed') {
      report[1] = chunk.length;
      report.set(chunk, 2);
    } else {
      report.set(chunk, 1);
    }
    reports.push(report);
  }
  return reports;
}

/**
 * The payload of one incoming report, or undefined for a report that is not ours (another
 * report id) or malformed (a length longer than the report).
 */
export function deframeHidReport(report: Uint8Array, options: HidReportOptions): Buffer | undefined {
  let body = Buffer.from(report.buffer, report.byteOffset, report.byteLength);
  if (options.reportId !== 0) {
    if (body[0] !== options.reportId) return undefined;
    body = body.subarray(1);
  }
  if (options.framing === 'raw') return Buffer.from(body);
  const length = body[0];
  if (length === undefined || length > body.length - 1) return undefined;
  return Buffer.from(body.subarray(1, 1 + length));
}
