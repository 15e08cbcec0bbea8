import type { AgentStatus, PrinterState, ReaderState } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { deviceProblem, ticketPrinterNotice, type DeviceState } from './device-problem';

function device(receipt: PrinterState, ticket?: PrinterState, reader: ReaderState = 'ready'): DeviceState {
  const status: AgentStatus = {
    simulated: true,
    reader: { address: 'sim:', state: reader },
    printers: {
      receipt: { address: 'sim:', state: receipt, queued: 0, held: false },
      ...(ticket && { ticket: { address: 'sim:', state: ticket, queued: 0, held: false } }),
    },
  };
  return { paired: true, connected: true, status };
}

describe('ticketPrinterNotice', () => {
  it('says a ticket printer out of paper, and one that cannot print at all, before 取号', () => {
    expect(ticketPrinterNotice(device('ready', 'paper-out').status)).toBe('queueTicket.device.paperOut');
    expect(ticketPrinterNotice(device('ready', 'cover-open').status)).toBe('queueTicket.device.printerDown');
    expect(ticketPrinterNotice(device('ready', 'offline').status)).toBe('queueTicket.device.printerDown');
  });

  it('is quiet while it prints (paper near its end included), and for a kiosk without one', () => {
    expect(ticketPrinterNotice(device('paper-out', 'ready').status)).toBeNull();
    expect(ticketPrinterNotice(device('ready', 'paper-near-end').status)).toBeNull();
    expect(ticketPrinterNotice(device('ready').status)).toBeNull();
    expect(ticketPrinterNotice(null)).toBeNull();
  });
});

describe('deviceProblem', () => {
  it('in the 取号 flow watches the ticket printer, not the receipt printer', () => {
    expect(deviceProblem(device('ready', 'paper-out'), 'queueTicket')).toBe('queueTicket.device.paperOut');
    expect(deviceProblem(device('ready', 'offline'), 'printingTicket')).toBe('queueTicket.device.printerDown');
    expect(deviceProblem(device('paper-out', 'ready'), 'queueTicket')).toBeNull();
  });

  it('elsewhere watches the receipt printer, except where the screen explains the printer itself', () => {
    expect(deviceProblem(device('paper-out', 'paper-out'), 'attract')).toBe('kiosk.device.printerProblem');
    expect(deviceProblem(device('ready', 'paper-out'), 'menu')).toBeNull();
    expect(deviceProblem(device('cover-open'), 'receiptPrintHeld')).toBeNull();
    for (const screen of ['ticketPrinted', 'ticketPrintFailed', 'ticketPrintHeld'] as const) {
      expect(deviceProblem(device('paper-out', 'paper-out'), screen)).toBeNull();
    }
  });

  it('puts the agent and the reader first', () => {
    expect(deviceProblem({ paired: false, connected: false, status: null }, 'queueTicket')).toBe('kiosk.device.notPaired');
    expect(deviceProblem({ paired: true, connected: false, status: null }, 'queueTicket')).toBe('kiosk.device.agentOffline');
    expect(deviceProblem(device('ready', 'paper-out', 'offline'), 'queueTicket')).toBe('kiosk.device.readerOffline');
  });
});
