import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecordedSpeechAfterEach, launchChromium, onScreen, openKioskPage, playedClips, tap } from './support/browser';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * 老年教育 and 叫车 at a kiosk of the demo centre (?centre=), on one stack whose ride-hailing is the
 * in-process simulator. Each case ends the session it started.
 */
describe.skipIf(!hasChromium)('kiosk: senior education and taxi hailing', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const senior = resident('li-xiuying');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    page = await openKioskPage(context, stack.kioskUrl, '?centre=xuhui-tianping');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  expectRecordedSpeechAfterEach(() => page);

  async function dailyService(serviceKey: string) {
    await placeCard(stack, senior.key);
    await onScreen(page, 'menu');
    await tap(page, 'menu-group-daily');
    await tap(page, `service-${serviceKey}`);
  }

  async function typePhone() {
    for (const d of '13912345678') await tap(page, `key-${d}`);
    await tap(page, 'next');
  }

  it('enrols in a course: enrol → school → course card with day, time and seats → phone → review → receipt naming the course', async () => {
    await dailyService('senior-education');
    await onScreen(page, 'educationMode');
    await tap(page, 'mode-enrol');
    await onScreen(page, 'educationInstitution');
    await tap(page, 'institution-xuhui-senior-university');
    await onScreen(page, 'educationCourse');
    const card = (await page.textContent('[data-testid=course-xh-calligraphy]'))!;
    expect(card).toContain('书法入门');
    expect(card).toContain('每周一 09:00–11:00');
    expect(card).toContain('还剩30个名额');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'course-xh-calligraphy');
    await onScreen(page, 'educationPhone');
    await typePhone();
    await onScreen(page, 'educationConfirming');
    await expect(page.textContent('[data-testid=review-course]')).resolves.toBe('书法入门');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'confirm');

    await onScreen(page, 'receiptPrinted');
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    const receipt = printer.jobs.at(-1)!.previewText;
    expect(receipt).toContain('徐汇区老年大学');
    expect(receipt).toContain('书法入门');
    expect(receipt).not.toContain('13912345678');
    // The seat is taken.
    const courses = await (await fetch(`${stack.serverUrl}/api/v1/education/courses`)).json();
    expect(courses.courses.find((c: { id: string }) => c.id === 'xh-calligraphy').seatsLeft).toBe(29);
    await tap(page, 'end');
    await onScreen(page, 'goodbye');
  });

  it('calls a taxi in three taps: 回家 → phone → 叫车, and the receipt carries the plate and the ETA', async () => {
    await dailyService('taxi-hailing');
    await onScreen(page, 'taxiDestination');
    await expect(page.textContent('[data-testid=destination-home]')).resolves.toContain('*');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'destination-home');
    await onScreen(page, 'taxiPhone');
    await typePhone();
    await onScreen(page, 'taxiConfirming');
    await expect(page.textContent('[data-testid=confirm]')).resolves.toContain('叫车');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'confirm');

    await onScreen(page, 'receiptPrinted');
    const ride = stack.rideHailingSimulator!.rides().at(-1)!;
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    const receipt = printer.jobs.at(-1)!.previewText;
    expect(receipt).toContain(ride.plate);
    expect(receipt).toContain(`约${ride.etaMinutes}分钟`);
    expect(receipt).toContain('门口');
    // Spoken from the recordings (no system voice here): each screen's heading, then the line under it.
    const clips = await playedClips(page);
    const at = (key: string) => clips.lastIndexOf(`/audio/zh-CN/keys/${key}.opus`);
    for (const key of ['taxi.destination.heading', 'taxi.phone.heading', 'taxi.phone.body', 'taxi.confirm.heading', 'taxi.confirm.body']) expect(at(key), key).toBeGreaterThan(-1);
    expect(at('taxi.confirm.body')).toBe(at('taxi.confirm.heading') + 1);
    await tap(page, 'end');
    await onScreen(page, 'goodbye');
  });
});
