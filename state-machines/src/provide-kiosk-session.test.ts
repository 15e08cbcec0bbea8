import type { ApplicationView, IdentifyResponse, PrintResult } from '@eldercare/domain';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { IdentifyInput, PrintReceiptInput } from './kiosk-session-machine';
import { kioskScreen } from './kiosk-session-machine';
import { provideKioskSession } from './provide-kiosk-session';
import type { SubmitApplicationInput } from './service-flow-types';
import { settle } from './testing/controllable-actor';
import { applicationFor, cardOf, identityOf } from './testing/fixtures';

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
});
