import { localized, type CentreView } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';

/** The counters of the staff member's centre, one big button each. */
export function CounterPicker(props: { words: WindowWords; centre: CentreView | null; failed: boolean; onChoose: (n: number) => void; onRetry: () => void }) {
  const { t, locale } = props.words;
  if (props.centre === null || props.failed) {
    return (
      <section class="wt-picker">
        {props.failed ? (
          <button type="button" class="wt-button" data-testid="picker-retry" onClick={props.onRetry}>
            {t('window.picker.retry')}
          </button>
        ) : (
          <p>{t('window.picker.loading')}</p>
        )}
      </section>
    );
  }
  const categoryName = (code: string) => {
    const category = props.centre?.categories.find((c) => c.code === code);
    return category ? `${code} ${localized(locale, category.name)}` : code;
  };
  return (
    <section class="wt-picker" aria-labelledby="wt-picker-heading">
      <h2 id="wt-picker-heading">{t('window.picker.heading')}</h2>
      <p class="wt-muted">{localized(locale, props.centre.name)}</p>
      <ul class="wt-picker__list">
        {props.centre.counters.map((counter) => (
          <li key={counter.number}>
            <button type="button" class="wt-picker__counter" data-testid={`counter-option-${counter.number}`} onClick={() => props.onChoose(counter.number)}>
              <strong>
                {t('window.picker.counter', { number: counter.number })} {counter.number <= 9 && <kbd class="wt-kbd">{counter.number}</kbd>}
              </strong>
              <span>{t('window.picker.serves', { categories: counter.categories.map(categoryName).join('、') })}</span>
              <span class={counter.open ? 'wt-state wt-state--open' : 'wt-state wt-state--closed'}>
                {counter.open ? t('window.picker.isOpen') : t('window.picker.isClosed')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
