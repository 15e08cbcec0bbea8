import { translate } from '@eldercare/domain';
import { useEffect } from 'preact/hooks';
import { useKiosk } from './kiosk-context';
import { keyClip } from './spoken-keys';
import { SPOKEN_PROMPTS, type PromptId } from './spoken-prompts';

/**
 * Speaks a screen's prompt when the screen appears (and again if the language changes), not
 * when `extra` changes (a live count must not repeat the prompt). Without a system voice the
 * prompt's keys are played from their recordings (spoken-keys.ts); `extra` is read after the
 * prompt by a system voice only (names, reasons, numbers).
 */
export function useSpokenPrompt(id: PromptId, extra?: string): void {
  const { locale, speaker } = useKiosk();
  useEffect(() => {
    const keys = SPOKEN_PROMPTS[id];
    const text = [...keys.map((key) => translate(locale, key)), extra ?? ''].join(' ').trim();
    speaker.say({ clip: keys.map(keyClip), text }, locale);
  }, [id, locale]);
}
