import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecordedSpeechAfterEach, launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * The receipt screen shows what came of a service done at once, not only the number: the taxi's
 * plate, car, ETA and 门口等候, the voucher's number, in large type on one portrait screen (the
 * 呼叫工作人员 button still in view). One stack; each case ends the session it started.
 */
describe.skipIf(!hasChromium)('kiosk: the result on the receipt screen', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;
  const senior = resident('li-xiuying');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
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

  const shownDetails = () => page.textContent('[data-testid=receipt-details]');

  it('叫车: the plate, the car, the ETA and where to wait are on screen', async () => {
    await dailyService('taxi-hailing');
    await tap(page, 'destination-home');
    for (const d of '13912345678') await tap(page, `key-${d}`);
    await tap(page, 'next');
    await tap(page, 'confirm');

    await onScreen(page, 'receiptPrinted');
    const ride = stack.rideHailingSimulator!.rides().at(-1)!;
    const shown = (await shownDetails())!;
    expect(shown).toContain(ride.plate);
    expect(shown).toContain(`约${ride.etaMinutes}分钟`);
    expect(shown).toContain('门口');
    expect(shown).not.toContain('13912345678');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'end');
    await onScreen(page, 'goodbye');
  });

  it('体育消费券: the voucher number on screen is the one printed', async () => {
    await dailyService('sports-voucher');
    await tap(page, 'confirm');

    await onScreen(page, 'receiptPrinted');
    const voucherNo = /TY\d{14}/.exec((await shownDetails())!)?.[0];
    expect(voucherNo).toBeDefined();
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    expect(printer.jobs.at(-1)!.previewText).toContain(voucherNo);
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'end');
    await onScreen(page, 'goodbye');
  });
});
