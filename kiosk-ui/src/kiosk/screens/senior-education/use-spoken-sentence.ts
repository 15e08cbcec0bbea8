import { useEffect } from 'preact/hooks';
import { useKiosk } from '../../kiosk-context';

/**
 * Speaks a screen's sentence when it appears (and when the language changes). These prompts
 * have no recorded clip, so only a system voice reads them (use-spoken-prompt.ts has the
 * recorded ones).
 */
export function useSpokenSentence(screen: string, text: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say({ clip: `flow-${screen}`, text }, locale);
  }, [screen, text, locale]);
}
