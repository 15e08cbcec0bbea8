import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationView, IdentifyResponse, JointAnswers } from '@eldercare/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { resident, startTestStack } from './support/stack-fixture';
import { staffSession } from './support/staff-session';
import { demoPassword } from './support/demo-staff';
import { hasChromium } from './support/tool-check';

/** A joint application as the kiosk submits it: the services the person may apply for, their sections filled. */
async function submitJointApplication(serverUrl: string, residentKey: string): Promise<ApplicationView> {
  const identified = await fetch(`${serverUrl}/api/v1/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: resident(residentKey).card }),
  });
  const { identifyToken, joint } = (await identified.json()) as IdentifyResponse;
  const services = (joint?.options ?? []).filter((o) => o.availability !== 'no').map((o) => o.serviceKey);
  const answers: JointAnswers = {
    services,
    phone: '13912345678',
    ...(services.includes('ltc-assessment') && { assessment: { reassessment: joint?.reassessmentDue ?? false, insurance: 'resident', mobility: 'needs-help', visitAt: 'registered-address' } }),
    ...(services.includes('care-subsidy') && { subsidy: { serviceForm: 'home-care' } }),
    ...(services.includes('care-home-admission') && { careHome: { preference: 'near-home', acceptWaitingList: true } }),
  };
  const response = await fetch(`${serverUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ serviceKey: 'ltc-joint', identifyToken, answers }),
  });
  if (response.status !== 201) throw new Error(`joint application: ${response.status} ${await response.text()}`);
  return (await response.json()) as ApplicationView;
}

/**
 * /admin 工作台 on the real stack: a joint application submitted through the real API; the
 * medical-insurance officer logs in, finds its assessment part in the worklist, reads it (with
 * a reason, audited) and accepts it, then schedules the home visit. WORKLIST_SCREENSHOTS=<dir> keeps
 * screenshots of the list and the part.
 */
describe.skipIf(!hasChromium)('/admin: an officer works their department’s part', () => {
  const secrets = mkdtempSync(join(tmpdir(), 'eldercare-worklist-'));
  const passwordsFile = join(secrets, 'demo-staff-passwords.txt');
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  let application: ApplicationView;
  const screenshot = async (name: string) => {
    if (process.env.WORKLIST_SCREENSHOTS) await page.screenshot({ path: join(process.env.WORKLIST_SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile: passwordsFile }), launchChromium()]);
    application = await submitJointApplication(stack.serverUrl, 'he-fuxing');
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(secrets, { recursive: true, force: true });
  });

  it('officer-mi accepts the assessment part and schedules the visit; the read is audited', async () => {
    const assessment = application.parts.find((p) => p.department === 'medical-insurance')!;
    expect(assessment).toMatchObject({ kind: 'assessment', status: 'submitted' });

    await page.goto(`${stack.serverUrl}/admin/`);
    await page.fill('[data-testid=login-form] input[name=username]', 'officer-mi');
    await page.fill('[data-testid=login-form] input[name=password]', demoPassword(passwordsFile, 'officer-mi'));
    await page.click('[data-testid=login-form] button[type=submit]');

    // Officers land on their worklist; it shows only medical-insurance parts, no names.
    const row = `[data-testid=worklist-row][data-application="${application.applicationNo}"][data-part="${assessment.partNo}"]`;
    await page.waitForSelector(row);
    expect(await page.$$eval('[data-testid=worklist-row]', (rows) => rows.length)).toBe(1);
    expect(await page.textContent('[data-testid=worklist]')).not.toContain('何福兴');
    await screenshot('worklist');
    await page.click(`${row} [data-testid=worklist-open]`);

    // The reason is asked first (prefilled 审核) and goes to the audit log.
    await page.fill('[data-testid=part-reason-input]', '受理审核');
    await page.click('[data-testid=part-reason-submit]');
    await page.waitForSelector('[data-testid=part-detail][data-status=submitted]');
    expect(await page.textContent('[data-testid=part-application]')).toContain(application.applicantNameMasked);
    const buttons = await page.$$eval('[data-testid=part-moves] button', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(buttons).toEqual(['move-accepted', 'move-more-info-requested', 'move-rejected']);

    await page.fill('[data-testid=move-note]', '材料齐全');
    await page.click('[data-testid=move-accepted]');
    await page.waitForSelector('[data-testid=part-detail][data-status=accepted]');
    expect(await page.textContent('[data-testid=part-history]')).toContain('材料齐全');

    // Scheduling needs the date: the button waits for it.
    expect(await page.isDisabled('[data-testid=move-visit-scheduled]')).toBe(true);
    const visitDate = await page.getAttribute('[data-testid=move-visit-date]', 'min');
    await page.fill('[data-testid=move-visit-date]', visitDate!);
    await page.click('[data-testid=move-visit-scheduled]');
    await page.waitForSelector('[data-testid=part-detail][data-status=visit-scheduled]');
    expect(await page.textContent('[data-testid=part-visit-date]')).toBe(visitDate);
    expect(await page.$$eval('[data-testid=part-moves] button', (els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'move-visit-scheduled',
      'move-assessed',
    ]);
    await screenshot('worklist-part');

    // The window's view of the application (staff-only) sees the part's new status; it is in progress.
    const window1 = await staffSession(stack.serverUrl, passwordsFile, 'window1');
    const progress = await window1.get<ApplicationView>(`/api/v1/applications/${application.applicationNo}`);
    expect(progress.status).toBe('in-progress');
    expect(progress.parts.find((p) => p.partNo === assessment.partNo)!.status).toBe('visit-scheduled');
    const audit = await stack.server.db.query<{ username: string; reason: string }>(
      `SELECT username, reason FROM staff_audit WHERE event = 'person_read' ORDER BY id`,
    );
    expect(audit).toEqual([{ username: 'officer-mi', reason: '受理审核' }]);
  }, 20_000);

  it('a rejected assessment ends the parts that waited for it, and the officer is told so', async () => {
    // Another application of the same senior: the subsidy and the care home wait for its assessment.
    const second = await submitJointApplication(stack.serverUrl, 'he-fuxing');
    const assessment = second.parts.find((p) => p.department === 'medical-insurance')!;
    const waiting = second.parts.filter((p) => p.status === 'waiting-for-assessment');
    expect(waiting.length).toBeGreaterThan(0);

    await page.goto(`${stack.serverUrl}/admin/`);
    const row = `[data-testid=worklist-row][data-application="${second.applicationNo}"][data-part="${assessment.partNo}"]`;
    await page.waitForSelector(row);
    await page.click(`${row} [data-testid=worklist-open]`);
    await page.fill('[data-testid=part-reason-input]', '受理审核');
    await page.click('[data-testid=part-reason-submit]');
    await page.waitForSelector('[data-testid=part-detail][data-status=submitted]');
    await page.fill('[data-testid=move-note]', '不符合评估申请条件');
    await page.click('[data-testid=move-rejected]');
    await page.waitForSelector('[data-testid=part-detail][data-status=rejected]');

    expect(await page.textContent('[data-testid=part-message]')).toContain(`同一申请中等待评估结果的 ${waiting.length} 项随评估一并不予通过`);
    const siblings = await page.$$eval('[data-testid=part-siblings] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(siblings.every((line) => line.includes('不予通过'))).toBe(true);
    await screenshot('worklist-rejected');
  }, 20_000);
});
