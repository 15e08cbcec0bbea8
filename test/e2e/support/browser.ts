import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './tool-check';

/** Debian's Chromium, headless; never a downloaded browser. `extraArgs`: e.g. an autoplay policy. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}

/** A portrait kiosk screen (1080 × 1920, the common 立式 self-service terminal). */
export async function openKioskPage(context: BrowserContext, kioskUrl: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  // Record the spoken prompts: the headless browser has no Chinese voice, so clips play.
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { __playedClips: string[] }).__playedClips = played;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(this.src);
      return Promise.resolve();
    };
  });
  await page.goto(kioskUrl + query);
  await page.waitForSelector('[data-screen=attract]');
  return page;
}

export async function playedClips(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __playedClips: string[] }).__playedClips.map((src) => new URL(src).pathname));
}

export async function onScreen(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`[data-screen="${name}"]`, { timeout });
}

export async function tap(page: Page, testId: string): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
}
