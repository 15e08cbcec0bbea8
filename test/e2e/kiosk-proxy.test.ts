import type { ApplicationView } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { demoStaffPasswordsFile, staffSession } from './support/staff-session';
import { placeCard, resident } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * 代办 with the simulator's demo cards: 孙丽芳 (55) applies for 李秀英 (67). One stack and one
 * page for the file; each case ends the session it started.
 */
describe.skipIf(!hasChromium)('kiosk: applying for a senior (代办)', () => {
  const passwordsFile = demoStaffPasswordsFile();
  const suite = useKioskSuite({ stack: { demoStaffPasswordsFile: passwordsFile } });
  const applicant = resident('sun-lifang');
  const senior = resident('li-xiuying');

  async function applicantMenu() {
    const { page, stack } = suite;
    await placeCard(stack, applicant.key);
    await onScreen(page, 'menu');
    await expect(page.textContent('h1')).resolves.toContain('孙**');
  }

  it('the senior’s card, the relationship and the senior’s consent give the senior’s menu, named in a banner with the applicant', async () => {
    const { page, stack } = suite;
    await applicantMenu();
    await tap(page, 'proxy-start');
    await onScreen(page, 'proxyWaitingForCard');
    expect(await seniorFriendlyViolations(page)).toEqual([]);

    // The applicant's own card again: said plainly, and the senior's card is still taken.
    await placeCard(stack, applicant.key);
    await onScreen(page, 'proxySameCard');
    await placeCard(stack, senior.key);
    await onScreen(page, 'proxyRelationship');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'proxy-relationship-child');
    await onScreen(page, 'proxyConsent');
    const question = await page.textContent('[data-testid=proxy-consent-question]');
    expect(question).toContain('李**');
    expect(question).toContain('子女 孙**');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'proxy-consent');

    await onScreen(page, 'menu');
    await expect(page.textContent('h1')).resolves.toContain('李**');
    await expect(page.textContent('[data-testid=proxy-banner]')).resolves.toBe('孙** 正在为 李** 代办');
    const html = await page.content();
    for (const person of [applicant, senior]) {
      expect(html).not.toContain(person.idNumber);
      expect(html).not.toContain(person.name);
    }
    expect(await seniorFriendlyViolations(page)).toEqual([]);

    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await tap(page, 'channel-senior-card');
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();
    const staff = await staffSession(stack.serverUrl, passwordsFile);
    const stored = await staff.get<ApplicationView>(`/api/v1/applications/${applicationNo}`);
    // The application is the senior's, and names who applied for them and how they are related.
    expect(stored).toMatchObject({
      serviceKey: 'allowance-channel',
      applicantNameMasked: '李**',
      proxy: { nameMasked: '孙**', relationship: 'child' },
    });
    expect(stored.proxy?.idNumberMasked).not.toBe(applicant.idNumber);

    await tap(page, 'end');
    await onScreen(page, 'goodbye');
  });

  it('cancel returns to the applicant’s own menu, with nothing of the senior on it', async () => {
    const { page, stack } = suite;
    await applicantMenu();
    await tap(page, 'proxy-start');
    await placeCard(stack, senior.key);
    await onScreen(page, 'proxyRelationship');
    await tap(page, 'proxy-cancel');
    await onScreen(page, 'menu');
    await expect(page.textContent('h1')).resolves.toContain('孙**');
    expect(await page.$('[data-testid=proxy-banner]')).toBeNull();
    await tap(page, 'end-session');
    await onScreen(page, 'goodbye');
  });
});
