import { useEffect } from 'preact/hooks';
import { useKiosk } from '../../kiosk-context';

/**
 * Speaks a screen's sentence when the screen appears (and again when it or the language
 * changes). New prompts have no recorded clip (spoken-prompts.ts lists those of the first
 * flows): `clip` names none the speaker knows, so only a system voice reads them.
 */
export function useSpokenSentence(screen: string, sentence: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say({ clip: `joint-${screen}`, text: sentence }, locale);
  }, [screen, sentence, locale]);
}
