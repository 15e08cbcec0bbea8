import { describe, expect, it } from 'vitest';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

describe.skipIf(!hasChromium)('kiosk: someone for whom neither service applies', () => {
  const suite = useKioskSuite();

  it('a 62-year-old sees why, in plain words, on the menu and on each service', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'chen-zhiqiang');
    await onScreen(page, 'menu');
    const menu = await page.textContent('[data-screen=menu]');
    expect(menu).toContain('您目前暂不符合这两项服务的办理条件');
    for (const service of ['allowance-channel', 'senior-card']) {
      const text = await page.textContent(`[data-testid=service-${service}]`);
      expect(text).toContain('年满65周岁可办理，您目前62周岁');
    }
    expect(await seniorFriendlyViolations(page)).toEqual([]);

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
