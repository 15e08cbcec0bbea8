import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shanghaiDate, type IdentifyResponse, type IssuedTicket } from '@eldercare/domain';
import { DEMO_CENTRE_ID } from '@eldercare/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { resident, startTestStack } from './support/stack-fixture';
import { demoPassword } from './support/demo-staff';
import { hasChromium } from './support/tool-check';

/** A ticket as the kiosk takes it; with a demo resident's card read first, priority is detected. */
async function takeTicket(serverUrl: string, category: string, cardOf?: string): Promise<IssuedTicket> {
  let identifyToken: string | undefined;
  if (cardOf) {
    const identified = await fetch(`${serverUrl}/api/v1/identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: resident(cardOf).card }),
    });
    identifyToken = ((await identified.json()) as IdentifyResponse).identifyToken;
  }
  const response = await fetch(`${serverUrl}/api/v1/queue/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ centreId: DEMO_CENTRE_ID, category, kioskId: 'e2e-admin', identifyToken }),
  });
  if (response.status !== 201) throw new Error(`ticket ${category}: ${response.status} ${await response.text()}`);
  return (await response.json()) as IssuedTicket;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.fill('[data-testid=login-form] input[name=username]', username);
  await page.fill('[data-testid=login-form] input[name=password]', password);
  await page.click('[data-testid=login-form] button[type=submit]');
}

const tile = (page: Page, id: string) => page.textContent(`[data-testid=tile-${id}] .tile-value`);

/**
 * /admin on the real stack: the demo supervisor logs in and reads today's numbers of the demo
 * centre, as tiles, charts and tables, and downloads them as CSV.
 */
describe.skipIf(!hasChromium)('/admin: statistics of a centre’s day', () => {
  const secrets = mkdtempSync(join(tmpdir(), 'eldercare-admin-'));
  const passwordsFile = join(secrets, 'demo-staff-passwords.txt');
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let today: string;
  let issuedHour: number;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile: passwordsFile }), launchChromium()]);
    const tickets = [await takeTicket(stack.serverUrl, 'A'), await takeTicket(stack.serverUrl, 'A'), await takeTicket(stack.serverUrl, 'A'), await takeTicket(stack.serverUrl, 'B', 'zhang-guihua')];
    expect(tickets[3]!.priority).toEqual(['age80']);
    today = tickets[0]!.date;
    issuedHour = Number(new Date(new Date(tickets[0]!.issuedAt).getTime() + 8 * 3600_000).toISOString().slice(11, 13));
    // The window terminal's calls, as it records them (first call, finish, counter): A001 and
    // A002 served at counter 1 after 4 and 6 minutes of waiting, 10 minutes each; A003 a no-show.
    const record = (ticketNo: string, status: string, waitMin: number, serviceMin: number) =>
      stack.server.db.query(
        `UPDATE tickets SET status = $3, counter_number = 1, called_at = issued_at + make_interval(mins => $4::int),
           finished_at = issued_at + make_interval(mins => $4::int + $5::int) WHERE centre_id = $1 AND day = $2::date AND ticket_no = $6`,
        [DEMO_CENTRE_ID, today, status, waitMin, serviceMin, ticketNo],
      );
    await record('A001', 'done', 4, 10);
    await record('A002', 'done', 6, 10);
    await record('A003', 'no-show', 8, 1);
    // A002 was called twice (a recall straight after the first call, so its service time stays 10).
    await stack.server.db.query(`UPDATE tickets SET call_count = 2, last_called_at = called_at WHERE centre_id = $1 AND day = $2::date AND ticket_no = 'A002'`, [
      DEMO_CENTRE_ID,
      today,
    ]);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(stack.adminUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(secrets, { recursive: true, force: true });
  });

  it('asks for a login and refuses a wrong password', async () => {
    await page.waitForSelector('[data-testid=login-form]');
    await logIn(page, 'supervisor', 'not-the-password');
    expect(await (await page.waitForSelector('[data-testid=login-error]')).textContent()).toBe('用户名或密码不正确。');
  });

  it('shows the supervisor today’s numbers of their centre', async () => {
    await logIn(page, 'supervisor', demoPassword(passwordsFile, 'supervisor'));
    await page.waitForSelector(`[data-testid=stats][data-date="${today}"][data-centre="${DEMO_CENTRE_ID}"]`);
    expect(await page.textContent('[data-testid=signed-in-as]')).toBe('值班主管（主管）');
    expect(await page.inputValue('[data-testid=date-picker]')).toBe(shanghaiDate(new Date()));
    expect(await tile(page, 'issued')).toBe('4');
    expect(await tile(page, 'called')).toBe('3');
    expect(await tile(page, 'served')).toBe('2');
    expect(await tile(page, 'no-show')).toBe('1');
    expect(await tile(page, 'waiting')).toBe('1');
    expect(await tile(page, 'recalls')).toBe('1');
    expect(await tile(page, 'priority')).toBe('1');
    expect(await page.textContent('[data-testid=tile-priority] .tile-sub')).toBe('占 25%');
    // Waits 4, 6, 8 minutes; service 10 and 10.
    expect(await tile(page, 'average-wait')).toBe('6.0');
    expect(await tile(page, 'average-service')).toBe('10.0');
    const rowA = await page.$$eval('[data-testid=table-by-category] tr[data-row=A] > *', (cells) => cells.map((c) => c.textContent));
    expect(rowA).toEqual(['A 养老服务', '3', '3', '2', '1', '0', '1', '6.0', '6.0', '7.6', '8.0', '10.0', '10.0', '10.0', '10.0']);
    const counter1 = await page.$$eval('[data-testid=table-by-counter] tr[data-row="1"] > *', (cells) => cells.map((c) => c.textContent));
    expect(counter1.slice(0, 5)).toEqual(['1号窗口', '3', '3', '2', '1']);
  });

  it('draws the charts as SVG, each with the same numbers as a table', async () => {
    const bar = await page.waitForSelector(`[data-testid=chart-per-hour] g[data-label="${issuedHour}时"]`);
    expect(await bar.getAttribute('data-value')).toBe('4');
    const rect = await bar.$('rect');
    expect(Number(await rect!.getAttribute('height'))).toBeGreaterThan(100);
    expect(await page.getAttribute('[data-testid=chart-served-by-counter] g[data-label="1号窗口"]', 'data-value')).toBe('2');
    expect(await page.getAttribute('[data-testid=chart-waiting-by-category] g[data-label="A 养老服务"]', 'data-value')).toBe('6');
    await page.click('[data-testid=chart-served-by-counter] summary');
    const rows = await page.$$eval('[data-testid=chart-served-by-counter] tbody tr', (trs) => trs.map((tr) => tr.textContent));
    expect(rows).toEqual(['1号窗口2', '2号窗口0', '3号窗口0', '4号窗口0']);
    expect(await page.getAttribute('[data-testid=chart-per-hour] svg', 'role')).toBe('img');
    // To look at the page: SCREENSHOT_DIR=/tmp npx vitest run --project e2e test/e2e/admin.test.ts
    if (process.env['SCREENSHOT_DIR']) await page.screenshot({ path: join(process.env['SCREENSHOT_DIR'], 'admin-statistics.png'), fullPage: true });
  });

  it('downloads the same numbers and every ticket as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=csv-download]')]);
    expect(download.suggestedFilename()).toBe(`statistics-${DEMO_CENTRE_ID}-${today}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[1]).toBe(`日期,${today}`);
    expect(lines).toContain('合计,4,3,2,1,0,0,1,1,6,6,7.6,8,10,10,10,10');
    expect(lines).toContain('1,3,3,2,1,0,0,0,1,6,6,7.6,8,10,10,10,10');
    const tickets = lines.slice(lines.indexOf('每张号明细') + 2, -1);
    expect(tickets.map((l) => l.split(',')[0])).toEqual(['A001', 'A002', 'A003', 'B001']);
    expect(tickets[0]).toMatch(new RegExp(`^A001,A,,${today} \\d\\d:\\d\\d:\\d\\d,${today} \\d\\d:\\d\\d:\\d\\d,${today} \\d\\d:\\d\\d:\\d\\d,${today} \\d\\d:\\d\\d:\\d\\d,1,,已办结$`));
    expect(tickets[3]).toMatch(/^B001,B,80周岁以上老人,.+,,,,,,等候中$/);
    expect(lines).toContain('age80,80周岁以上老人,1,0.25');
  });

  it('switches to English, the CSV link too', async () => {
    await page.click('button[lang=en]');
    expect(await page.textContent('h1')).toBe('Centre administration');
    expect(await page.textContent('[data-testid=tile-issued] .tile-label')).toBe('Tickets');
    expect(await page.getAttribute('[data-testid=csv-download]', 'href')).toBe(`/api/v1/admin/centres/${DEMO_CENTRE_ID}/statistics.csv?date=${today}&lang=en`);
    await page.click('button[lang=zh-CN]');
    expect(await page.textContent('h1')).toBe('服务中心管理');
  });

  it('goes back to the login form when the session has ended, and logs out', async () => {
    await page.context().clearCookies();
    await page.click('[data-testid=refresh]');
    await page.waitForSelector('[data-testid=login-form]');
    await logIn(page, 'supervisor', demoPassword(passwordsFile, 'supervisor'));
    await page.waitForSelector('[data-testid=stats]');
    await page.click('[data-testid=logout]');
    await page.waitForSelector('[data-testid=login-form]');
    expect(await page.$('[data-testid=stats]')).toBeNull();
  });

  it('takes window staff to the centre’s home visits (上门办), never to the statistics', async () => {
    await logIn(page, 'window1', demoPassword(passwordsFile, 'window1'));
    await page.waitForSelector('[data-testid=home-visits]');
    expect(await page.$('[data-testid=stats]')).toBeNull();
    expect(await page.$('[data-testid=not-allowed]')).toBeNull();
  });
});
