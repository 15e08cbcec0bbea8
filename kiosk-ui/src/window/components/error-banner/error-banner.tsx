import type { WindowWords } from '../../window-translator';

/** The last failure, in words, until dismissed (Esc) or the next action. */
export function ErrorBanner({ code, words, onDismiss }: { code: string | null; words: WindowWords; onDismiss: () => void }) {
  if (code === null) return null;
  return (
    <div class="wt-error" role="alert" data-testid="error-banner" data-code={code}>
      <span>{words.error(code)}</span>
      <button type="button" class="wt-link" onClick={onDismiss}>
        {words.t('window.error.dismiss')} <kbd class="wt-kbd">Esc</kbd>
      </button>
    </div>
  );
}
