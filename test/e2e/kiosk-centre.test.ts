import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, onScreen, openKioskPage, tap } from './support/browser';
import { placeCard, removeCard, startTestStack } from './support/stack-fixture';
import { hasChromium } from './support/tool-check';

/**
 * A kiosk says its centre (?centre=) when it identifies a card: the identify token, and so every
 * application made with it, belongs to that centre. One kiosk page at a time: they share the reader.
 */
describe.skipIf(!hasChromium)('kiosk: the centre travels with the identification', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function centreOfIdentification(query: string, person: string): Promise<string | null> {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    try {
      const page = await openKioskPage(context, stack.kioskUrl, query);
      await placeCard(stack, person);
      await onScreen(page, 'menu');
      const [token] = await stack.server.db.query<{ centre_id: string | null }>('SELECT centre_id FROM identify_tokens ORDER BY created_at DESC LIMIT 1');
      await tap(page, 'end-session');
      await onScreen(page, 'goodbye');
      await removeCard(stack);
      return token!.centre_id;
    } finally {
      await context.close();
    }
  }

  it('a kiosk of the demo centre identifies for it; one without ?centre=, or with an unknown one, for none', async () => {
    await expect(centreOfIdentification('?centre=xuhui-tianping', 'li-xiuying')).resolves.toBe('xuhui-tianping');
    await expect(centreOfIdentification('?centre=nowhere', 'wang-jianguo')).resolves.toBeNull();
    await expect(centreOfIdentification('', 'zhang-guihua')).resolves.toBeNull();
  });
});
