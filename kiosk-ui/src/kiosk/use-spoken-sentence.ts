import { translate, type Locale, type MessageKey } from '@eldercare/domain';
import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';
import { keyClip } from './spoken-keys';

/**
 * A part of a spoken sentence: a message key without parameters (recorded, spoken-keys.ts), or
 * words from data with the clip that says them (a service name), or words only a system voice
 * can read (names, dates, counts).
 */
export type SpokenPart = MessageKey | { text: string; clip?: string };

/** What the speaker is given for these parts: the words a system voice reads, the clips otherwise. */
export function spokenSentence(locale: Locale, parts: readonly SpokenPart[]): { text: string; clip: string[] } {
  return {
    text: parts
      .map((part) => (typeof part === 'string' ? translate(locale, part) : part.text))
      .filter(Boolean)
      .join(' '),
    clip: parts.flatMap((part) => (typeof part === 'string' ? [keyClip(part)] : part.clip ? [part.clip] : [])),
  };
}

/**
 * Speaks a screen's sentence when the screen appears, and again when the words or the language
 * change. A system voice reads every part; without one, the keys' recordings play in order.
 * `screen` names the screen, so that a new screen with the same words is spoken again.
 */
export function useSpokenSentence(screen: string, parts: readonly SpokenPart[]): void {
  const { locale, speaker } = useKiosk();
  const sentence = spokenSentence(locale, parts);
  useEffect(() => {
    speaker.say(sentence, locale);
  }, [screen, sentence.text, locale]);
}
