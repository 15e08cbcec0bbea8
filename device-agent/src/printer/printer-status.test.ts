import type { PrinterState } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { PrinterError } from './printer-error';
import {
  decodeOfflineCause,
  decodePaperSensor,
  decodePrinterStatus,
  faultCode,
  isValidStatusByte,
  printerStateFromStatus,
  statusQuery,
  statusReply,
  statusReplyFor,
} from './printer-status';

describe('status byte validity', () => {
  it('accepts exactly the bytes with bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0', () => {
    const valid = [];
    for (let b = 0; b < 256; b++) if (isValidStatusByte(b)) valid.push(b);
    expect(valid).toHaveLength(16); // 4 fixed bits leave 4 free bits
    expect(valid).toContain(0x12);
    expect(valid).toContain(0x7e);
    for (const b of valid) expect([b & 0x01, b & 0x02, b & 0x10, b & 0x80]).toEqual([0, 0x02, 0x10, 0]);
    expect(isValidStatusByte(0x13)).toBe(false); // bit 0 set
    expect(isValidStatusByte(0x10)).toBe(false); // bit 1 clear
    expect(isValidStatusByte(0x02)).toBe(false); // bit 4 clear
    expect(isValidStatusByte(0x92)).toBe(false); // bit 7 set
    expect(isValidStatusByte(256 + 0x12)).toBe(false);
  });

  it('refuses to decode an invalid byte, with a stable code', () => {
    for (const decode of [decodePrinterStatus, decodeOfflineCause, decodePaperSensor]) {
      expect(() => decode(0x00)).toThrow(PrinterError);
      expect(() => decode(0xff)).toThrow(expect.objectContaining({ code: 'PRINTER_STATUS_INVALID' }));
    }
    expect(() => printerStateFromStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x01 })).toThrow(PrinterError);
  });

  it('builds the DLE EOT query', () => {
    expect([...statusQuery(4)]).toEqual([0x10, 0x04, 0x04]);
  });
});

describe('decoding each bit', () => {
  it('n = 1: bit 3 is offline', () => {
    expect(decodePrinterStatus(0x12)).toEqual({ offline: false });
    expect(decodePrinterStatus(0x1a)).toEqual({ offline: true });
    expect(decodePrinterStatus(0x16)).toEqual({ offline: false }); // bit 2 is the drawer pin
  });

  it('n = 2: bit 2 cover open, bit 3 feed button, bit 5 paper end stop, bit 6 error', () => {
    const none = { coverOpen: false, feedButton: false, stoppedAtPaperEnd: false, error: false };
    expect(decodeOfflineCause(0x12)).toEqual(none);
    expect(decodeOfflineCause(0x16)).toEqual({ ...none, coverOpen: true });
    expect(decodeOfflineCause(0x1a)).toEqual({ ...none, feedButton: true });
    expect(decodeOfflineCause(0x32)).toEqual({ ...none, stoppedAtPaperEnd: true });
    expect(decodeOfflineCause(0x52)).toEqual({ ...none, error: true });
  });

  it('n = 4: bits 2–3 paper near end, bits 5–6 paper end, either bit of a pair counts', () => {
    expect(decodePaperSensor(0x12)).toEqual({ nearEnd: false, paperEnd: false });
    expect(decodePaperSensor(0x1e)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x16)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x1a)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x72)).toEqual({ nearEnd: false, paperEnd: true });
    expect(decodePaperSensor(0x32)).toEqual({ nearEnd: false, paperEnd: true });
    expect(decodePaperSensor(0x52)).toEqual({ nearEnd: false, paperEnd: true });
    expect(decodePaperSensor(0x7e)).toEqual({ nearEnd: true, paperEnd: true });
  });
});

describe('printerStateFromStatus', () => {
  const state = (printer: number | null, offlineCause: number | null, paperSensor: number | null) =>
    printerStateFromStatus({ printer, offlineCause, paperSensor });

  it.each<[string, number | null, number | null, number | null, PrinterState]>([
    ['no reply', null, null, null, 'offline'],
    ['all clear', 0x12, 0x12, 0x12, 'ready'],
    ['near end', 0x12, 0x12, 0x1e, 'paper-near-end'],
    ['paper end', 0x1a, 0x32, 0x7e, 'paper-out'],
    ['paper end seen only by the stop bit', 0x1a, 0x32, 0x12, 'paper-out'],
    ['paper end seen only by the sensor', 0x1a, 0x12, 0x72, 'paper-out'],
    ['cover open', 0x1a, 0x16, 0x12, 'cover-open'],
    ['cover open and paper out', 0x1a, 0x36, 0x7e, 'cover-open'],
    ['offline for another reason', 0x1a, 0x52, 0x12, 'offline'],
    ['online but only n = 1 answered', 0x12, null, null, 'ready'],
  ])('%s', (_name, printer, offlineCause, paperSensor, expected) => {
    expect(state(printer, offlineCause, paperSensor)).toBe(expected);
  });
});

describe('faultCode', () => {
  it('maps the states that cannot print to stable codes', () => {
    expect(faultCode('paper-out')).toBe('PRINTER_PAPER_OUT');
    expect(faultCode('cover-open')).toBe('PRINTER_COVER_OPEN');
    expect(faultCode('offline')).toBe('PRINTER_OFFLINE');
    expect(faultCode('paper-near-end')).toBeNull();
    expect(faultCode('ready')).toBeNull();
  });
});

describe('statusReply (what a printer answers)', () => {
  it.each<[PrinterState, [number | null, number | null, number | null, number | null]]>([
    ['ready', [0x12, 0x12, 0x12, 0x12]],
    ['paper-near-end', [0x12, 0x12, 0x12, 0x1e]],
    ['paper-out', [0x1a, 0x32, 0x12, 0x7e]],
    ['cover-open', [0x1a, 0x16, 0x12, 0x12]],
    ['offline', [null, null, null, null]],
  ])('%s', (s, replies) => {
    expect([1, 2, 3, 4].map((n) => statusReply(s, n))).toEqual(replies);
    if (s !== 'offline') {
      const [printer, offlineCause, , paperSensor] = replies;
      expect(printerStateFromStatus({ printer, offlineCause, paperSensor })).toBe(s);
    }
  });

  it('answers nothing to an undefined n', () => {
    expect(statusReply('ready', 5)).toBeNull();
  });
});

describe('statusReplyFor (each sensor bit a printer sets)', () => {
  it.each<[string, Parameters<typeof statusReplyFor>[0], [number, number, number]]>([
    ['all clear', { paper: 'ok', coverOpen: false }, [0x12, 0x12, 0x12]],
    ['near end: n = 4 bits 2–3', { paper: 'near-end', coverOpen: false }, [0x12, 0x12, 0x1e]],
    ['paper out: n = 1 bit 3, n = 2 bit 5, n = 4 bits 2–3 and 5–6', { paper: 'out', coverOpen: false }, [0x1a, 0x32, 0x7e]],
    ['cover open: n = 1 bit 3, n = 2 bit 2', { paper: 'ok', coverOpen: true }, [0x1a, 0x16, 0x12]],
    ['error: n = 1 bit 3, n = 2 bit 6', { paper: 'ok', coverOpen: false, error: true }, [0x1a, 0x52, 0x12]],
    ['cover open and paper out', { paper: 'out', coverOpen: true }, [0x1a, 0x36, 0x7e]],
  ])('%s', (_name, conditions, [printer, offlineCause, paperSensor]) => {
    expect([1, 2, 4].map((n) => statusReplyFor(conditions, n))).toEqual([printer, offlineCause, paperSensor]);
    expect(statusReplyFor(conditions, 3)).toBe(0x12);
    expect(statusReplyFor(conditions, 5)).toBeNull();
  });
});
