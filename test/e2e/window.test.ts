import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskName, type CounterView, type IdentifyResponse, type IssuedTicket } from '@eldercare/domain';
import { DEMO_CENTRE_ID, DEMO_STAFF_PASSWORDS_FILE } from '@eldercare/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * The window terminal on the real stack in Chromium at 1366×768 (a counter PC): window1 logs in,
 * opens counter 1 and works only with the keyboard; tickets come from the kiosk API, one of them
 * taken with the ID card of an 82-year-old after three normal ones. Set WINDOW_SCREENSHOTS=<dir>
 * to keep screenshots of the main screen and the transfer dialog.
 */
describe.skipIf(!hasChromium)('/window: the window terminal', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let staffDir: string;
  let passwordsFile: string;
  let old: IdentifyResponse;

  const text = async (testId: string) => (await page.textContent(`[data-testid=${testId}]`))?.trim();
  const waitForText = (testId: string, value: string, on = page) =>
    on.waitForFunction(([id, v]) => document.querySelector(`[data-testid=${id}]`)?.textContent?.trim() === v, [testId, value] as const, {
      timeout: 15_000,
    });
  const waitForState = (prefix: string, on = page) =>
    on.waitForFunction((p) => document.querySelector('.wt')?.getAttribute('data-state')?.startsWith(p) === true, prefix, { timeout: 15_000 });
  const screenshot = async (name: string, on = page) => {
    if (process.env.WINDOW_SCREENSHOTS) await on.screenshot({ path: join(process.env.WINDOW_SCREENSHOTS, `${name}.png`) });
  };

  const password = (username: string) =>
    readFileSync(passwordsFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${username}\t`))!
      .split('\t')[2]!;

  async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${stack.serverUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.serverUrl, ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const takeTicket = (identifyToken?: string) =>
    post<IssuedTicket>(
      '/queue/tickets',
      { centreId: DEMO_CENTRE_ID, category: 'A', kioskId: 'kiosk-1', ...(identifyToken && { identifyToken }) },
      { 'idempotency-key': crypto.randomUUID() },
    );

  /** window2 through the API (its cookie), for the counter a ticket is transferred to. */
  async function apiStaff(username: string) {
    const login = await fetch(`${stack.serverUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.serverUrl },
      body: JSON.stringify({ username, password: password(username) }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const counterUrl = (n: number) => `${stack.serverUrl}/api/v1/window/centres/${DEMO_CENTRE_ID}/counters/${n}`;
    return {
      open: (n: number) => fetch(`${counterUrl(n)}/open`, { method: 'POST', headers: { cookie, origin: stack.serverUrl } }),
      resolveHelp: (id: number) =>
        fetch(`${stack.serverUrl}/api/v1/window/help-requests/${id}/resolve`, { method: 'POST', headers: { cookie, origin: stack.serverUrl } }),
      view: async (n: number) => (await (await fetch(counterUrl(n), { headers: { cookie } })).json()) as CounterView,
    };
  }

  async function logIn(on: Page, username: string) {
    await on.waitForSelector('[data-testid=login-form]');
    await on.fill('[data-testid=login-username]', username);
    await on.fill('[data-testid=login-password]', password(username));
    await on.keyboard.press('Enter');
  }

  beforeAll(async () => {
    staffDir = mkdtempSync(join(tmpdir(), 'e2e-window-staff-'));
    passwordsFile = join(staffDir, DEMO_STAFF_PASSWORDS_FILE);
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile: passwordsFile }), launchChromium()]);
    // A kiosk whose receipt printer ran out of paper has called for staff.
    await post('/help-requests', { kioskId: 'kiosk-2', serviceKey: null, reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await page.goto(`${stack.serverUrl}/window/`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (staffDir) rmSync(staffDir, { recursive: true, force: true });
  });

  it('logs window1 in (Chinese labels), shows the kiosk help request, and opens counter 1 with O', async () => {
    expect(await page.textContent('[data-testid=login-form] h2')).toBe('工作人员登录');
    expect(await page.textContent('[data-testid=login-form]')).toContain('用户名');
    await page.fill('[data-testid=login-username]', 'window1');
    await page.fill('[data-testid=login-password]', 'not-the-password');
    await page.keyboard.press('Enter');
    await waitForText('login-error', '用户名或密码不正确。');

    await logIn(page, 'window1');
    await page.waitForSelector('[data-testid=counter-option-1]');
    await screenshot('window-picker');
    await page.keyboard.press('1');
    await waitForState('counter.closed');
    expect(await text('help-banner')).toContain('kiosk-2 打印机故障：回执打印机缺纸');

    await page.keyboard.press('o');
    await page.waitForSelector('[data-testid=counter-state][data-value=open]');
    await page.waitForSelector('[data-testid=live-state][data-value=connected]');
  });

  it('closes the help request from the page with Tab and Enter (已处理); a kiosk of the centre calling, and a colleague closing it, show live', async () => {
    expect(await text('help-request')).toContain('未注明中心');
    expect(await text('help-age')).toMatch(/^(刚刚|\d+ 分钟前) · \d\d:\d\d 起$/);
    // A plain button in the tab order: no shortcut needed.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'help-resolve')); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('已处理');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=help-banner]', { state: 'detached' });
    expect(await page.getAttribute('[data-testid=counter-state]', 'data-value')).toBe('open');

    // The kiosk names its centre: this window hears of it at once (no 15 s poll to wait for).
    const call = await post<{ id: number }>('/help-requests', { kioskId: 'kiosk-3', serviceKey: null, centreId: DEMO_CENTRE_ID });
    await page.waitForSelector(`[data-testid=help-request][data-id="${call.id}"]`, { timeout: 5_000 });
    expect(await text('help-request')).toContain('kiosk-3 呼叫工作人员');
    expect(await text('help-request')).not.toContain('未注明中心');
    expect((await (await apiStaff('window2')).resolveHelp(call.id)).status).toBe(200);
    await page.waitForSelector('[data-testid=help-banner]', { state: 'detached', timeout: 5_000 });
  });

  it('an 82-year-old who took a ticket after three normal ones is called first, with the reason; the holder panel shows the masked name', async () => {
    const normal = [await takeTicket(), await takeTicket(), await takeTicket()];
    old = await post<IdentifyResponse>('/identify', { card: resident('zhang-guihua').card, kioskId: 'kiosk-1' });
    const priority = await takeTicket(old.identifyToken);
    expect(priority.priority).toEqual(['age80']);
    // The live stream brings the new tickets in; the page says who is next and why.
    await waitForText('next-ticket-no', priority.ticketNo);
    expect(await text('next-reason')).toBe('优先：80周岁以上老人');
    expect(await page.$$eval('[data-testid=waiting-item]', (items) => items.map((i) => i.getAttribute('data-ticket-no')))).toEqual([
      ...normal.map((t) => t.ticketNo),
      priority.ticketNo,
    ]);
    expect(await page.textContent(`[data-ticket-no=${priority.ticketNo}]`)).toContain('优先 · 80周岁以上老人');

    await page.keyboard.press('F2');
    await waitForText('current-ticket-no', priority.ticketNo);
    expect(await text('current-reason')).toBe('优先：80周岁以上老人');
    expect(await page.textContent('[data-testid=current-ticket]')).toContain('第1次呼叫');
    await page.waitForSelector('[data-testid=holder-panel][data-state=shown]');
    expect(await text('holder-name')).toBe(maskName('张桂花'));
    expect(await text('holder-name')).not.toContain('桂');
    expect(await text('holder-recorded')).toBe('本次查看已记录');
    expect(await text('holder-age')).toBe('82周岁');
    await screenshot('window-serving');
  });

  it('recall counts the calls; finish clears the ticket and its holder; the next call follows the interleave', async () => {
    await page.keyboard.press('F4');
    await page.waitForSelector('[data-testid=current-call-count][data-count="2"]');
    expect(await text('current-call-count')).toContain('第2次呼叫');

    await page.keyboard.press('F9');
    await waitForText('current-ticket', '当前号当前没有在办理的号');
    expect(await page.$('[data-testid=holder-panel]')).toBeNull();

    // What the page says is next is what F2 calls, for the reason it gave.
    const expectedNo = await text('next-ticket-no');
    const expectedReason = await text('next-reason');
    expect(expectedNo).toBe('A001');
    await page.keyboard.press('F2');
    await waitForText('current-ticket-no', 'A001');
    expect(await text('current-reason')).toBe(expectedReason);
    expect(await page.getAttribute('[data-testid=holder-panel]', 'data-state')).toBe('no-card');
    // F2 again while A001 is at the window calls nobody and says why.
    await page.keyboard.press('F2');
    await waitForText('error-banner', '当前号还在办理中，请先办结或标记过号。知道了 Esc');
    expect(await text('current-ticket-no')).toBe('A001');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=error-banner]', { state: 'detached' });
  });

  it('transfers with the keyboard: to category C (T, then C), and to counter 2 (T, then 2)', async () => {
    await page.keyboard.press('t');
    await page.waitForSelector('[data-testid=transfer-dialog]');
    await screenshot('window-transfer');
    await page.keyboard.press('c');
    await waitForText('current-ticket', '当前号当前没有在办理的号');
    expect(await page.$('[data-testid=transfer-dialog]')).toBeNull();
    await page.waitForFunction(() => !document.querySelector('[data-ticket-no=A001]'));

    const window2 = await apiStaff('window2');
    expect((await window2.open(2)).status).toBe(200);
    await page.keyboard.press('F2');
    await waitForText('current-ticket-no', 'A002');
    await page.keyboard.press('t');
    await page.waitForSelector('[data-testid=transfer-counter-2]:not([disabled])');
    await page.keyboard.press('2');
    await waitForText('current-ticket', '当前号当前没有在办理的号');

    const counter2 = await window2.view(2);
    expect(counter2.next).toEqual({ ticketNo: 'A002', reason: { code: 'transferred-to-counter', fromCounter: 1 } });
    expect(counter2.waiting.find((t) => t.ticketNo === 'A001')?.category).toBe('C');
  });

  it('a second staff session sees counter 1 held by window1 and cannot act on it', async () => {
    const other = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await other.goto(`${stack.serverUrl}/window/`);
    await logIn(other, 'window2');
    await other.click('[data-testid=counter-option-1]');
    await waitForState('counter.heldByOther', other);
    expect(await other.textContent('[data-testid=counter-held-by]')).toBe('此窗口已由 window1 开启，您只能查看。');
    await screenshot('window-held', other);
    for (const action of ['callNext', 'recall', 'finish', 'open', 'close', 'pause']) {
      expect(await other.isDisabled(`[data-testid=action-${action}]`)).toBe(true);
    }
    await other.keyboard.press('F2');
    expect(await other.getAttribute('.wt', 'data-state')).toBe('counter.heldByOther');
    await other.close();
  });

  it('keeps nothing personal in the browser; an expired session goes back to the login and says so', async () => {
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain('张');
    expect(stored).not.toContain(old.person.nameMasked);

    await page.context().clearCookies();
    await page.keyboard.press('F2');
    await waitForText('login-error', '登录已过期或已在别处退出，请重新登录。');
    expect(await page.textContent('body')).not.toContain('A00');
  });

  it('speaks English with ?lang=en', async () => {
    const en = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await en.goto(`${stack.serverUrl}/window/?lang=en`);
    await en.waitForSelector('[data-testid=login-form]');
    expect(await en.textContent('[data-testid=login-form] h2')).toBe('Staff login');
    expect(await en.title()).toBe('Window terminal');
    await en.close();
  });
});
