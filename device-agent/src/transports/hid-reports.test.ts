import { describe, expect, it } from 'vitest';
import { DEFAULT_HID_REPORTS, type HidReportOptions } from './device-address';
import { deframeHidReport, frameHidReports } from './hid-reports';

const lengthPrefixed = (reportSize: number, reportId = 0): HidReportOptions => ({ framing: 'length-prefixed', reportId, reportSize });

describe('frameHidReports', () => {
  it('length-prefixed: report id, length byte, payload, zero padding to the report size', () => {
    const [report, ...rest] = frameHidReports(Buffer.from([0x1b, 0x40, 0x41]), lengthPrefixed(8));
    expect(rest).toHaveLength(0);
    expect([...report!]).toEqual([0x00, 3, 0x1b, 0x40, 0x41, 0, 0, 0, 0]);
  });

  it('length-prefixed: 63 payload bytes fit one 64-byte report, the 64th starts a second', () => {
    const data = Buffer.alloc(64, 0xaa);
    const reports = frameHidReports(data, DEFAULT_HID_REPORTS);
    expect(reports.map((r) => r.length)).toEqual([65, 65]);
    expect(reports[0]![1]).toBe(63);
    expect(reports[1]![1]).toBe(1);
    expect(reports[1]![2]).toBe(0xaa);
    expect(frameHidReports(data.subarray(0, 63), DEFAULT_HID_REPORTS)).toHaveLength(1);
  });

  it('raw: fixed-size reports, the last one zero padded, numbered with the report id', () => {
    const reports = frameHidReports(Buffer.from('abcdefghij'), { framing: 'raw', reportId: 2, reportSize: 4 });
    expect(reports.map((r) => [...r])).toEqual([
      [2, 0x61, 0x62, 0x63, 0x64],
      [2, 0x65, 0x66, 0x67, 0x68],
      [2, 0x69, 0x6a, 0, 0],
    ]);
  });

  it('sends nothing for nothing', () => {
    expect(frameHidReports(new Uint8Array(0), DEFAULT_HID_REPORTS)).toEqual([]);
  });
});

describe('deframeHidReport', () => {
  it('takes the payload of a length-prefixed report and ignores the padding', () => {
    expect(deframeHidReport(Buffer.from([3, 0x90, 0x00, 0x9f, 0, 0, 0, 0]), lengthPrefixed(8))).toEqual(Buffer.from([0x90, 0x00, 0x9f]));
    expect(deframeHidReport(Buffer.from([0, 0, 0, 0]), lengthPrefixed(4))).toEqual(Buffer.alloc(0));
  });

  it('drops a report whose length byte runs past its end', () => {
    expect(deframeHidReport(Buffer.from([4, 1, 2, 3]), lengthPrefixed(4))).toBeUndefined();
    expect(deframeHidReport(Buffer.from([3, 1, 2, 3]), lengthPrefixed(4))).toEqual(Buffer.from([1, 2, 3]));
    expect(deframeHidReport(Buffer.alloc(0), lengthPrefixed(4))).toBeUndefined();
  });

  it('strips a matching report id and drops other report ids', () => {
    expect(deframeHidReport(Buffer.from([5, 2, 0x41, 0x42, 0]), lengthPrefixed(4, 5))).toEqual(Buffer.from('AB'));
    expect(deframeHidReport(Buffer.from([6, 2, 0x41, 0x42, 0]), lengthPrefixed(4, 5))).toBeUndefined();
    expect(deframeHidReport(Buffer.from([1, 0, 0, 0x04, 0, 0, 0, 0, 0]), { framing: 'raw', reportId: 1, reportSize: 8 })).toEqual(
      Buffer.from([0, 0, 0x04, 0, 0, 0, 0, 0]),
    );
  });

  it('round-trips any payload through frame and deframe', () => {
    const data = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
    for (const options of [DEFAULT_HID_REPORTS, lengthPrefixed(16, 3)]) {
      const back = frameHidReports(data, options).map((r) => deframeHidReport(options.reportId === 0 ? r.subarray(1) : r, options)!);
      expect(Buffer.concat(back)).toEqual(data);
    }
  });
});
