import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onScreen, playedClips, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/** Set JOINT_SCREENSHOTS=<dir> to keep screenshots of the choice, notice, a question and the review. */
describe.skipIf(!hasChromium)('kiosk: the joint application (养老服务“一件事”联办, 一件事一次办)', () => {
  const suite = useKioskSuite();
  const screenshot = async (name: string) => {
    if (process.env.JOINT_SCREENSHOTS) await suite.page.screenshot({ path: join(process.env.JOINT_SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  it('three services chosen → notice of the three → one question per screen → phone → review → one receipt with three parts', async () => {
    const { page, stack } = suite;
    // 79, subsistence household, never assessed: the subsidy and the care home wait for the assessment.
    const he = resident('he-fuxing');
    await placeCard(stack, he.key);
    await onScreen(page, 'menu');
    await tap(page, 'service-ltc-joint');

    await onScreen(page, 'jointChoose');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    for (const key of ['ltc-assessment', 'care-subsidy', 'care-home-admission']) {
      await expect(page.getAttribute(`[data-testid=service-${key}]`, 'aria-pressed')).resolves.toBe('true');
    }
    await expect(page.textContent('[data-testid=service-care-subsidy]')).resolves.toContain('需同时申请评估');
    // Dropping the assessment drops the two that wait for it; choosing one brings it back.
    await tap(page, 'service-ltc-assessment');
    await expect(page.getAttribute('[data-testid=service-care-subsidy]', 'aria-pressed')).resolves.toBe('false');
    await tap(page, 'service-care-subsidy');
    await tap(page, 'service-care-home-admission');
    await expect(page.getAttribute('[data-testid=service-ltc-assessment]', 'aria-pressed')).resolves.toBe('true');
    await screenshot('joint-choose');
    await tap(page, 'next');

    // One service's notice per page, paged by taps: each page fits the screen (no swipe), and
    // 我已知晓，继续 is on every page.
    await onScreen(page, 'jointNotice');
    const fitsTheScreen = () => page.$eval('.kiosk-main', (main) => main.scrollHeight <= main.clientHeight);
    const notices = [
      ['ltc-assessment', '第1步'],
      ['care-subsidy', '所需材料'],
      ['care-home-admission', '承诺事项'],
    ] as const;
    for (const [n, [key, text]] of notices.entries()) {
      if (n > 0) await tap(page, 'notice-next');
      await expect(page.textContent('[data-testid=notice-position]')).resolves.toBe(`第${n + 1}项，共3项`);
      await expect(page.textContent(`[data-testid=notice-${key}]`)).resolves.toContain(text);
      expect(await page.$$('.joint-notice section')).toHaveLength(1);
      expect(await seniorFriendlyViolations(page)).toEqual([]);
      await expect(fitsTheScreen()).resolves.toBe(true);
      expect(await page.isVisible('[data-testid=next]')).toBe(true);
      await screenshot(`joint-notice-${n + 1}`);
    }
    expect(await page.$('[data-testid=notice-next]')).toBeNull();
    await tap(page, 'notice-previous');
    await expect(page.textContent('[data-testid=notice-position]')).resolves.toBe('第2项，共3项');
    // The English texts are longer: every page fits too.
    await tap(page, 'language');
    await tap(page, 'notice-previous');
    for (const n of [1, 2, 3]) {
      if (n > 1) await tap(page, 'notice-next');
      await expect(page.textContent('[data-testid=notice-position]')).resolves.toBe(`Service ${n} of 3`);
      await screenshot(`joint-notice-en-${n}`);
      await expect(fitsTheScreen()).resolves.toBe(true);
    }
    await tap(page, 'language');
    await tap(page, 'next');

    // The insurance is known from the registry, so it is not asked.
    for (const [screen, answer] of [
      ['joint-mobility', 'needs-help'],
      ['joint-visitAt', 'registered-address'],
      ['joint-serviceForm', 'home-care'],
      ['joint-carePreference', 'near-home'],
      ['joint-waitingList', 'yes'],
    ] as const) {
      await onScreen(page, screen);
      if (screen === 'joint-mobility') {
        expect(await seniorFriendlyViolations(page)).toEqual([]);
        await screenshot('joint-question');
      }
      await tap(page, `answer-${answer}`);
    }

    await onScreen(page, 'jointPhone');
    for (const d of '13912345678') await tap(page, `key-${d}`);
    await tap(page, 'next');

    await onScreen(page, 'jointReview');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    const review = (await page.textContent('[data-testid=review]'))!;
    expect(review).toContain('城乡居民医保');
    expect(review).toContain('需要他人帮助');
    expect(review).toContain('居家照护');
    await screenshot('joint-review');
    await tap(page, 'confirm');

    await onScreen(page, 'receiptPrinted');
    // Without a system voice (as here), every screen spoke its recorded words, in order.
    const keyClips = (await playedClips(page)).filter((clip) => clip.startsWith('/audio/zh-CN/keys/'));
    expect(keyClips).toEqual(
      expect.arrayContaining(
        ['kiosk.joint.choose.heading', 'kiosk.joint.choose.body', 'kiosk.joint.notice.heading', 'kiosk.joint.q.mobility.heading', 'kiosk.joint.phone.body', 'kiosk.joint.review.heading'].map(
          (key) => `/audio/zh-CN/keys/${key}.opus`,
        ),
      ),
    );
    expect(keyClips.indexOf('/audio/zh-CN/keys/kiosk.joint.phone.body.opus')).toBe(keyClips.indexOf('/audio/zh-CN/keys/kiosk.joint.phone.heading.opus') + 1);
    // Each notice page says which service it is about.
    for (const key of ['ltc-assessment', 'care-subsidy', 'care-home-admission']) expect(await playedClips(page)).toContain(`/audio/zh-CN/services/${key}.opus`);
    // The English pages of the notice were spoken in English.
    expect(await playedClips(page)).toContain('/audio/en/keys/kiosk.joint.notice.heading.opus');
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();
    expect(applicationNo).toMatch(/^YL\d{14}$/);
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    const receipt = printer.jobs.at(-1)!.previewText;
    expect(receipt).toContain(applicationNo);
    for (const name of ['长护险需求评估', '养老服务补贴', '入住养老机构']) expect(receipt).toContain(name);
    expect(receipt).not.toContain('13912345678');
  });
});
