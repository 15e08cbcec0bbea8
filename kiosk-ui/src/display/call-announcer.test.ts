import { spokenCall, type SpokenCall } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createCallAnnouncer } from './call-announcer';

/** A player whose calls end when the test says so. */
function controlledPlayer() {
  const started: string[] = [];
  const endings: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const player = (call: SpokenCall) =>
    new Promise<void>((resolve, reject) => {
      started.push(call.text);
      endings.push({ resolve, reject });
    });
  return { player, started, endings };
}
const flush = () => new Promise<void>((r) => queueMicrotask(r)).then(() => new Promise<void>((r) => queueMicrotask(r)));

describe('createCallAnnouncer', () => {
  it('says calls one at a time, in order, each whole', async () => {
    const { player, started, endings } = controlledPlayer();
    const announcer = createCallAnnouncer(player);
    const heard: Array<string | null> = [];
    announcer.onSpeaking((call) => heard.push(call?.text ?? null));
    announcer.announce(spokenCall('A001', 1));
    announcer.announce(spokenCall('B001', 2));
    announcer.announce(spokenCall('A001', 1)); // a recall is said again
    expect(started).toEqual(['请A001号到1号窗口办理']);
    expect(announcer.pending).toBe(2);
    endings[0]!.resolve();
    await flush();
    expect(started).toEqual(['请A001号到1号窗口办理', '请B001号到2号窗口办理']);
    endings[1]!.resolve();
    await flush();
    endings[2]!.resolve();
    await flush();
    expect(started).toHaveLength(3);
    expect(heard).toEqual([null, '请A001号到1号窗口办理', '请B001号到2号窗口办理', '请A001号到1号窗口办理', null]);
  });

  it('goes on with the next call when one fails to play', async () => {
    const { player, started, endings } = controlledPlayer();
    const errors: unknown[] = [];
    const announcer = createCallAnnouncer(player, (e) => errors.push(e));
    announcer.announce(spokenCall('A001', 1));
    announcer.announce(spokenCall('A002', 1));
    endings[0]!.reject(new Error('no clip'));
    await flush();
    expect(errors).toHaveLength(1);
    expect(started).toHaveLength(2);
  });

  it('starts again after being quiet', async () => {
    const { player, started, endings } = controlledPlayer();
    const announcer = createCallAnnouncer(player);
    announcer.announce(spokenCall('A001', 1));
    endings[0]!.resolve();
    await flush();
    announcer.announce(spokenCall('A002', 4));
    expect(started).toEqual(['请A001号到1号窗口办理', '请A002号到4号窗口办理']);
  });
});
