import { useEffect } from 'preact/hooks';
import { useKiosk } from '../../kiosk-context';

/**
 * Speaks a new screen's sentence with the system voice. The prepared clips cover the older
 * prompts only (spoken-prompts.ts); `voiceOnly` names no clip, so the speaker never fetches one.
 */
export function useSpokenSentence(voiceOnly: string, text: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say({ clip: `voice-only:${voiceOnly}`, text }, locale);
  }, [voiceOnly, text, locale]);
}
