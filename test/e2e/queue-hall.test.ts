import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimPrint } from '@eldercare/domain';
import { DEMO_STAFF_PASSWORDS_FILE } from '@eldercare/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from './support/agent-client';
import { expectRecordedSpeechAfterEach, launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { recordCallAudio, sayings, scheduledClips } from './support/call-audio';
import { placeCard, resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';
import { takeTicket } from './support/window-staff';

/** One saying of a call as clip ids (decision 0011), for a one-digit counter. */
const saying = (ticketNo: string, counter: number) => [
  'qing',
  `letter-${ticketNo[0]!.toLowerCase()}`,
  ...ticketNo.slice(1).split('').map((d) => `digit-${d}`),
  'hao',
  'dao',
  `digit-${counter}`,
  'hao-chuangkou-banli',
];

/**
 * The whole waiting hall, as issue 4 asks: three people take normal tickets; then an
 * 82-year-old puts her ID card on the kiosk and takes a ticket, which prints on the ticket
 * printer as a priority ticket; the clerk at window 1 presses the call key and she is called
 * first, under the interleave rule, with the reason on the clerk's screen; the hall display shows
 * the call and says it twice. Three pages in one Chromium, on the real stack.
 */
describe.skipIf(!hasChromium)('the waiting hall: kiosk 取号 → window 叫号 → display', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let kiosk: Page;
  let window1: Page;
  let display: Page;
  let staffDir: string;

  const textOf = async (page: Page, testId: string) => (await page.textContent(`[data-testid=${testId}]`))?.trim();
  const waitForText = (page: Page, testId: string, value: string, timeout = 15_000) =>
    page.waitForFunction(([id, v]) => document.querySelector(`[data-testid=${id}]`)?.textContent?.trim() === v, [testId, value] as const, { timeout });

  beforeAll(async () => {
    staffDir = mkdtempSync(join(tmpdir(), 'e2e-hall-staff-'));
    const passwordsFile = join(staffDir, DEMO_STAFF_PASSWORDS_FILE);
    // The hall display PC runs Chromium with sound allowed without a tap.
    [stack, browser] = await Promise.all([
      startTestStack({ demoStaffPasswordsFile: passwordsFile, ticketPrinter: 'sim:' }),
      launchChromium(['--autoplay-policy=no-user-gesture-required']),
    ]);

    display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await recordCallAudio(display);
    await display.goto(stack.displayUrl);
    await display.waitForSelector('.display[data-stream=connected]');

    window1 = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await window1.goto(`${stack.serverUrl}/window/`);
    await window1.waitForSelector('[data-testid=login-form]');
    const password = readFileSync(passwordsFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('window1\t'))!
      .split('\t')[2]!;
    await window1.fill('[data-testid=login-username]', 'window1');
    await window1.fill('[data-testid=login-password]', password);
    await window1.keyboard.press('Enter');
    await window1.click('[data-testid=counter-option-1]');
    await window1.keyboard.press('o');
    await window1.waitForSelector('[data-testid=counter-state][data-value=open]');

    kiosk = await openKioskPage(await browser.newContext({ viewport: { width: 1080, height: 1920 } }), stack.kioskUrl, '?centre=xuhui-tianping&kiosk=kiosk-1');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (staffDir) rmSync(staffDir, { recursive: true, force: true });
  });
  expectRecordedSpeechAfterEach(() => kiosk);

  it('an 82-year-old who takes a ticket after three normal tickets is called first, and the display shows and says it', async () => {
    const normal = [await takeTicket(stack.serverUrl, 'A'), await takeTicket(stack.serverUrl, 'A'), await takeTicket(stack.serverUrl, 'A')];
    expect(normal.map((t) => t.ticketNo)).toEqual(['A001', 'A002', 'A003']);
    await waitForText(display, 'waiting-A', '3人');

    // At the kiosk: her card, 取号排队, 养老服务.
    await placeCard(stack, resident('zhang-guihua').key);
    await onScreen(kiosk, 'menu');
    await tap(kiosk, 'take-ticket');
    await onScreen(kiosk, 'ticketCategory');
    await tap(kiosk, 'category-A');
    await onScreen(kiosk, 'ticketPrinted');
    expect(await textOf(kiosk, 'ticket-no')).toBe('A004');
    expect(await textOf(kiosk, 'ticket-priority')).toContain('您年满80周岁，已为您优先排队');
    expect(await textOf(kiosk, 'people-ahead')).toBe('前面没有人等候');
    // Her ticket came out of the ticket printer, marked 优先, with its QR.
    const agent = new AgentClient(stack.agentUrl, stack.agentToken);
    const prints = await agent.call<SimPrint[]>('GET', '/v1/sim/prints?role=ticket');
    const ticket = prints.find((p) => p.previewHtml.includes('A004'));
    expect(ticket?.previewHtml).toContain('优先');
    expect(ticket?.previewHtml).not.toContain('张桂花');

    // Window 1: she is next, with the reason, and F2 calls her.
    await waitForText(window1, 'next-ticket-no', 'A004');
    expect(await textOf(window1, 'next-reason')).toBe('优先：80周岁以上老人');
    await window1.keyboard.press('F2');
    await waitForText(window1, 'current-ticket-no', 'A004');
    expect(await textOf(window1, 'current-reason')).toBe('优先：80周岁以上老人');

    // The hall display shows the call and says it twice.
    await waitForText(display, 'current-ticket', 'A004');
    expect(await textOf(display, 'current-counter')).toContain('1号窗口');
    await waitForText(display, 'announcement', '请A004号到1号窗口办理');
    await waitForText(display, 'waiting-A', '3人');
    await display.waitForFunction(() => (window as unknown as { __scheduledClips: unknown[] }).__scheduledClips.length >= 18);
    expect(sayings(await scheduledClips(display))).toEqual([saying('A004', 1), saying('A004', 1)]);

    // Served; the next call goes back to the line in order of arrival.
    await window1.keyboard.press('F9');
    await window1.waitForSelector('[data-testid=current-ticket-no]', { state: 'detached' });
    await waitForText(window1, 'next-ticket-no', 'A001');
    expect(await textOf(window1, 'next-reason')).toBe('按取号先后顺序');
    await window1.keyboard.press('F2');
    await waitForText(window1, 'current-ticket-no', 'A001');
    await waitForText(display, 'current-ticket', 'A001');
    expect(await display.textContent('[data-testid=recent-calls]')).toContain('A004');
  }, 90_000);
});
