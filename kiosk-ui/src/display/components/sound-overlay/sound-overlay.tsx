import type { Translate } from '../../display-translator';

/**
 * Shown only when the browser blocks audio until a tap (a display PC should run Chromium with
 * --autoplay-policy=no-user-gesture-required, see README): one tap anywhere turns sound on.
 */
export function SoundOverlay({ onEnable, t }: { onEnable: () => void; t: Translate }) {
  return (
    <div class="sound-overlay" role="dialog" aria-modal="true" aria-labelledby="sound-overlay-button" onClick={onEnable}>
      <button id="sound-overlay-button" type="button" class="sound-overlay-button" data-testid="enable-sound" onClick={onEnable}>
        {t('display.enableSound')}
      </button>
      <p class="sound-overlay-hint">{t('display.enableSoundHint')}</p>
    </div>
  );
}
