import type { SpokenCall } from '@eldercare/domain';
import type { CallPlayer } from './call-announcer';

/** A Mandarin system voice, when the display PC has one (Chinese Windows does). */
export function findMandarinVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((voice) => /^zh[-_](CN|Hans)/i.test(voice.lang)) ?? null;
}

/**
 * Says a call with the system voice, slowly (the call's rate), twice with its pause. The speech
 * text spells the digits out, so the voice says 零 一 二, never 十二.
 */
export function createVoicePlayer(voice: SpeechSynthesisVoice, setTimer: (fn: () => void, ms: number) => unknown = setTimeout): CallPlayer {
  const sayOnce = (call: SpokenCall) =>
    new Promise<void>((resolve, reject) => {
      const utterance = new SpeechSynthesisUtterance(call.speech);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = call.rate;
      utterance.onend = () => resolve();
      utterance.onerror = (event) => reject(new Error(`speech: ${event.error}`));
      speechSynthesis.speak(utterance);
    });
  return async (call) => {
    for (let saying = 0; saying < call.repetitions; saying++) {
      if (saying > 0) await new Promise<void>((resolve) => setTimer(resolve, call.pauseMs));
      await sayOnce(call);
    }
  };
}
