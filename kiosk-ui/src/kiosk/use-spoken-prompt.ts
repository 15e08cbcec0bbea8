import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';
import { SPOKEN_PROMPTS, type PromptId } from './spoken-prompts';
import { spokenSentence } from './use-spoken-sentence';

/**
 * Speaks a screen's prompt when the screen appears (and again if the language changes), not
 * when `extra` changes (a live count must not repeat the prompt). Without a system voice the
 * prompt's keys are played from their recordings (spoken-keys.ts); `extra` is read after the
 * prompt by a system voice only (names, reasons, numbers).
 */
export function useSpokenPrompt(id: PromptId, extra?: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    speaker.say(spokenSentence(locale, [...SPOKEN_PROMPTS[id], { text: extra ?? '' }]), locale);
  }, [id, locale]);
}
