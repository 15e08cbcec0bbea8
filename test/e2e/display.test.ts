import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STAFF_PASSWORDS_FILE } from '@eldercare/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { recordCallAudio, sayings, scheduledClips } from './support/call-audio';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';
import { staffAtCounter, takeTicket, type CounterStaff } from './support/window-staff';

/** One saying of a call, as clip ids (decision 0011). */
const saying = (ticketNo: string, counterClips: string[]) => [
  'qing',
  `letter-${ticketNo[0]!.toLowerCase()}`,
  ...ticketNo.slice(1).split('').map((d) => `digit-${d}`),
  'hao',
  'dao',
  ...counterClips,
  'hao-chuangkou-banli',
];

/**
 * The hall's call display on the real stack in Chromium at 1920×1080: tickets from the kiosk
 * API, calls from the window API, the display following the SSE stream and saying each call
 * from the recorded clips (the headless browser has no Chinese voice). A call takes ~15 s to
 * say, so the waits below are real audio time.
 */
describe.skipIf(!hasChromium)('/display: the call display', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staffDir: string;
  let counter1: CounterStaff;
  let counter3: CounterStaff;
  const text = (testId: string) => page.textContent(`[data-testid=${testId}]`);
  const waitForText = (testId: string, value: string, timeout = 15_000) =>
    page.waitForFunction(([id, v]) => document.querySelector(`[data-testid=${id}]`)?.textContent === v, [testId, value] as const, { timeout });

  beforeAll(async () => {
    staffDir = mkdtempSync(join(tmpdir(), 'e2e-display-staff-'));
    const demoStaffPasswordsFile = join(staffDir, DEMO_STAFF_PASSWORDS_FILE);
    // As on a display PC: Chromium started with sound allowed without a tap.
    [stack, browser] = await Promise.all([startTestStack({ demoStaffPasswordsFile }), launchChromium(['--autoplay-policy=no-user-gesture-required'])]);
    counter1 = await staffAtCounter(stack.serverUrl, demoStaffPasswordsFile, 'window1', 1);
    counter3 = await staffAtCounter(stack.serverUrl, demoStaffPasswordsFile, 'window2', 3);
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    await recordCallAudio(page);
    await page.goto(stack.displayUrl);
    await page.waitForSelector('.display[data-stream=connected]');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (staffDir) rmSync(staffDir, { recursive: true, force: true });
  });

  it('shows the centre and people waiting per category, following new tickets', async () => {
    expect(await page.textContent('h1')).toBe('徐汇区天平路街道社区事务受理服务中心（演示）');
    expect(await page.textContent('[data-category=A] .waiting-name')).toContain('养老服务');
    expect(await text('waiting-A')).toBe('0人');
    await takeTicket(stack.serverUrl, 'A');
    await takeTicket(stack.serverUrl, 'A');
    await takeTicket(stack.serverUrl, 'B');
    await waitForText('waiting-A', '2人');
    await waitForText('waiting-B', '1人');
    expect(await page.textContent('.current-call')).toContain('请留意叫号');
    expect((await seniorFriendlyViolations(page, '.display')).filter((v) => v.rule !== 'call-staff')).toEqual([]);
  });

  it('shows a call large and says it twice, slowly: 请A001号到1号窗口办理', async () => {
    await counter1.act('open');
    const view = await counter1.act('call-next');
    expect(view.current?.ticketNo).toBe('A001');
    await waitForText('current-ticket', 'A001');
    expect(await text('current-counter')).toContain('1号窗口');
    const size = (testId: string) => page.$eval(`[data-testid=${testId}]`, (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size('current-ticket')).toBeGreaterThanOrEqual(160);
    expect(await size('current-counter')).toBeGreaterThanOrEqual(96);
    await waitForText('announcement', '请A001号到1号窗口办理');
    expect(await page.getAttribute('[data-testid=announcement]', 'data-speaking')).toBe('true');
    await waitForText('waiting-A', '1人');

    const clips = await scheduledClips(page);
    expect(sayings(clips)).toEqual([saying('A001', ['digit-1']), saying('A001', ['digit-1'])]);
    // Back to back within a saying, about a second between the two.
    const first = clips.slice(0, 9);
    const second = clips[9]!;
    const firstEnd = first.at(-1)!.when + first.at(-1)!.duration;
    expect(second.when - firstEnd).toBeGreaterThanOrEqual(0.9);
    expect(second.when - firstEnd).toBeLessThan(1.3);
    for (let i = 1; i < first.length; i++) expect(first[i]!.when - (first[i - 1]!.when + first[i - 1]!.duration)).toBeLessThan(0.15);
    expect((await seniorFriendlyViolations(page, '.display')).filter((v) => v.rule !== 'call-staff')).toEqual([]);
  });

  it('misses no call while the network is down, and says it after the call being said', async () => {
    // Offline emulation fails new requests only; the server dropping its connections (as in a
    // restart, or a proxy cutting idle streams) ends the open stream.
    await context.setOffline(true);
    stack.server.server.closeAllConnections();
    await page.waitForSelector('[data-testid=reconnecting]', { timeout: 15_000 });
    await counter3.act('open');
    expect((await counter3.act('call-next')).current?.ticketNo).toBe('B001');
    await context.setOffline(false);
    await waitForText('current-ticket', 'B001', 30_000);
    await page.waitForSelector('[data-testid=reconnecting]', { state: 'detached' });
    expect(await page.textContent('[data-testid=recent-calls]')).toContain('A001');
    // Queued behind A001: said once A001's two sayings are over.
    await waitForText('announcement', '请B001号到3号窗口办理', 40_000);
    const clips = await scheduledClips(page);
    expect(sayings(clips).slice(2)).toEqual([saying('B001', ['digit-3']), saying('B001', ['digit-3'])]);
    const a001End = clips[17]!.when + clips[17]!.duration;
    expect(clips[18]!.when).toBeGreaterThanOrEqual(a001End);
  }, 90_000);

  it('says a recall again and shows it as one', async () => {
    const view = await counter1.act('recall');
    expect(view.current).toMatchObject({ ticketNo: 'A001', callCount: 2 });
    await waitForText('current-ticket', 'A001');
    expect(await page.textContent('.current-call')).toContain('再次呼叫');
    expect(await page.$$eval('[data-testid=recent-calls] li', (items) => items.map((li) => li.getAttribute('data-ticket')))).toEqual(['B001']);
    await waitForText('announcement', '请A001号到1号窗口办理', 40_000);
    expect(sayings(await scheduledClips(page)).slice(4)).toEqual([saying('A001', ['digit-1']), saying('A001', ['digit-1'])]);
  }, 60_000);

  it('after a reload shows the last calls and says only the call it had not said', async () => {
    await page.goto('about:blank');
    await counter1.act('finish');
    expect((await counter1.act('call-next')).current?.ticketNo).toBe('A002');
    await page.goto(stack.displayUrl);
    await waitForText('current-ticket', 'A002');
    expect(await page.$$eval('[data-testid=recent-calls] li', (items) => items.map((li) => li.getAttribute('data-ticket')))).toEqual(['A001', 'B001']);
    await waitForText('announcement', '请A002号到1号窗口办理');
    // Nothing queued before it: A001 and B001, said before the reload, are not said again.
    expect(sayings(await scheduledClips(page))).toEqual([saying('A002', ['digit-1']), saying('A002', ['digit-1'])]);
  }, 60_000);

  it('shows English labels with ?lang=en and still speaks Mandarin', async () => {
    const en = await context.newPage();
    await recordCallAudio(en);
    await en.goto(`${stack.displayUrl}&lang=en`);
    await en.waitForSelector('.display[data-stream=connected]');
    expect(await en.textContent('[data-testid=current-counter]')).toContain('Counter 1');
    expect(await en.textContent('.recent-calls h2')).toBe('Recent calls');
    expect(await en.textContent('[data-category=B] .waiting-name-main')).not.toMatch(/[\u4e00-\u9fff]/);
    // A fresh screen does not read out the day's history…
    expect(await en.textContent('[data-testid=announcement]')).toBe('');
    // …but says a new call, in Mandarin.
    await takeTicket(stack.serverUrl, 'B');
    await counter3.act('finish');
    expect((await counter3.act('call-next')).current?.ticketNo).toBe('B002');
    await en.waitForFunction(() => document.querySelector('[data-testid=announcement]')?.textContent === '请B002号到3号窗口办理');
    expect(await en.getAttribute('[data-testid=announcement]', 'lang')).toBe('zh-CN');
    expect(sayings(await scheduledClips(en))[0]).toEqual(saying('B002', ['digit-3']));
    await en.close();
  }, 60_000);

  it('asks for one tap when the browser blocks sound', async () => {
    // Chromium's own policy, as on a PC started without --autoplay-policy=no-user-gesture-required.
    const strict = await launchChromium();
    try {
      const blocked = await (await strict.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
      await blocked.goto(stack.displayUrl);
      const button = await blocked.waitForSelector('[data-testid=enable-sound]');
      expect(await button.textContent()).toContain('开启声音');
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(72);
      expect(box.height).toBeGreaterThanOrEqual(72);
      await button.click();
      await blocked.waitForSelector('[data-testid=enable-sound]', { state: 'detached' });
      expect(await blocked.evaluate(() => document.querySelector('.display')?.getAttribute('data-stream'))).toBe('connected');
    } finally {
      await strict.close();
    }
  });
});
