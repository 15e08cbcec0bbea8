import iconv from 'iconv-lite';
import type { ApplicationView } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { onScreen, playedClips, promptClips, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident } from './support/stack-fixture';
import { demoStaffPasswordsFile, staffSession } from './support/staff-session';
import { hasChromium } from './support/tool-check';

describe.skipIf(!hasChromium)('kiosk: choosing the allowance channel (选择老年综合津贴领取渠道)', () => {
  const passwordsFile = demoStaffPasswordsFile();
  const suite = useKioskSuite({ perTest: true, stack: { demoStaffPasswordsFile: passwordsFile } });

  async function expectSeniorFriendly() {
    expect(await seniorFriendlyViolations(suite.page)).toEqual([]);
  }

  it('card → 社会保障卡 → a GB18030 receipt with the surname and the masked ID, never the full ID', async () => {
    const { page, stack } = suite;
    const li = resident('li-xiuying');
    await expectSeniorFriendly();
    await placeCard(stack, li.key);
    await onScreen(page, 'menu');
    await expect(page.textContent('h1')).resolves.toContain('李**');
    await expectSeniorFriendly();

    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await expectSeniorFriendly();
    await tap(page, 'channel-social-security-card');
    await onScreen(page, 'allowanceConfirming');
    await expect(page.textContent('[data-testid=chosen-channel]')).resolves.toBe('社会保障卡');
    await expectSeniorFriendly();
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    await expectSeniorFriendly();
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();
    expect(applicationNo).toMatch(/^YL\d{14}$/);

    // What reached the printer, as bytes.
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    const job = printer.jobs.at(-1)!;
    const bytes = Buffer.from(job.bytes);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]); // ESC @
    expect(bytes.includes(Buffer.from([0x1c, 0x26]))).toBe(true); // FS & Chinese mode on
    const text = iconv.decode(bytes, 'gb18030');
    expect(text).toContain('李**');
    expect(text).toContain(li.idNumber.slice(0, 3) + '*'.repeat(11) + li.idNumber.slice(-4));
    expect(text).toContain('社会保障卡');
    expect(text).toContain(applicationNo);
    expect(text).not.toContain(li.idNumber);
    expect(text).not.toContain(li.birthDate.replaceAll('-', ''));
    expect(text).not.toContain(li.name);
    expect(bytes.includes(iconv.encode('社会保障卡', 'gb18030'))).toBe(true);
    // QR code of the receipt code: the number, '-' and 10 check characters (GS ( k store, function 80).
    const qrStore = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, applicationNo.length + 11 + 3, 0x00, 0x31, 0x50, 0x30]), Buffer.from(`${applicationNo}-`)]);
    expect(bytes.includes(qrStore)).toBe(true);

    // The server has it, masked.
    const staff = await staffSession(stack.serverUrl, passwordsFile);
    const stored = await staff.get<ApplicationView>(`/api/v1/applications/${applicationNo}`);
    expect(stored).toMatchObject({ applicationNo, serviceKey: 'allowance-channel', answers: { channel: 'social-security-card' } });

    // Spoken prompts were played for the screens on the way.
    const clips = await playedClips(page);
    for (const prompt of ['attract', 'menu', 'allowanceChoosing', 'allowanceConfirming', 'receiptPrinted'] as const) {
      expect(clips).toEqual(expect.arrayContaining(promptClips('zh-CN', prompt)));
    }
  });

  it('someone who already chose sees the current channel and may change it', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'gao-shulan'); // channel: social security card
    await onScreen(page, 'menu');
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceCurrent');
    await expect(page.textContent('[data-screen=allowanceCurrent]')).resolves.toContain('社会保障卡');
    await tap(page, 'change');
    await onScreen(page, 'allowanceConfirming');
    await expect(page.textContent('[data-testid=chosen-channel]')).resolves.toBe('敬老卡');
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    // The preview is rendered from the bytes by the simulator's ESC/POS interpreter.
    const preview = printer.jobs.at(-1)!.previewText;
    expect(preview).toMatch(/^领取渠道：敬老卡/m);
    expect(preview).toMatch(/^原领取渠道：社会保障卡/m);
  });

  it('keeping the current channel ends without an application', async () => {
    const { page, stack } = suite;
    const before = stack.agent.simulators.receiptPrinter!.jobs.length;
    await placeCard(stack, 'zhang-guihua'); // channel: senior card
    await onScreen(page, 'menu');
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceCurrent');
    await tap(page, 'keep');
    await onScreen(page, 'goodbye');
    expect(stack.agent.simulators.receiptPrinter!.jobs.length).toBe(before);
  });

  it('speaks English when asked, on screen and on the receipt', async () => {
    const { page, stack } = suite;
    await placeCard(stack, 'zhu-wenhua');
    await onScreen(page, 'menu');
    await tap(page, 'language');
    await page.waitForSelector('h1:has-text("Hello, 朱**!")');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await page.waitForSelector('h1:has-text("Which card should receive the allowance?")');
    await expect(seniorFriendlyViolations(page)).resolves.toEqual([]);
    await tap(page, 'channel-senior-card');
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const printer = stack.agent.simulators.receiptPrinter!;
    await printer.settled();
    expect(printer.jobs.at(-1)!.previewText).toMatch(/^Channel：Senior card/m);
    expect(await playedClips(page)).toEqual(expect.arrayContaining(promptClips('en', 'receiptPrinted')));
  });
});
