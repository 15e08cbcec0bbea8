import type { ApplicationView, CentreView, IdentifyResponse, IssuedTicket, PrintResult } from '@eldercare/domain';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { IdentifyInput, PrintReceiptInput, PrintTicketInput, StaffNotification } from './kiosk-session-machine';
import { kioskScreen } from './kiosk-session-machine';
import { provideKioskSession } from './provide-kiosk-session';
import type { IssueTicketInput } from './queue-ticket-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { settle } from './testing/controllable-actor';
import { applicationFor, cardOf, identityOf } from './testing/fixtures';
import { FIXTURE_CENTRE, issuedTicketFor } from './testing/queue-fixtures';

const noTickets = {
  loadCentre: async (): Promise<CentreView> => FIXTURE_CENTRE,
  issueTicket: async (): Promise<IssuedTicket> => issuedTicketFor('A'),
  printTicket: async (): Promise<PrintResult> => ({ jobId: 't', state: 'printed' }),
};

/** The I/O of flows these tests never start (progress, education): a call would be a bug. */
const unusedFlowIo = {
  loadProgress: () => Promise.reject(new Error('not used here')),
  printProgress: () => Promise.reject(new Error('not used here')),
  loadCourses: () => Promise.reject(new Error('not used here')),
};

describe('provideKioskSession', () => {
  it('wires identify, both flows’ submitApplication, printReceipt, releaseCard and notifyStaff to the host', async () => {
    const calls: string[] = [];
    const host = {
      identify: vi.fn(async (input: IdentifyInput, _signal: { aborted: boolean }): Promise<IdentifyResponse> => {
        calls.push(`identify ${input.card.name}`);
        return identityOf('firstTimer');
      }),
      refreshIdentity: vi.fn(async (): Promise<IdentifyResponse> => {
        calls.push('refresh');
        return identityOf('firstTimer');
      }),
      submitApplication: vi.fn(async (input: SubmitApplicationInput): Promise<ApplicationView> => {
        calls.push(`submit ${input.request.serviceKey}`);
        return applicationFor(input.request);
      }),
      printReceipt: vi.fn(async (input: PrintReceiptInput): Promise<PrintResult> => {
        calls.push(`print ${input.application.applicationNo} ${input.locale}`);
        return { jobId: 'j1', state: 'printed' };
      }),
      releaseCard: vi.fn(() => void calls.push('release')),
      notifyStaff: vi.fn(() => void calls.push('notify')),
      ...noTickets,
      ...unusedFlowIo,
    };
    const actor = createActor(provideKioskSession(host), { input: {} }).start();
    actor.send({ type: 'card.read', card: cardOf('firstTimer') });
    await settle();
    actor.send({ type: 'help.request' });
    actor.send({ type: 'service.select', serviceKey: 'senior-card' });
    actor.send({ type: 'flow.next' });
    for (const digit of '13912345678') actor.send({ type: 'keypad.digit', digit: digit as '1' });
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'delivery.choose', delivery: 'collect' });
    actor.send({ type: 'flow.confirm' });
    await settle();
    expect(kioskScreen(actor.getSnapshot())).toBe('receiptPrinted');
    actor.send({ type: 'session.end' });
    actor.send({ type: 'session.end' });
    expect(calls).toEqual([
      `identify ${cardOf('firstTimer').name}`,
      'notify',
      'submit senior-card',
      'print YL20260601000001 zh-CN',
      'release',
    ]);
    expect(host.identify.mock.calls[0]?.[1]).toHaveProperty('aborted', false);
  });

  it('wires the 取号 flow (loadCentre, issueTicket) and printTicket; a held ticket tells staff TICKET_PRINTER_PAPER_OUT', async () => {
    const calls: string[] = [];
    const notified: StaffNotification[] = [];
    const host = {
      identify: async (): Promise<IdentifyResponse> => identityOf('cardHolder'),
      ...unusedFlowIo,
      refreshIdentity: async (): Promise<IdentifyResponse> => identityOf('cardHolder'),
      submitApplication: async (input: SubmitApplicationInput): Promise<ApplicationView> => applicationFor(input.request),
      printReceipt: async (): Promise<PrintResult> => ({ jobId: 'r', state: 'printed' }),
      releaseCard: () => void calls.push('release'),
      notifyStaff: (n: StaffNotification) => void notified.push(n),
      loadCentre: async (): Promise<CentreView> => {
        calls.push('centre');
        return FIXTURE_CENTRE;
      },
      issueTicket: async (input: IssueTicketInput): Promise<IssuedTicket> => {
        calls.push(`issue ${input.category} ${input.identifyToken}`);
        return issuedTicketFor(input.category, 1, ['age80']);
      },
      printTicket: async (input: PrintTicketInput): Promise<PrintResult> => {
        calls.push(`print ${input.ticket.ticketNo} ${input.centreName.zh}`);
        return { jobId: 'tj', state: 'held', code: 'PRINTER_PAPER_OUT' };
      },
    };
    const actor = createActor(provideKioskSession(host), { input: {} }).start();
    actor.send({ type: 'card.read', card: cardOf('cardHolder') });
    await settle();
    actor.send({ type: 'ticket.start' });
    await settle();
    actor.send({ type: 'category.choose', category: 'A' });
    await settle();
    expect(kioskScreen(actor.getSnapshot())).toBe('ticketPrintHeld');
    expect(actor.getSnapshot().context.queueTicket?.ticket).toMatchObject({ ticketNo: 'A001', priority: ['age80'] });
    const token = identityOf('cardHolder').identifyToken;
    expect(calls).toEqual(['centre', `issue A ${token}`, `print A001 ${FIXTURE_CENTRE.name.zh}`]);
    expect(notified).toEqual([{ serviceKey: null, applicationNo: null, reason: 'printer-fault', detail: 'TICKET_PRINTER_PAPER_OUT' }]);
    actor.send({ type: 'print.done', role: 'ticket', jobId: 'tj' });
    expect(kioskScreen(actor.getSnapshot())).toBe('ticketPrinted');
    actor.send({ type: 'session.end' });
    actor.send({ type: 'session.end' });
    expect(actor.getSnapshot().context.queueTicket).toBeNull();
  });
});
