import { translate, type MessageKey } from '@eldercare/domain';
import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';
import { keyClip } from './spoken-keys';

/**
 * A part of a spoken sentence: a message key without parameters (recorded, spoken-keys.ts), or
 * words from data with the clip that says them (a service name), or words only a system voice
 * can read (names, dates, counts).
 */
export type SpokenPart = MessageKey | { text: string; clip?: string };

/**
 * Speaks a screen's sentence when the screen appears, and again when the words or the language
 * change. A system voice reads every part; without one, the keys' recordings play in order.
 * `screen` names the screen, so that a new screen with the same words is spoken again.
 */
export function useSpokenSentence(screen: string, parts: readonly SpokenPart[]): void {
  const { locale, speaker } = useKiosk();
  const text = parts
    .map((part) => (typeof part === 'string' ? translate(locale, part) : part.text))
    .filter(Boolean)
    .join(' ');
  const clips = parts.flatMap((part) => (typeof part === 'string' ? [keyClip(part)] : part.clip ? [part.clip] : []));
  useEffect(() => {
    speaker.say({ clip: clips, text }, locale);
  }, [screen, text, locale]);
}
