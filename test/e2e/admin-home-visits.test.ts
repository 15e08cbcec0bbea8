import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationView, IdentifyResponse } from '@eldercare/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { resident, startTestStack } from './support/stack-fixture';
import { demoPassword } from './support/demo-staff';
import { hasChromium } from './support/tool-check';

/** 上门办 booked the way the kiosk books it. */
async function bookHomeVisit(serverUrl: string, residentKey: string): Promise<ApplicationView> {
  const identified = await fetch(`${serverUrl}/api/v1/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: resident(residentKey).card }),
  });
  const { identifyToken } = (await identified.json()) as IdentifyResponse;
  const response = await fetch(`${serverUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ serviceKey: 'home-visit', identifyToken, answers: { reason: 'age-80-plus', services: ['senior-card'], period: 'afternoon', phone: '13912345678' } }),
  });
  if (response.status !== 201) throw new Error(`home visit: ${response.status} ${await response.text()}`);
  return (await response.json()) as ApplicationView;
}

/**
 * /admin 上门办 and 审计日志 on the real stack: window staff schedule and complete a visit after
 * giving a reason to open it; the supervisor finds that read in the audit log.
 * HOME_VISIT_SCREENSHOTS=<dir> keeps screenshots of both sections.
 */
describe.skipIf(!hasChromium)('/admin: 上门办 scheduled by window staff, the read in the audit log', () => {
  const secrets = mkdtempSync(join(tmpdir(), 'eldercare-home-visits-'));
  const passwordsFile = join(secrets, 'demo-staff-passwords.txt');
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let visit: ApplicationView;
  const screenshot = async (name: string) => {
    if (process.env.HOME_VISIT_SCREENSHOTS) await page.screenshot({ path: join(process.env.HOME_VISIT_SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile: passwordsFile }), launchChromium()]);
    visit = await bookHomeVisit(stack.serverUrl, 'zhang-guihua');
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(secrets, { recursive: true, force: true });
  });

  const login = async (username: string) => {
    await page.fill('[data-testid=login-form] input[name=username]', username);
    await page.fill('[data-testid=login-form] input[name=password]', demoPassword(passwordsFile, username));
    await page.click('[data-testid=login-form] button[type=submit]');
  };

  it('window1 opens the visit with a reason, schedules and completes it; the supervisor sees the read', async () => {
    await page.goto(`${stack.serverUrl}/admin/`);
    await login('window1');
    // Window staff land on 上门办 and see nothing else; the list names nobody.
    const row = `[data-testid=home-visit-table] tr[data-application="${visit.applicationNo}"]`;
    await page.waitForSelector(row);
    expect(await page.$$eval('nav button', (els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['nav-home-visits']);
    expect(await page.textContent('[data-testid=home-visits]')).not.toContain('张桂花');

    await page.click(`${row} [data-testid=open-visit]`);
    await page.fill('[data-testid=read-reason]', '电话确认上门');
    await page.click('[data-testid=read-detail]');
    await page.waitForSelector('[data-testid=person]');
    expect(await page.textContent('[data-testid=person]')).toContain('张**');
    expect(await page.textContent('[data-testid=person]')).toContain('139****5678');

    const date = await page.getAttribute('[data-testid=visit-date]', 'min');
    await page.fill('[data-testid=visit-date]', date!);
    await page.click('[data-testid=move-visit-scheduled]');
    await page.waitForSelector('[data-testid=move-completed]');
    await page.click('[data-testid=move-completed]');
    await page.waitForFunction(() => document.querySelector('[data-testid=home-visit-detail] h3')?.textContent?.includes('已办结'));
    await screenshot('home-visits');

    await page.click('[data-testid=logout]');
    await login('supervisor');
    await page.click('[data-testid=nav-audit]');
    await page.selectOption('[data-testid=audit-event]', 'person_read');
    await page.click('[data-testid=audit-search]');
    await page.waitForSelector('[data-testid=audit-table] tr[data-event=person_read]');
    // One read: the moves answer with the visit and its history, not with the person again.
    expect(await page.$$eval('[data-testid=audit-table] tbody tr', (rows) => rows.length)).toBe(1);
    const text = await page.textContent('[data-testid=audit-table]');
    expect(text).toContain('window1');
    expect(text).toContain('电话确认上门');
    expect(text).toContain(visit.applicationNo);
    await screenshot('audit');
  }, 20_000);
});
