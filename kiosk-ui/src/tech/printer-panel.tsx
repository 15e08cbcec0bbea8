import type { MessageKey, PrinterRole, PrinterStatus, PrintResult, TechPrinter } from '@eldercare/domain';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { TechClient } from './tech-client';
import type { Translate } from './use-translate';

const COUNTER_LABELS: Record<keyof TechPrinter['counters'], MessageKey> = {
  jobsPrinted: 'tech.counter.jobsPrinted',
  bytesPrinted: 'tech.counter.bytesPrinted',
  paperOuts: 'tech.counter.paperOuts',
  interrupted: 'tech.counter.interrupted',
};

/** One printer: live state, queue, a test page, counters, recent errors and the last printout. */
export function PrinterPanel({ t, role, status, diagnostics, tech, onPrinted }: {
  t: Translate;
  role: PrinterRole;
  status: PrinterStatus | undefined;
  diagnostics: TechPrinter | undefined;
  tech: TechClient;
  onPrinted: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PrintResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const testPrint = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await tech.testPrint(role));
      await onPrinted();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const title = t(`printer.role.${role}`);
  return (
    <section class="panel" aria-labelledby={`printer-${role}-title`} data-testid={`printer-${role}`}>
      <h2 id={`printer-${role}-title`}>{title}</h2>
      {status && (
        <dl>
          <dt>{t('tech.address')}</dt>
          <dd>{status.address}</dd>
          <dt>{t('tech.state')}</dt>
          <dd data-testid={`printer-${role}-state`} data-state={status.state}>{t(`device.state.${status.state}`)}</dd>
          <dt>{t('tech.queued')}</dt>
          <dd>{status.queued}{status.held ? ` · ${t('tech.held')}` : ''}</dd>
          <dt>{t('tech.lastError')}</dt>
          <dd>{status.lastError ?? t('tech.none')}</dd>
        </dl>
      )}
      <button type="button" onClick={() => void testPrint()} disabled={busy} data-testid={`test-print-${role}`}>
        {t('tech.testPrint')}
      </button>
      <div aria-live="polite">
        {error && <p class="error">{error}</p>}
        {result && (
          <p class={result.state === 'failed' ? 'error' : ''} data-testid={`test-print-${role}-result`} data-state={result.state}>
            {result.state === 'printed' ? t('tech.testPrint.done') : t('tech.testPrint.failed', { code: result.code ?? result.state })}
          </p>
        )}
      </div>
      {diagnostics && (
        <>
          <h3>{t('tech.counters')}</h3>
          <dl class="counters">
            {Object.entries(diagnostics.counters).map(([name, value]) => (
              <Fragment key={name}>
                <dt>{t(COUNTER_LABELS[name as keyof typeof COUNTER_LABELS])}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
          <h3>{t('tech.lastErrors')}</h3>
          {diagnostics.lastErrors.length === 0 ? (
            <p>{t('tech.none')}</p>
          ) : (
            <ul>
              {diagnostics.lastErrors.map((e) => (
                <li key={e.at + e.code}>
                  <time>{new Date(e.at).toLocaleString()}</time> {e.code}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('tech.lastPrint')}</h3>
          {diagnostics.lastPrint ? (
            <div class="print" data-testid={`printer-${role}-preview`} data-job={diagnostics.lastPrint.jobId}>
              <div class="meta">
                {diagnostics.lastPrint.jobId} · {new Date(diagnostics.lastPrint.printedAt).toLocaleTimeString()} · {diagnostics.lastPrint.byteLength} B
              </div>
              {/* The agent renders the preview from the printed bytes and escapes all text. */}
              <div dangerouslySetInnerHTML={{ __html: diagnostics.lastPrint.previewHtml }} />
            </div>
          ) : (
            <p>{t('tech.noPrint')}</p>
          )}
        </>
      )}
    </section>
  );
}
