import { translate } from '@eldercare/domain';
import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';
import { SPOKEN_PROMPTS, type PromptId } from './spoken-prompts';

/**
 * Speaks a screen's prompt when the screen appears (and again if the language changes).
 * `extra` is read after the prompt by a system voice only (names, reasons, numbers).
 */
export function useSpokenPrompt(id: PromptId, extra?: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    const text = [...SPOKEN_PROMPTS[id].map((key) => translate(locale, key)), extra ?? ''].join(' ').trim();
    speaker.say({ clip: id, text }, locale);
  }, [id, locale]);
}
