import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { StackOptions } from '../../../scripts/stack';
import { expectRecordedSpeechAfterEach, launchChromium, openKioskPage } from './browser';
import { startTestStack } from './stack-fixture';

export interface KioskSuite {
  stack: Awaited<ReturnType<typeof startTestStack>>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The usual suite set-up: one stack and one Chromium for the file (started together), and a
 * fresh portrait kiosk page for every test (`perTest`) or one for the whole file. Read the
 * returned object's fields inside tests: they are filled in by the hooks.
 */
export function useKioskSuite(options: { perTest?: boolean; stack?: StackOptions } = {}): KioskSuite {
  const suite = {} as KioskSuite;
  const openPage = async () => {
    suite.context = await suite.browser.newContext({ viewport: { width: 1080, height: 1920 } });
    suite.page = await openKioskPage(suite.context, suite.stack.kioskUrl);
  };
  beforeAll(async () => {
    [suite.stack, suite.browser] = await Promise.all([startTestStack(options.stack), launchChromium()]);
    if (!options.perTest) await openPage();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  if (options.perTest) beforeEach(openPage);
  expectRecordedSpeechAfterEach(() => suite.page);
  if (options.perTest) afterEach(() => suite.context.close());
  return suite;
}
