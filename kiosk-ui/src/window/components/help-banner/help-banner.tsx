import type { WindowHelpRequests } from '@eldercare/domain';
import { isMessageKey } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';

/** Kiosks asking for staff (呼叫工作人员) or reporting a printer fault, oldest first. */
export function HelpBanner({ requests, words }: { requests: WindowHelpRequests['requests']; words: WindowWords }) {
  const { t } = words;
  if (requests.length === 0) return null;
  const detail = (code: string | null) => {
    if (code === null) return '';
    const key = `window.help.detail.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return (
    <section class="wt-help" role="status" data-testid="help-banner" aria-labelledby="wt-help-heading">
      <h2 id="wt-help-heading">{t('window.help.heading')}</h2>
      <ul>
        {requests.map((r) => (
          <li key={r.id} data-testid="help-request" data-reason={r.reason} data-detail={r.detail ?? ''}>
            {r.reason === 'printer-fault'
              ? t('window.help.printerFault', { kioskId: r.kioskId, detail: detail(r.detail) })
              : t('window.help.assistance', { kioskId: r.kioskId })}{' '}
            <span class="wt-help__since">{t('window.help.since', { time: words.time(r.requestedAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
