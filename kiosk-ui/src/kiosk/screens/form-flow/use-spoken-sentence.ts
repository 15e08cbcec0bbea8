import { useEffect } from 'preact/hooks';
import { useKiosk } from '../../kiosk-context';

/**
 * Speaks a form step's sentence when the step appears. These prompts have no recorded clip
 * (spoken-prompts.ts holds the recorded ones), so only a system voice reads them.
 */
export function useSpokenSentence(screen: string, text: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say({ clip: `form-${screen}`, text }, locale);
  }, [screen, text, locale]);
}
