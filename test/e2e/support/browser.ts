import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { SPOKEN_PROMPTS, type PromptId } from '../../../kiosk-ui/src/kiosk/spoken-prompts';
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
  // Record the spoken prompts: the headless browser has no Chinese voice, so clips play. Each
  // "ends" at once, so that a sentence of several clips plays through.
  await page.addInitScript(() => {
    const played: string[] = [];
    (window as unknown as { __playedClips: string[] }).__playedClips = played;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      played.push(this.src);
      setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
      return Promise.resolve();
    };
  });
  // Words a screen speaks that have no recording: silent on a kiosk without a system voice.
  const unrecorded: string[] = [];
  UNRECORDED.set(page, unrecorded);
  page.on('console', (message) => {
    if (message.text().startsWith('[speech]')) unrecorded.push(message.text());
  });
  await page.goto(kioskUrl + query);
  await page.waitForSelector('[data-screen=attract]');
  return page;
}

const UNRECORDED = new WeakMap<Page, string[]>();

/** The '[speech] no recording of …' warnings the page gave since the last call (and forgets them). */
export function takeUnrecordedSpeech(page: Page): string[] {
  const list = UNRECORDED.get(page) ?? [];
  return list.splice(0, list.length);
}

/**
 * After each test: the screens the kiosk page passed through spoke only recorded words (a kiosk
 * without a system voice would be silent on the others; kiosk-ui/src/kiosk/spoken-keys.ts).
 */
export function expectRecordedSpeechAfterEach(page: () => Page | undefined): void {
  afterEach(() => {
    const current = page();
    if (current) expect(takeUnrecordedSpeech(current), 'words spoken without a recording').toEqual([]);
  });
}

/** The clips a first-flow prompt plays without a system voice: one per key, in order. */
export function promptClips(locale: 'zh-CN' | 'en', id: PromptId): string[] {
  return SPOKEN_PROMPTS[id].map((key) => `/audio/${locale}/keys/${key}.opus`);
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
