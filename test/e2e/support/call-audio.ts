import type { Page } from 'playwright-core';

/** One clip started by the display's Web Audio player: its URL path and when it was scheduled. */
export interface ScheduledClip {
  path: string;
  /** AudioContext time the clip starts at, and its length (s). */
  when: number;
  duration: number;
}

/**
 * Records what the call display really plays: fetched clip bytes are followed through
 * decodeAudioData to the AudioBuffer each AudioBufferSourceNode.start() plays, so the test sees
 * clip URLs and the schedule without touching the player. Install before the page loads.
 */
export async function recordCallAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const byBytes = new WeakMap<ArrayBuffer, string>();
    const byBuffer = new WeakMap<AudioBuffer, string>();
    const scheduled: Array<{ path: string; when: number; duration: number }> = [];
    (window as unknown as { __scheduledClips: typeof scheduled }).__scheduledClips = scheduled;
    const arrayBuffer = Response.prototype.arrayBuffer;
    Response.prototype.arrayBuffer = async function (this: Response) {
      const bytes = await arrayBuffer.call(this);
      byBytes.set(bytes, new URL(this.url).pathname);
      return bytes;
    };
    const decode = BaseAudioContext.prototype.decodeAudioData;
    BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, bytes: ArrayBuffer) {
      const path = byBytes.get(bytes);
      return decode.call(this, bytes).then((buffer) => {
        if (path) byBuffer.set(buffer, path);
        return buffer;
      });
    } as typeof decode;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) {
      const buffer = this.buffer;
      scheduled.push({ path: (buffer && byBuffer.get(buffer)) ?? '?', when: when ?? 0, duration: buffer?.duration ?? 0 });
      return start.call(this, when, offset, duration);
    };
  });
}

export async function scheduledClips(page: Page): Promise<ScheduledClip[]> {
  return page.evaluate(() => (window as unknown as { __scheduledClips: ScheduledClip[] }).__scheduledClips.slice());
}

/** Splits a recording into sayings (each starts with 请), as clip ids. */
export function sayings(clips: ScheduledClip[]): string[][] {
  const out: string[][] = [];
  for (const clip of clips) {
    const id = clip.path.replace(/^\/audio\/calls\/|\.opus$/g, '');
    if (id === 'qing' || out.length === 0) out.push([]);
    out[out.length - 1]!.push(id);
  }
  return out;
}
