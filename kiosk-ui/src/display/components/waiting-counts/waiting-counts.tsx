import type { CentreView, Locale } from '@eldercare/domain';
import type { Translate } from '../../display-translator';

/** People waiting per category, named in the page's language with the other one small beneath. */
export function WaitingCounts({ categories, waiting, locale, t }: { categories: CentreView['categories']; waiting: Record<string, number>; locale: Locale; t: Translate }) {
  return (
    <section class="waiting-counts" aria-labelledby="waiting-title">
      <div class="waiting-counts-head">
        <h2 id="waiting-title">{t('display.waiting')}</h2>
        {/* Said where people look for their number: this screen never shows who they are. */}
        <p class="display-privacy">{t('display.privacyNote')}</p>
      </div>
      <ul>
        {categories.map((category) => (
          <li key={category.code} data-category={category.code}>
            <span class="waiting-code">{category.code}</span>
            <span class="waiting-name">
              <span class="waiting-name-main">{locale === 'zh-CN' ? category.name.zh : category.name.en}</span>
              <span class="waiting-name-other" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>
                {locale === 'zh-CN' ? category.name.en : category.name.zh}
              </span>
            </span>
            <span class="waiting-count" data-testid={`waiting-${category.code}`}>
              {t('display.waitingCount', { count: waiting[category.code] ?? category.waiting })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
