import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSpeaker } from './speaker';

/** A browser's Audio as far as the speaker uses it: play, pause, the 'ended' event. */
class FakeAudio extends EventTarget {
  static made: FakeAudio[] = [];
  paused = true;
  constructor(readonly src: string) {
    super();
    FakeAudio.made.push(this);
  }
  play() {
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
  end() {
    this.dispatchEvent(new Event('ended'));
  }
}

const played = () => FakeAudio.made.map((a) => a.src);

describe('speaker without a system voice', () => {
  beforeEach(() => {
    FakeAudio.made = [];
    vi.stubGlobal('Audio', FakeAudio);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('plays a prompt’s clip', () => {
    createSpeaker({ clips: new Set(['keys/kiosk.menu.heading']) }).say({ clip: 'keys/kiosk.menu.heading', text: '请选择' }, 'zh-CN');
    expect(played()).toEqual(['/audio/zh-CN/keys/kiosk.menu.heading.opus']);
  });

  it('plays several clips one after another, each when the last has ended', () => {
    createSpeaker({ clips: new Set(['keys/a', 'keys/b']) }).say({ clip: ['keys/a', 'keys/b'], text: 'A B' }, 'en');
    expect(played()).toEqual(['/audio/en/keys/a.opus']);
    FakeAudio.made[0]!.end();
    expect(played()).toEqual(['/audio/en/keys/a.opus', '/audio/en/keys/b.opus']);
  });

  it('a new screen stops the sentence being played: the rest of it is not heard', () => {
    const speaker = createSpeaker({ clips: new Set(['keys/a', 'keys/b', 'keys/c']) });
    speaker.say({ clip: ['keys/a', 'keys/b'], text: 'A B' }, 'zh-CN');
    const first = FakeAudio.made[0]!;
    speaker.say({ clip: ['keys/c'], text: 'C' }, 'zh-CN');
    expect(first.paused).toBe(true);
    first.end();
    expect(played()).toEqual(['/audio/zh-CN/keys/a.opus', '/audio/zh-CN/keys/c.opus']);
  });

  it('says in the console which words have no recording, and plays the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createSpeaker({ clips: new Set(['keys/b']) }).say({ clip: ['keys/a', 'keys/b'], text: 'A B' }, 'zh-CN');
    expect(warn).toHaveBeenCalledWith('[speech] no recording of keys/a');
    expect(played()).toEqual(['/audio/zh-CN/keys/b.opus']);
  });
});

describe('speaker with a system voice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the whole text, names and numbers included, and plays no clip', () => {
    const spoken: { text: string; lang: string; rate: number }[] = [];
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    }
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    vi.stubGlobal('speechSynthesis', {
      getVoices: () => [{ lang: 'en-US' }, { lang: 'zh-CN' }],
      speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang, rate: u.rate }),
      cancel: () => undefined,
    });
    const audio = vi.fn();
    vi.stubGlobal('Audio', audio);
    createSpeaker({ clips: new Set(['keys/a']) }).say({ clip: ['keys/a'], text: '办理进度 张**' }, 'zh-CN');
    expect(spoken).toEqual([{ text: '办理进度 张**', lang: 'zh-CN', rate: 0.85 }]);
    expect(audio).not.toHaveBeenCalled();
  });
});
