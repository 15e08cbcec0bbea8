import { useEffect, useState } from 'preact/hooks';
import type { WindowHelpRequests } from '@eldercare/domain';
import { isMessageKey } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';
import { helpAge } from './help-age';

/** The ages move on by the minute; a tick every 20 s keeps them at most that late. */
const AGE_TICK_MS = 20_000;

export interface HelpBannerProps {
  requests: WindowHelpRequests['requests'];
  words: WindowWords;
  onResolve: (id: number) => void;
  /** The request being closed now. */
  resolving: number | null;
  /** The code of a failed 已处理. */
  failure: string | null;
  /** The clock the ages are counted on (tests pass their own). */
  now?: () => number;
}

/**
 * Kiosks asking for staff (呼叫工作人员) or reporting a printer fault, oldest first: which kiosk,
 * why, how long ago, and 已处理 (a plain button, reached with Tab) once someone has gone over.
 */
export function HelpBanner({ requests, words, onResolve, resolving, failure, now = Date.now }: HelpBannerProps) {
  const { t } = words;
  const [time, setTime] = useState(now);
  const open = requests.length > 0;
  useEffect(() => {
    if (!open) return;
    setTime(now());
    const timer = setInterval(() => setTime(now()), AGE_TICK_MS);
    return () => clearInterval(timer);
  }, [open, now]);
  if (!open && failure === null) return null;
  const detail = (code: string | null) => {
    if (code === null) return '';
    const key = `window.help.detail.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return (
    <section class="wt-help" data-testid="help-banner" aria-labelledby="wt-help-heading">
      <h2 id="wt-help-heading">{t('window.help.heading')}</h2>
      {/* A new request is announced; the ages ticking on are not. */}
      <ul role="log" aria-relevant="additions">
        {requests.map((r) => {
          const age = helpAge(r.requestedAt, time);
          return (
            <li key={r.id} class="wt-help__item" data-testid="help-request" data-id={r.id} data-reason={r.reason} data-detail={r.detail ?? ''}>
              <span class="wt-help__what">
                {r.reason === 'printer-fault'
                  ? t('window.help.printerFault', { kioskId: r.kioskId, detail: detail(r.detail) })
                  : t('window.help.assistance', { kioskId: r.kioskId })}
              </span>
              {r.centreId === null && <span class="wt-help__tag">{t('window.help.noCentre')}</span>}
              <span class="wt-help__since" data-testid="help-age">
                {t(age.key, age.params)} · <time dateTime={r.requestedAt}>{t('window.help.since', { time: words.time(r.requestedAt) })}</time>
              </span>
              <button
                type="button"
                class="wt-button wt-help__resolve"
                data-testid="help-resolve"
                aria-label={t('window.help.resolveLabel', { kioskId: r.kioskId })}
                disabled={resolving === r.id}
                onClick={() => onResolve(r.id)}
              >
                {t('window.help.resolve')}
              </button>
            </li>
          );
        })}
      </ul>
      {failure !== null && (
        <p class="wt-help__failure" role="alert" data-testid="help-failure">
          {t('window.help.resolveFailed', { reason: words.error(failure) })}
        </p>
      )}
    </section>
  );
}
