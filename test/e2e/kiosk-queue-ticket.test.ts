import { mkdirSync } from 'node:fs';
import { composeQueueTicket, type IssuedTicket, type SimPrint } from '@eldercare/domain';
import { encodeReceipt, parseEscPos, renderPreviewText } from '@eldercare/device-agent';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient, waitUntil } from './support/agent-client';
import { launchChromium, onScreen, openKioskPage, playedClips, promptClips, tap } from './support/browser';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/** The kiosk belongs to the demo queue centre: `?centre=` on its URL, as on /display/. */
const CENTRE = 'xuhui-tianping';
const SHOTS = '/tmp/kiosk-queue-ticket-shots';

interface HelpRequest {
  kioskId: string;
  centreId: string | null;
  reason: 'assistance' | 'printer-fault';
  detail: string | null;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('the printed queue ticket, as bytes and as the /tech preview', () => {
  const ticket: IssuedTicket = {
    ticketId: '0b8f5f7e-5a7c-4b7e-9d59-0f1f2f3f4f5f',
    centreId: CENTRE,
    date: '2026-12-01',
    ticketNo: 'A012',
    category: { code: 'A', name: { zh: '养老服务', en: 'Elderly care services' } },
    priority: ['age80'],
    peopleAhead: 3,
    estimatedWaitMinutes: null,
    issuedAt: '2026-12-01T01:05:00.000Z',
    qr: `ELQ1:${CENTRE}:20261201:A012`,
    followPath: `/api/v1/queue/tickets/${CENTRE}/2026-12-01/A012`,
  };
  const document = composeQueueTicket(ticket, { locale: 'zh-CN', centreName: { zh: '天平路社区事务受理服务中心', en: 'Tianping' } });
  const bytes = encodeReceipt(document);

  it('ESC/POS: GB18030 text, the number enlarged, the ELQ1 QR stored with GS ( k, a cut', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    // The number, double width and height (GS ! 0x11), in Chinese mode.
    const number = indexOfBytes(bytes, iconv.encode('A012', 'gb18030'));
    expect(number).toBeGreaterThan(0);
    expect(indexOfBytes(bytes.slice(0, number), Uint8Array.from([0x1d, 0x21, 0x11]))).toBeGreaterThan(0);
    for (const text of ['天平路社区事务受理服务中心', '优先', '暂无法估计', '扫码查看叫号进度', '2026-12-01 09:05']) {
      expect(indexOfBytes(bytes, iconv.encode(text, 'gb18030')), text).toBeGreaterThan(0);
    }
    const qr = Buffer.from(ticket.qr, 'ascii');
    const store = Uint8Array.from([0x1d, 0x28, 0x6b, (qr.length + 3) & 0xff, (qr.length + 3) >> 8, 0x31, 0x50, 0x30, ...qr]);
    expect(indexOfBytes(bytes, store)).toBeGreaterThan(0);
    expect(indexOfBytes(bytes, Uint8Array.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]))).toBeGreaterThan(0);
    // No personal data can be on it: the ticket has none, so no label for it either.
    for (const text of ['姓名', '证件号码', '申请人']) expect(indexOfBytes(bytes, iconv.encode(text, 'gb18030'))).toBe(-1);
  });

  it('reads right on paper (the preview the /tech page shows)', () => {
    const preview = renderPreviewText(parseEscPos(bytes), { columns: 48 });
    const lines = preview.split('\n').map((line) => line.trim());
    expect(lines).toContain('A012');
    expect(lines).toContain('★ 优先 ★');
    expect(lines).toContain('A 养老服务');
    expect(preview).toMatch(/前面等候：?\s*3位/);
    expect(preview).toContain(`[QR] ${ticket.qr}`);
    // Centre first, then the title, and the number before the QR code.
    expect(preview.indexOf('天平路')).toBeLessThan(preview.indexOf('排队号'));
    expect(preview.indexOf('A012')).toBeLessThan(preview.indexOf('[QR]'));
  });
});

/**
 * One stack and Chromium for a describe block; a fresh portrait kiosk page (and context) per
 * test. `ticketPrinter` gives the stack's own agent a simulated ticket printer (sim:); without
 * it the kiosk has none, as a kiosk configured without one.
 */
function useQueueKiosk(options: { ticketPrinter: boolean }) {
  const suite = {} as {
    stack: Awaited<ReturnType<typeof startTestStack>>;
    browser: Browser;
    /** The stack's agent, which the kiosk page uses. */
    agent: AgentClient;
    context: BrowserContext | undefined;
  };
  beforeAll(async () => {
    [suite.stack, suite.browser] = await Promise.all([
      startTestStack(options.ticketPrinter ? { ticketPrinter: 'sim:' } : {}),
      launchChromium(),
    ]);
    suite.agent = new AgentClient(suite.stack.agentUrl, suite.stack.agentToken);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(async () => {
    await suite.context?.close();
    suite.context = undefined;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  return {
    suite,
    async openKiosk(page: { clock?: boolean; query?: string } = {}): Promise<Page> {
      suite.context = await suite.browser.newContext({ viewport: { width: 1080, height: 1920 } });
      if (page.clock) await suite.context.clock.install();
      return openKioskPage(suite.context, suite.stack.kioskUrl, page.query ?? `?centre=${CENTRE}&kiosk=kiosk-qt`);
    },
    /** Puts a demo card on the reader of the agent the kiosk uses. */
    async placeCard(key: string) {
      await suite.agent.call('PUT', '/v1/sim/card', { key });
    },
    async expectSeniorFriendly(page: Page, shot: string) {
      await page.screenshot({ path: `${SHOTS}/${shot}.png` });
      expect(await seniorFriendlyViolations(page)).toEqual([]);
    },
  };
}

describe.skipIf(!hasChromium)('kiosk: 取号 (taking a queue ticket)', () => {
  const { suite, openKiosk, expectSeniorFriendly, placeCard } = useQueueKiosk({ ticketPrinter: true });
  const ticketPrints = () => suite.agent.call<SimPrint[]>('GET', '/v1/sim/prints?role=ticket');

  it('no card: 取号 → A → ticket A001 on the ticket printer, the number and people ahead on screen, spoken', async () => {
    const page = await openKiosk();
    await expectSeniorFriendly(page, '01-attract');
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    // Names and waiting counts come from the server's centre.
    await expect(page.textContent('[data-testid=category-A]')).resolves.toContain('养老服务');
    await expect(page.textContent('[data-testid=category-B]')).resolves.toContain('现在没有人等候');
    await expectSeniorFriendly(page, '02-category');

    await tap(page, 'category-A');
    await onScreen(page, 'ticketPrinted');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe('A001');
    await expect(page.textContent('[data-testid=people-ahead]')).resolves.toBe('前面没有人等候');
    // No counter is open yet: no honest estimate.
    await expect(page.textContent('[data-testid=estimated-wait]')).resolves.toContain('暂无法估计');
    expect(await page.$('[data-testid=ticket-priority]')).toBeNull();
    await expectSeniorFriendly(page, '03-printed');
    expect(await playedClips(page)).toEqual(expect.arrayContaining(promptClips('zh-CN', 'ticketPrinted')));

    const prints = await ticketPrints();
    expect(prints).toHaveLength(1);
    expect(prints[0]!.previewHtml).toContain('A001');
    expect(prints[0]!.previewHtml).toMatch(/aria-label="QR ELQ1:xuhui-tianping:\d{8}:A001"/);
    expect(prints[0]!.previewHtml).toContain('扫码查看叫号进度');
    expect(await suite.agent.call<SimPrint[]>('GET', '/v1/sim/prints?role=receipt')).toEqual([]);
  });

  it('an 82-year-old’s card: 取号排队 → a priority ticket, 优先 and why on screen; after the session nothing of her remains', async () => {
    const zhang = resident('zhang-guihua');
    const page = await openKiosk({ clock: true });
    await placeCard(zhang.key);
    await onScreen(page, 'menu');
    await expectSeniorFriendly(page, '04-menu');
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    await tap(page, 'category-A');
    await onScreen(page, 'ticketPrinted');
    const ticketNo = (await page.textContent('[data-testid=ticket-no]'))!;
    expect(ticketNo).toBe('A002');
    const priority = (await page.textContent('[data-testid=ticket-priority]'))!;
    expect(priority).toContain('优先');
    expect(priority).toContain('您年满80周岁，已为您优先排队');
    // Served before the normal A001 under the interleave rule.
    await expect(page.textContent('[data-testid=people-ahead]')).resolves.toBe('前面没有人等候');
    await expectSeniorFriendly(page, '05-priority');

    const print = (await ticketPrints()).find((p) => p.previewHtml.includes(`:${ticketNo}"`))!;
    expect(print.previewHtml).toContain('优先');
    for (const secret of [zhang.name, zhang.idNumber, zhang.idNumber.slice(-4), '80周岁']) expect(print.previewHtml).not.toContain(secret);

    await tap(page, 'end');
    await onScreen(page, 'goodbye');
    await suite.context!.clock.fastForward(11_000);
    await onScreen(page, 'attract');
    const after = await page.evaluate(() =>
      [document.documentElement.outerHTML, ...Object.values({ ...localStorage }), ...Object.values({ ...sessionStorage })].join('\n'),
    );
    const cookies = (await suite.context!.cookies()).map((c) => c.value).join('\n');
    for (const secret of [zhang.name, zhang.idNumber, zhang.idNumber.slice(-4), '张**', ticketNo, '年满80周岁']) {
      expect(after + cookies).not.toContain(secret);
    }
  });

  it('ticket printer out of paper: held, the number stays on screen, staff called; paper in → printed once', async () => {
    await suite.agent.call('PUT', '/v1/sim/printers/ticket/paper', { state: 'out' });
    await suite.agent.statusWhere('the ticket printer out of paper', (s) => s.printers.ticket?.state === 'paper-out');
    const page = await openKiosk();
    // Said up front, on the welcome screen's 取号 button and in the flow, not only after printing.
    await page.waitForSelector('[data-testid=ticket-printer-notice]');
    await expect(page.textContent('[data-testid=take-ticket]')).resolves.toContain('取号机缺纸，号码会显示在屏幕上');
    await expectSeniorFriendly(page, '06-attract-ticket-paper-out');
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    await expect(page.textContent('[data-testid=device-banner]')).resolves.toContain('取号机缺纸，号码会显示在屏幕上');
    await expectSeniorFriendly(page, '06-category-ticket-paper-out');
    await tap(page, 'category-B');
    await onScreen(page, 'ticketPrintHeld');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe('B001');
    // The held screen says it itself: no banner on top of it.
    expect(await page.$('[data-testid=device-banner]')).toBeNull();
    expect(await page.$('[data-testid=print-again]')).toBeNull();
    await expect(page.textContent('body')).resolves.toContain('请先记下您的号码');
    await expectSeniorFriendly(page, '06-held');
    expect(await playedClips(page)).toEqual(expect.arrayContaining(promptClips('zh-CN', 'ticketPrintHeld')));

    const help = await waitUntil('a ticket printer-fault help request', async () => {
      const open = (await (await fetch(`${suite.stack.serverUrl}/api/v1/help-requests`)).json()) as HelpRequest[];
      return open.find((r) => r.reason === 'printer-fault' && r.detail === 'TICKET_PRINTER_PAPER_OUT');
    });
    expect(help.kioskId).toBe('kiosk-qt');
    // The kiosk names its ?centre=, so that centre's windows are told live.
    expect(help.centreId).toBe(CENTRE);
    const printsOfB001 = async () => (await ticketPrints()).filter((p) => p.previewHtml.includes(':B001"'));
    expect(await printsOfB001()).toEqual([]);

    await suite.agent.call('PUT', '/v1/sim/printers/ticket/paper', { state: 'ok' });
    await onScreen(page, 'ticketPrinted');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe('B001');
    expect(await printsOfB001()).toHaveLength(1);
    // Paper in: the next person sees the usual 取号 button.
    await suite.context!.close();
    const next = await openKiosk();
    await next.waitForSelector('[data-testid=take-ticket]');
    expect(await next.$('[data-testid=ticket-printer-notice]')).toBeNull();
    await expect(next.textContent('[data-testid=take-ticket]')).resolves.toContain('不用身份证，直接取号');
  });

  it('while the ticket is issued and while it prints, 结束办理 is not offered (呼叫工作人员 is): the number reaches the person', async () => {
    const page = await openKiosk();
    const footer = async () => ({
      end: (await page.$('[data-testid=end-session]')) !== null,
      callStaff: (await page.$('[data-testid=call-staff]')) !== null,
    });
    // Hold the server's answer, then the agent's, until the footer has been looked at.
    const held: Route[] = [];
    await page.route('**/api/v1/queue/tickets', (route) => void held.push(route));
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    expect(await footer()).toEqual({ end: true, callStaff: true });
    await tap(page, 'category-A');
    await onScreen(page, 'ticketIssuing');
    await waitUntil('the ticket request', async () => held.length === 1 || undefined);
    expect(await footer()).toEqual({ end: false, callStaff: true });
    await expectSeniorFriendly(page, '09-issuing-no-end');

    await page.route('**/v1/print', (route) => void held.push(route));
    await held[0]!.continue();
    await onScreen(page, 'ticketPrinting');
    await waitUntil('the print request', async () => held.length === 2 || undefined);
    expect(await footer()).toEqual({ end: false, callStaff: true });
    const ticketNo = (await page.textContent('[data-testid=ticket-no]'))!;

    await held[1]!.continue();
    await onScreen(page, 'ticketPrinted');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe(ticketNo);
    // The ticket screen has its own 结束办理.
    expect(await page.$('[data-testid=end]')).not.toBeNull();
  });

  it('a lost answer to POST /queue/tickets: 再试一次 gets the same ticket, never a second one', async () => {
    const page = await openKiosk();
    let issuedFirst: IssuedTicket | undefined;
    // The request reaches the server and the ticket is issued; the answer never reaches the kiosk.
    await page.route('**/api/v1/queue/tickets', async (route) => {
      issuedFirst = (await (await route.fetch()).json()) as IssuedTicket;
      await route.abort('connectionreset');
    });
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    await tap(page, 'category-C');
    await onScreen(page, 'ticketIssueFailed');
    await expectSeniorFriendly(page, '07-issue-failed');
    expect(issuedFirst?.ticketNo).toBe('C001');

    await page.unroute('**/api/v1/queue/tickets');
    await tap(page, 'retry');
    await onScreen(page, 'ticketPrinted');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe('C001');
    const centre = (await (await fetch(`${suite.stack.serverUrl}/api/v1/queue/centres/${CENTRE}`)).json()) as { categories: { code: string; issued: number }[] };
    expect(centre.categories.find((c) => c.code === 'C')?.issued).toBe(1);
  });

});

// The in-process stack configures no ticket printer: the agent answers 404 PRINTER_NOT_CONFIGURED.
describe.skipIf(!hasChromium)('kiosk: 取号 at a kiosk without a ticket printer, or without a centre', () => {
  const { openKiosk, expectSeniorFriendly } = useQueueKiosk({ ticketPrinter: false });

  it('no ticket printer: the number on screen, "write it down", no 再打印一次', async () => {
    const page = await openKiosk();
    await tap(page, 'take-ticket');
    await onScreen(page, 'ticketCategory');
    await tap(page, 'category-A');
    await onScreen(page, 'ticketNotConfigured');
    await expect(page.textContent('[data-testid=ticket-no]')).resolves.toBe('A001');
    await expect(page.textContent('body')).resolves.toContain('这台终端不打印号票');
    expect(await page.$('[data-testid=print-again]')).toBeNull();
    await expectSeniorFriendly(page, '08-no-ticket-printer');
    expect(await playedClips(page)).toEqual(expect.arrayContaining(promptClips('zh-CN', 'ticketNotConfigured')));
  });

  it('without ?centre= the kiosk offers no 取号', async () => {
    const page = await openKiosk({ query: '' });
    expect(await page.$('[data-testid=take-ticket]')).toBeNull();
  });
});
