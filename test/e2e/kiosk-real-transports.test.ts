import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrinterSimulator } from '@eldercare/device-agent';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack';
import { expectRecordedSpeechAfterEach, launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { resident, startTestStack } from './support/stack-fixture';
import { hasChromium, requireTool } from './support/tool-check';

const hasSocat = requireTool('socat', spawnSync('socat', ['-V']).status === 0, 'apt-get install socat; needed for a pseudo-terminal');

/**
 * The agent pointed at real transports: a GA 467 reader simulator in its own process behind a
 * pseudo-terminal (`serial:` through the serialport package), and a raw TCP printer
 * (`tcp:`, like port 9100). What arrives at the printer must be correct ESC/POS.
 */
describe.skipIf(!hasChromium || !hasSocat)('kiosk over a serial reader and a TCP printer', () => {
  let dir: string;
  let readerProcess: ChildProcessWithoutNullStreams;
  let printer: PrinterSimulator;
  let closePrinter: () => Promise<void>;
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eldercare-tty-'));
    const ttyPath = join(dir, 'ttyIdReader');
    readerProcess = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(REPO_ROOT, 'device-agent/src/simulators/reader-simulator-main.ts'), '--pty', ttyPath],
      { cwd: REPO_ROOT },
    );
    await new Promise<void>((ready, fail) => {
      let out = '';
      readerProcess.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes(`serial:${ttyPath}`)) ready();
      });
      readerProcess.once('exit', (code) => fail(new Error(`reader simulator exited with ${code}: ${out}`)));
    });
    printer = new PrinterSimulator();
    const listening = await printer.listenTcp(0);
    closePrinter = listening.close;
    [stack, browser] = await Promise.all([
      startTestStack({ reader: `serial:${ttyPath}?baud=115200`, receiptPrinter: `tcp:127.0.0.1:${listening.port}` }),
      launchChromium(),
    ]);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    page = await openKioskPage(context, stack.kioskUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await closePrinter?.();
    readerProcess?.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });
  expectRecordedSpeechAfterEach(() => page);

  it('a card read over the serial line leads to ESC/POS on the TCP printer', async () => {
    const li = resident('li-xiuying');
    readerProcess.stdin.write(`place ${li.key}\n`);
    await onScreen(page, 'menu', 20_000);
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await tap(page, 'channel-senior-card');
    await tap(page, 'confirm');
    await onScreen(page, 'receiptPrinted');
    const applicationNo = (await page.textContent('[data-testid=application-no]'))!.trim();

    await printer.settled();
    expect(printer.jobs).toHaveLength(1);
    const bytes = Buffer.from(printer.jobs[0]!.bytes);
    // ESC @, FS &, …, ends with a cut (GS V).
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect(bytes.subarray(-10).includes(Buffer.from([0x1d, 0x56]))).toBe(true);
    expect(bytes.includes(iconv.encode('敬老卡', 'gb18030'))).toBe(true);
    expect(bytes.includes(Buffer.from(applicationNo))).toBe(true);
    expect(iconv.decode(bytes, 'gb18030')).not.toContain(li.idNumber);
    expect(printer.jobs[0]!.previewText).toMatch(/^领取渠道：敬老卡/m);
    expect(printer.jobs[0]!.items.some((item) => item.kind === 'qr')).toBe(true);
  });
});
