import { RECEIPT_CODE_PATTERN, type IdentifyResponse, type ProgressResponse } from '@eldercare/domain';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { seniorFriendlyViolations } from './support/senior-friendly';
import { placeCard, resident } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * 进度查询 in Chromium on one stack: 李秀英 chooses her allowance channel at the kiosk (the
 * receipt's QR holds the receipt code), has a senior card application under way, then puts
 * her card back and reads both applications' progress and prints it.
 */
describe.skipIf(!hasChromium)('kiosk: 进度查询 (一体管理)', () => {
  const suite = useKioskSuite();
  const li = resident('li-xiuying');

  it('the receipt QR holds a code that shows that application; by card every application, part by part, printed as a slip', async () => {
    const { page, stack } = suite;
    const printer = stack.agent.simulators.receiptPrinter!;

    // An application at the kiosk: its receipt's QR is the number, '-' and 10 check characters.
    await placeCard(stack, li.key);
    await onScreen(page, 'menu');
    await tap(page, 'service-allowance-channel');
    await tap(page, 'channel-senior-card');
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const channelNo = (await page.textContent('[data-testid=application-no]'))!.trim();
    await printer.settled();
    const receiptText = Buffer.from(printer.jobs.at(-1)!.bytes).toString('latin1');
    const receiptCode = new RegExp(`${channelNo}-[0-9A-Z]{10}`).exec(receiptText)?.[0];
    expect(receiptCode).toMatch(RECEIPT_CODE_PATTERN);
    await tap(page, 'end');
    await onScreen(page, 'goodbye');

    const byCode = await fetch(`${stack.serverUrl}/api/v1/progress/receipt/${receiptCode}`);
    expect(byCode.status).toBe(200);
    expect(((await byCode.json()) as ProgressResponse).applications.map((a) => a.applicationNo)).toEqual([channelNo]);
    expect((await fetch(`${stack.serverUrl}/api/v1/progress/receipt/${channelNo}`)).status).toBe(404);

    // A senior card application under way (submitted through the API, as another kiosk would).
    const identified = (await (
      await fetch(`${stack.serverUrl}/api/v1/identify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card: li.card }) })
    ).json()) as IdentifyResponse;
    const card = await fetch(`${stack.serverUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-progress-senior-card' },
      body: JSON.stringify({ serviceKey: 'senior-card', identifyToken: identified.identifyToken, answers: { phone: '13912345678', delivery: 'collect' } }),
    });
    expect(card.status).toBe(201);
    const cardNo = ((await card.json()) as { applicationNo: string }).applicationNo;

    // By card: the newest first, each part with its words and the date it is due.
    await placeCard(stack, li.key);
    await onScreen(page, 'menu');
    await tap(page, 'service-progress');
    await onScreen(page, 'progressApplication');
    expect(await page.getAttribute('[data-testid=progress-application]', 'data-application-no')).toBe(cardNo);
    const firstPart = (await page.textContent('[data-testid=progress-part-1]'))!;
    expect(firstPart).toMatch(/已提交，等待.+受理/);
    expect(firstPart).toMatch(/预计\d{4}年\d{1,2}月\d{1,2}日前受理/);
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    await tap(page, 'progress-next');
    expect(await page.getAttribute('[data-testid=progress-application]', 'data-application-no')).toBe(channelNo);
    await expect(page.textContent('[data-testid=progress-part-1]')).resolves.toContain('已办结');
    expect(await seniorFriendlyViolations(page)).toEqual([]);
    const html = await page.content();
    expect(html).not.toContain(li.idNumber);
    expect(html).not.toContain(li.name);

    const jobsBefore = printer.jobs.length;
    await tap(page, 'progress-print');
    await onScreen(page, 'goodbye');
    await printer.settled();
    expect(printer.jobs).toHaveLength(jobsBefore + 1);
    const slip = iconv.decode(Buffer.from(printer.jobs.at(-1)!.bytes), 'gb18030');
    for (const text of ['办理进度单', cardNo, channelNo, '李**', '已办结']) expect(slip).toContain(text);
    expect(slip).not.toContain(li.idNumber);
  });
});
