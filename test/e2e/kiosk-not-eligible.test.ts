import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * Someone for whom the usual services do not apply yet. Every service a person cannot use says
 * why, in the rules' plain words, on the menu and again when tapped; 上门办 stays open to anyone
 * (staff check at the home), so 陈志强 (62) is not told that nothing is possible.
 */
describe.skipIf(!hasChromium)('kiosk: someone the services do not apply to yet', () => {
  const suite = useKioskSuite();

  /** The menu page's services that cannot be used, each with the reasons written under it. */
  const unavailableEntries = (page: Page) =>
    page.$$eval('[data-screen=menu] .service-choice.unavailable', (buttons) =>
      buttons.map((b) => ({ key: b.getAttribute('data-testid'), reasons: [...b.querySelectorAll('.reason')].map((r) => r.textContent!.trim()) })),
    );

  it('a 62-year-old sees why, in plain words, on every menu page and on each service; 上门办 is offered', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'chen-zhiqiang');
    await onScreen(page, 'menu');
    for (const service of ['allowance-channel', 'senior-card']) {
      const text = await page.textContent(`[data-testid=service-${service}]`);
      expect(text).toContain('暂不能办理');
      expect(text).toContain('年满65周岁可办理，您目前62周岁');
    }
    // Something is possible, so the menu does not say nothing is; 上门办 comes before the rest.
    await expect(page.textContent('[data-testid=service-home-visit]')).resolves.toContain('可以办理');
    expect(await page.$('[data-screen=menu] .notice')).toBeNull();
    const order = await page.$$eval('[data-screen=menu] .menu-entries button', (bs) => bs.map((b) => b.getAttribute('data-testid')));
    expect(order.indexOf('service-home-visit')).toBeLessThan(order.indexOf('service-allowance-channel'));
    expect(await seniorFriendlyViolations(page)).toEqual([]);

    // No service anywhere is refused without its reason.
    const home = await unavailableEntries(page);
    expect(home.map((e) => e.key)).toEqual(expect.arrayContaining(['service-allowance-channel', 'service-senior-card']));
    for (const group of ['apply', 'daily']) {
      await tap(page, `menu-group-${group}`);
      await page.waitForSelector(`.menu-entries[data-page=${group}]`);
      for (const entry of await unavailableEntries(page)) expect(entry.reasons.filter(Boolean), entry.key!).not.toEqual([]);
      await tap(page, 'menu-back');
      await page.waitForSelector('.menu-entries[data-page=home]');
    }
    for (const entry of home) expect(entry.reasons.filter(Boolean), entry.key!).not.toEqual([]);

    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'notEligible');
    await expect(page.textContent('[data-testid=reasons]')).resolves.toMatch(/年满65周岁可办理，您目前62周岁，\d{4}年\d{1,2}月\d{1,2}日起可以办理/);
    await tap(page, 'back');
    await onScreen(page, 'menu');
    // No dead end: the person can finish.
    await tap(page, 'end-session');
    await onScreen(page, 'goodbye');
  });

  it('someone with hukou outside Shanghai is told that is the reason', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'zhou-haiping');
    await onScreen(page, 'menu', 20_000);
    await expect(page.textContent('[data-testid=service-senior-card]')).resolves.toContain('仅限本市户籍');
  });
});
