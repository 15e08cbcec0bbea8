import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';

/**
 * Speaks a screen's sentence when the screen appears (and again when the sentence or the
 * language changes), with the system voice only. The recorded clips cover the first flows'
 * prompts (use-spoken-prompt.ts, spoken-prompts.ts); the `voice-only:` clip name is none the
 * speaker knows, so it never fetches a recording for these. `screen` names the screen.
 */
export function useSpokenSentence(screen: string, sentence: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say({ clip: `voice-only:${screen}`, text: sentence }, locale);
  }, [screen, sentence, locale]);
}
