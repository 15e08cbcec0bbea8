import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { onScreen, playedClips, promptClips, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

describe.skipIf(!hasChromium)('kiosk: applying for the senior card (申领敬老卡)', () => {
  const suite = useKioskSuite({ perTest: true });

  async function typeDigits(digits: string) {
    for (const d of digits) await tap(suite.page, `key-${d}`);
  }

  it('confirm data → phone on the keypad → mail → confirm → a receipt; the card is then pending', async () => {
    const { page, stack } = suite;
    const li = resident('li-xiuying');
    await placeCard(stack, li.key);
    await onScreen(page, 'menu');
    await tap(page, 'service-senior-card');

    await onScreen(page, 'seniorCardIdentity');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    const masked = `${li.idNumber.slice(0, 3)}***********${li.idNumber.slice(-4)}`;
    await expect(page.textContent('[data-testid=id-masked]')).resolves.toBe(masked);
    const html = await page.content();
    expect(html).not.toContain(li.idNumber);
    expect(html).not.toContain(li.name);
    await tap(page, 'next');

    await onScreen(page, 'seniorCardPhone');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await typeDigits('1381234');
    await tap(page, 'next');
    await page.waitForSelector('[data-testid=phone-error]');
    await expect(page.textContent('[data-testid=phone-error]')).resolves.toContain('11位');
    await typeDigits('5678');
    await tap(page, 'key-delete');
    await typeDigits('8');
    await expect(page.getAttribute('[data-testid=phone]', 'aria-label')).resolves.toBe('13812345678');
    await tap(page, 'key-clear');
    await typeDigits('12345678901'); // 11 digits, but no mobile number
    await tap(page, 'next');
    await expect(page.textContent('[data-testid=phone-error]')).resolves.toContain('不是手机号码');
    await tap(page, 'key-clear');
    await typeDigits('13812345678');
    await tap(page, 'next');

    await onScreen(page, 'seniorCardDelivery');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await expect(page.textContent('[data-testid=delivery-mail]')).resolves.toContain('上海市长宁区天山路***弄**号***室');
    await tap(page, 'delivery-mail');

    await onScreen(page, 'seniorCardConfirming');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();

    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    const job = printer.jobs.at(-1)!;
    const raw = iconv.decode(Buffer.from(job.bytes), 'gb18030');
    expect(raw).not.toContain(li.idNumber);
    expect(raw).not.toContain('13812345678');
    expect(job.previewText).toMatch(/^办理事项：申领敬老卡/m);
    expect(job.previewText).toMatch(/^申请人：李\*\*/m);
    expect(job.previewText).toMatch(/^联系电话：138\*\*\*\*5678/m);
    expect(job.previewText).toMatch(/^领卡方式：邮寄到户籍地址/m);
    expect(job.previewText).toContain(applicationNo);
    expect(await playedClips(page)).toEqual(
      expect.arrayContaining([...promptClips('zh-CN', 'seniorCardIdentity'), ...promptClips('zh-CN', 'seniorCardPhone'), ...promptClips('zh-CN', 'seniorCardDelivery')]),
    );

    // Back at the kiosk: the application is known, so no second one.
    await tap(page, 'more');
    await onScreen(page, 'menu');
    await expect(page.textContent('[data-testid=service-senior-card]')).resolves.toContain('正在制作中');
  });

  it('tells a card holder that they already have one', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'wang-jianguo');
    await onScreen(page, 'menu');
    await tap(page, 'service-senior-card');
    await onScreen(page, 'notEligible');
    await expect(page.textContent('[data-testid=reasons]')).resolves.toContain('您已经持有敬老卡');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'back');
    await onScreen(page, 'menu');
  });
});
