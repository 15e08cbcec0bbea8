import type { SimPrint } from '@eldercare/domain';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AgentClient, waitUntil } from './support/agent-client';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

interface HelpRequest {
  kioskId: string;
  serviceKey: string | null;
  reason: 'assistance' | 'printer-fault';
  detail: string | null;
}

describe.skipIf(!hasChromium)('kiosk: a receipt held by the printer (回执等待打印)', () => {
  const suite = useKioskSuite();

  it('paper out → held screen without 再打印一次, staff called with PRINTER_PAPER_OUT; paper loaded → printed, exactly once', async () => {
    const { page, stack } = suite;
    // The trainer's way, as the /sim page does it: through the agent's sim routes.
    const agent = new AgentClient(stack.agentUrl, stack.agentToken);
    await agent.call('PUT', '/v1/sim/printers/receipt/paper', { state: 'out' });
    await agent.statusWhere('the receipt printer out of paper', (s) => s.printers.receipt.state === 'paper-out');

    await placeCard(stack, resident('li-xiuying').key);
    await onScreen(page, 'menu');
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await tap(page, 'channel-social-security-card');
    await onScreen(page, 'allowanceConfirming');
    expect(await page.$('[data-testid=end-session]')).not.toBeNull();
    // While the application is out, 结束办理 would lose its receipt: not offered (呼叫工作人员 is).
    const held: Route[] = [];
    await page.route('**/api/v1/applications', (route) => void held.push(route));
    await tap(page, 'confirm');
    await waitUntil('the submission', async () => held.length === 1 || undefined);
    expect(await page.$('[data-testid=end-session]')).toBeNull();
    expect(await page.$('[data-testid=call-staff]')).not.toBeNull();
    await held[0]!.continue();
    await page.unroute('**/api/v1/applications');

    await onScreen(page, 'receiptPrintHeld');
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();
    expect(applicationNo).toMatch(/^YL\d{14}$/);
    // It prints by itself once the paper is in: a second copy could come out after the person left.
    expect(await page.$('[data-testid=print-again]')).toBeNull();
    expect(await page.textContent('body')).not.toContain('回执可能打印不出来');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    expect((await agent.status()).printers.receipt).toMatchObject({ state: 'paper-out', queued: 1, held: true });

    // Staff were called, with the printer's code and never anything personal. (The kiosk calls
    // as soon as its printer reports paper out, before the held receipt; the server keeps one
    // open printer-fault request per kiosk, so the service may not be named.)
    const help = await waitUntil('a printer-fault help request', async () => {
      const open = (await (await fetch(`${stack.serverUrl}/api/v1/help-requests`)).json()) as HelpRequest[];
      return open.find((r) => r.reason === 'printer-fault');
    });
    expect(help).toMatchObject({ reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' });
    expect(JSON.stringify(help)).not.toContain(resident('li-xiuying').idNumber);
    expect(await agent.call<SimPrint[]>('GET', '/v1/sim/prints?role=receipt')).toEqual([]);

    await agent.call('PUT', '/v1/sim/printers/receipt/paper', { state: 'ok' });
    await onScreen(page, 'receiptPrinted');
    await expect(page.textContent('[data-testid=application-no]')).resolves.toBe(applicationNo);

    const prints = await agent.call<SimPrint[]>('GET', '/v1/sim/prints?role=receipt');
    expect(prints).toHaveLength(1);
    expect(prints[0]!.previewHtml).toContain(applicationNo);
    expect((await agent.status()).printers.receipt).toMatchObject({ state: 'ready', queued: 0, held: false });
  });
});
