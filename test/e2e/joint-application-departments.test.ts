import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInToAdmin } from './support/demo-staff';
import { expectRecordedSpeechAfterEach, launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { placeCard, resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * 一件事一次办 from end to end, as the issue asks: at the kiosk a senior makes ONE joint
 * application of the three linked services and gets one number with three parts (一口受理);
 * three officers of three departments, each on their own /admin page, move their own part
 * independently (分别办理); back at the kiosk, the progress view by ID card shows each part's
 * own state (一体管理).
 */
describe.skipIf(!hasChromium)('一件事一次办: one application, three departments, one progress view', () => {
  const secrets = mkdtempSync(join(tmpdir(), 'eldercare-joint-'));
  const passwordsFile = join(secrets, 'demo-staff-passwords.txt');
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let kioskContext: BrowserContext;
  let kiosk: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile: passwordsFile }), launchChromium()]);
    kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    kiosk = await openKioskPage(kioskContext, stack.kioskUrl);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    rmSync(secrets, { recursive: true, force: true });
  });
  expectRecordedSpeechAfterEach(() => kiosk);

  /** An officer opens their part from the worklist (giving the reason the audit log keeps) and moves it. */
  async function officerMoves(username: string, applicationNo: string, moves: readonly string[]): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logInToAdmin(page, stack.serverUrl, passwordsFile, username);
    // The worklist holds this department's part of the application, and only that one.
    const rows = `[data-testid=worklist-row][data-application="${applicationNo}"]`;
    await page.waitForSelector(rows);
    expect(await page.$$eval(rows, (els) => els.length), username).toBe(1);
    await page.click(`${rows} [data-testid=worklist-open]`);
    await page.fill('[data-testid=part-reason-input]', '联办审核');
    await page.click('[data-testid=part-reason-submit]');
    for (const to of moves) {
      await page.click(`[data-testid=move-${to}]`);
      await page.waitForSelector(`[data-testid=part-detail][data-status=${to}]`);
    }
    await context.close();
  }

  it('the kiosk submits once; three officers move three parts; the kiosk shows each part', async () => {
    const qian = resident('qian-shuzhen');
    await placeCard(stack, qian.key);
    await onScreen(kiosk, 'menu');
    await tap(kiosk, 'service-ltc-joint');

    // 一次告知: her three services are all possible now and chosen; the re-assessment is due.
    await onScreen(kiosk, 'jointChoose');
    for (const key of ['ltc-assessment', 'care-subsidy', 'care-home-admission']) {
      await expect(kiosk.getAttribute(`[data-testid=service-${key}]`, 'aria-pressed')).resolves.toBe('true');
    }
    await tap(kiosk, 'next');
    await onScreen(kiosk, 'jointNotice');
    // The notice is read page by page with taps; 我已知晓 continues.
    while (await kiosk.isVisible('[data-testid=notice-next]')) await tap(kiosk, 'notice-next');
    await tap(kiosk, 'next');

    // 一表申请: one question per screen, only the chosen services' (the insurance is known).
    for (const [screen, answer] of [
      ['joint-mobility', 'bedridden'],
      ['joint-visitAt', 'registered-address'],
      ['joint-serviceForm', 'home-care'],
      ['joint-carePreference', 'near-home'],
      ['joint-waitingList', 'yes'],
    ] as const) {
      await onScreen(kiosk, screen);
      await tap(kiosk, `answer-${answer}`);
    }
    await onScreen(kiosk, 'jointPhone');
    if (await kiosk.isVisible('[data-testid=key-clear]')) await tap(kiosk, 'key-clear');
    for (const d of '13601728854') await tap(kiosk, `key-${d}`);
    await tap(kiosk, 'next');
    await onScreen(kiosk, 'jointReview');
    await tap(kiosk, 'confirm');

    // 一口受理: one number; its three parts went to three departments.
    await onScreen(kiosk, 'receiptPrinted');
    const applicationNo = (await kiosk.textContent('[data-testid=application-no]'))!.trim();
    const parts = await stack.server.db.query<{ part_no: number; service_key: string; department: string; status: string }>(
      `SELECT p.part_no, p.service_key, p.department, p.status FROM application_parts p
         JOIN applications a ON a.id = p.application_id WHERE a.application_no = $1 ORDER BY p.part_no`,
      [applicationNo],
    );
    expect(parts).toEqual([
      { part_no: 1, service_key: 'ltc-assessment', department: 'medical-insurance', status: 'submitted' },
      { part_no: 2, service_key: 'care-subsidy', department: 'street-office', status: 'submitted' },
      { part_no: 3, service_key: 'care-home-admission', department: 'civil-affairs', status: 'submitted' },
    ]);
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    expect(printer.jobs.at(-1)!.previewText).toContain(applicationNo);
    await tap(kiosk, 'end');
    await onScreen(kiosk, 'goodbye');

    // 分别办理: each officer sees and moves only their own part, in their own way.
    await officerMoves('officer-mi', applicationNo, ['accepted']);
    await officerMoves('officer-so', applicationNo, ['accepted', 'approved']);
    await officerMoves('officer-ca', applicationNo, ['more-info-requested']);

    // 一体管理: by ID card, the kiosk shows each part's own state in plain words.
    await placeCard(stack, qian.key);
    await onScreen(kiosk, 'menu');
    await tap(kiosk, 'service-progress');
    await onScreen(kiosk, 'progressApplication');
    expect(await kiosk.getAttribute('[data-testid=progress-application]', 'data-application-no')).toBe(applicationNo);
    const part = (n: number) => kiosk.getAttribute(`[data-testid=progress-part-${n}]`, 'data-status');
    await expect(part(1)).resolves.toBe('accepted');
    await expect(part(2)).resolves.toBe('approved');
    await expect(part(3)).resolves.toBe('more-info-requested');
    await expect(kiosk.textContent('[data-testid=progress-part-1]')).resolves.toContain('等待上门评估');
    await expect(kiosk.textContent('[data-testid=progress-part-2]')).resolves.toContain('审核通过');
    await expect(kiosk.textContent('[data-testid=progress-part-3]')).resolves.toContain('补充材料');

    // Every read of her data by an officer is in the audit log, with the reason.
    const audit = await stack.server.db.query<{ username: string; reason: string }>(
      `SELECT username, reason FROM staff_audit WHERE event = 'person_read' ORDER BY id`,
    );
    expect(audit).toEqual(['officer-mi', 'officer-so', 'officer-ca'].map((username) => ({ username, reason: '联办审核' })));
  }, 90_000);
});
