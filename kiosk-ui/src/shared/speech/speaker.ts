import type { Locale } from '@eldercare/domain';

/**
 * Speaks each screen's prompt. A zh-CN (or en) system voice is used when the browser has one;
 * otherwise clips prepared offline with espeak-ng (kiosk-ui/scripts/make-audio-clips.ts) are
 * played, one after another. Only one prompt plays at a time: a new screen interrupts the last one.
 */
export interface Speaker {
  /**
   * `text` is what a system voice reads (it may hold names or numbers); `clip` names the
   * prepared recording of the same prompt without them, or several played in order.
   */
  say(prompt: { clip: string | readonly string[]; text: string }, locale: Locale): void;
  stop(): void;
}

/** Slower than normal speech: easier to follow for older listeners. */
const RATE = 0.85;

function findVoice(locale: Locale): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const voices = speechSynthesis.getVoices();
  const wanted = locale === 'zh-CN' ? /^zh[-_](CN|Hans)/i : /^en/i;
  return voices.find((v) => wanted.test(v.lang));
}

export function createSpeaker(options: { clipBase?: string; clips: ReadonlySet<string> }): Speaker {
  const clipBase = options.clipBase ?? '/audio';
  let audio: HTMLAudioElement | null = null;

  const stop = () => {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    if (audio) {
      audio.pause();
      audio = null;
    }
  };

  /** Plays the clips in order; a later say() (or stop) ends the sequence. */
  const play = (sources: readonly string[]) => {
    const [first, ...rest] = sources;
    if (first === undefined) return;
    const current = new Audio(first);
    audio = current;
    current.addEventListener('ended', () => {
      if (audio === current) play(rest);
    });
    // Autoplay may be refused until the first tap unless the kiosk browser allows it
    // (--autoplay-policy=no-user-gesture-required, see README).
    current.play().catch(() => undefined);
  };

  return {
    say({ clip, text }, locale) {
      stop();
      const voice = findVoice(locale);
      if (voice) {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = RATE;
        speechSynthesis.speak(utterance);
        return;
      }
      const clips = typeof clip === 'string' ? [clip] : clip;
      const missing = clips.filter((c) => !options.clips.has(c));
      // A screen that would be silent here is a bug: the console (and the browser tests) say so.
      if (missing.length > 0) console.warn(`[speech] no recording of ${missing.join(', ')}`);
      play(clips.filter((c) => options.clips.has(c)).map((c) => `${clipBase}/${locale}/${c}.opus`));
    },
    stop,
  };
}
