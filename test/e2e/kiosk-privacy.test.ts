import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/** Everything the browser keeps for a page: DOM, Web Storage, IndexedDB, Cache Storage, cookies. */
async function everythingStored(page: Page, context: BrowserContext): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const storage = (s: Storage) => Object.entries({ ...s }).map(([k, v]) => `${k}=${v}`);
    const databases = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
    const caches_ = 'caches' in window ? await caches.keys() : [];
    return [document.documentElement.outerHTML, ...storage(localStorage), ...storage(sessionStorage), ...databases, ...caches_, document.title].join('\n');
  });
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`);
  return [inPage, ...cookies].join('\n');
}

describe.skipIf(!hasChromium)('kiosk: inactivity and personal data', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('warns after a minute of silence with ≥ 20 s to continue; continuing keeps the session', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await context.clock.install();
    const page = await openKioskPage(context, stack.kioskUrl);
    await placeCard(stack, 'wu-meiling');
    await onScreen(page, 'menu');
    await context.clock.fastForward(61_000);
    await page.waitForSelector('[data-overlay=idle]');
    const seconds = Number(await page.textContent('[data-testid=idle-countdown]'));
    expect(seconds).toBeGreaterThanOrEqual(20);
    // The overlay covers the call-staff bar; everything else must still meet the bars.
    expect((await seniorFriendlyViolations(page)).filter((v) => v.rule !== 'call-staff')).toEqual([]);
    await tap(page, 'idle-continue');
    await page.waitForSelector('[data-overlay=idle]', { state: 'detached' });
    await onScreen(page, 'menu');
    await context.close();
  });

  it('after the timeout neither the DOM nor any browser storage holds the name or the ID number', async () => {
    const ouyang = resident('ouyang-mingyue');
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    await context.clock.install();
    const page = await openKioskPage(context, stack.kioskUrl);
    await placeCard(stack, ouyang.key);
    await onScreen(page, 'menu');
    await tap(page, 'service-senior-card');
    await onScreen(page, 'seniorCardIdentity');
    const maskedId = `${ouyang.idNumber.slice(0, 3)}***********${ouyang.idNumber.slice(-4)}`;
    const during = await everythingStored(page, context);
    // Sanity: the masked data is on screen during the session, so the check below can fail.
    expect(during).toContain(maskedId);
    expect(during).toContain('欧阳**');
    expect(during).not.toContain(ouyang.idNumber);

    await context.clock.fastForward(61_000);
    await page.waitForSelector('[data-overlay=idle]');
    await context.clock.fastForward(31_000);
    await onScreen(page, 'attract');
    const after = await everythingStored(page, context);
    for (const secret of [ouyang.idNumber, maskedId, ouyang.idNumber.slice(-4), ouyang.name, '欧阳**', ouyang.address, ouyang.birthDate.replaceAll('-', '')]) {
      expect(after).not.toContain(secret);
    }
    await context.close();
  });
});
