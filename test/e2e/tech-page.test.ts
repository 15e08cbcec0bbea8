import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/** The technician page on the running stack: live devices, a test print and its preview, the config editor. */
describe.skipIf(!hasChromium)('/tech: the technician page', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${stack.serverUrl}/tech/`);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the devices ready, with the SAM id, in Chinese by default', async () => {
    await page.waitForSelector('[data-testid=reader-state][data-state=ready]');
    await page.waitForSelector('[data-testid=printer-receipt-state][data-state=ready]');
    expect(await page.textContent('h1')).toBe('设备维护（技术人员）');
    expect(await page.textContent('[data-testid=reader-state]')).toBe('就绪');
    await expect(page.textContent('[data-testid=sam-id]')).resolves.toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
  });

  it('runs a test print and shows its rendered preview', async () => {
    await page.click('[data-testid=test-print-receipt]');
    await page.waitForSelector('[data-testid=test-print-receipt-result][data-state=printed]');
    const preview = await page.waitForSelector('[data-testid=printer-receipt-preview]');
    expect(await preview.textContent()).toContain('打印机自检');
  });

  it('refuses an invalid config and names the bad keys; nothing changes', async () => {
    await page.waitForFunction(() => (document.querySelector('[data-testid=config-text]') as HTMLTextAreaElement | null)?.value.includes('"reader"'));
    const text = await page.inputValue('[data-testid=config-text]');
    const config = JSON.parse(text) as { reader: { address: string; pollIntervalMs?: number }; printers: { receipt: { address: string } } };
    config.printers.receipt.address = 'tcp:printer';
    config.reader.pollIntervalMs = -1;
    await page.fill('[data-testid=config-text]', JSON.stringify(config, null, 2));
    await page.click('[data-testid=config-save]');
    const issues = await page.waitForSelector('[data-testid=config-issues]');
    const shown = await issues.textContent();
    expect(shown).toContain('printers.receipt.address: expected a device address such as tcp:192.168.1.50:9100 (got "tcp:printer"');
    expect(shown).toContain('reader.pollIntervalMs: expected a number of milliseconds ≥ 10 (got -1)');
    expect(await page.getAttribute('[data-testid=config-text]', 'aria-invalid')).toBe('true');
    // The running agent kept its printer.
    const status = (await (await fetch(`${stack.agentUrl}/v1/status`, { headers: { authorization: `Bearer ${stack.agentToken}` } })).json()) as { printers: { receipt: { state: string } } };
    expect(status.printers.receipt.state).toBe('ready');
  });

  it('switches to English', async () => {
    await page.click('button[lang=en]');
    expect(await page.textContent('h1')).toBe('Device maintenance (technicians)');
    expect(await page.textContent('[data-testid=reader-state]')).toBe('Ready');
  });
});
