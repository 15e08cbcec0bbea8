import { useEffect, useRef } from 'preact/hooks';
import type { CounterView, TransferRequest } from '@eldercare/domain';
import { categoryLabel } from '../../category-label';
import type { WindowWords } from '../../window-translator';

/** Which targets a ticket can go to from this counter: other lines, other open counters. */
export function transferTargets(view: CounterView): { categories: string[]; counters: number[] } {
  const currentCategory = view.current?.category;
  return {
    categories: view.categoryNames.map((c) => c.code).filter((code) => code !== currentCategory),
    counters: view.counters.filter((c) => c.number !== view.number && c.state !== 'closed').map((c) => c.number),
  };
}

/**
 * The transfer dialog: back in another category's line (keeping its place) or to one counter
 * (called there next). Letters and digits choose from the keyboard; Esc cancels.
 */
export function TransferDialog(props: { view: CounterView; words: WindowWords; busy: boolean; onSubmit: (r: TransferRequest) => void; onCancel: () => void }) {
  const { t } = props.words;
  const { view } = props;
  // Focus goes to the dialog itself, not to an option: a stray Enter must not transfer.
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const targets = transferTargets(view);
  return (
    <div class="wt-dialog-backdrop">
      <div ref={dialog} tabIndex={-1} class="wt-dialog" role="dialog" aria-modal="true" aria-labelledby="wt-transfer-heading" data-testid="transfer-dialog">
        <h2 id="wt-transfer-heading">{t('window.transfer.heading', { ticketNo: view.current?.ticketNo ?? '' })}</h2>
        <p class="wt-muted">{t('window.transfer.keys')}</p>
        <h3>{t('window.transfer.toCategory')}</h3>
        <div class="wt-dialog__options">
          {targets.categories.map((code) => (
            <button
              key={code}
              type="button"
              class="wt-button"
              data-testid={`transfer-category-${code}`}
              disabled={props.busy}
              onClick={() => props.onSubmit({ toCategory: code })}
            >
              <span class="wt-button__label">{categoryLabel(view, code, props.words)}</span>
              <kbd class="wt-kbd">{code}</kbd>
            </button>
          ))}
        </div>
        <h3>{t('window.transfer.toCounter')}</h3>
        <div class="wt-dialog__options">
          {view.counters
            .filter((c) => c.number !== view.number)
            .map((c) => (
              <button
                key={c.number}
                type="button"
                class="wt-button"
                data-testid={`transfer-counter-${c.number}`}
                disabled={props.busy || !targets.counters.includes(c.number)}
                onClick={() => props.onSubmit({ toCounter: c.number })}
              >
                <span class="wt-button__label">
                  {t('window.transfer.counterOption', { number: c.number })}
                  {c.state === 'closed' && ` · ${t('window.counter.state.closed')}`}
                </span>
                {c.number <= 9 && <kbd class="wt-kbd">{c.number}</kbd>}
              </button>
            ))}
        </div>
        <div class="wt-dialog__foot">
          <button type="button" class="wt-button" data-testid="transfer-cancel" onClick={props.onCancel}>
            <span class="wt-button__label">{t('window.transfer.cancel')}</span>
            <kbd class="wt-kbd">Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
