import type { AgentStatus, TechDiagnostics, TechTestRead } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import type { TechClient } from './tech-client';
import type { Translate } from './use-translate';

const TEST_READ_MS = 10_000;

/** The ID card reader: live state, SAM id and health, and a test read shown masked. */
export function ReaderPanel({ t, status, diagnosis, tech }: {
  t: Translate;
  status: AgentStatus['reader'] | undefined;
  diagnosis: TechDiagnostics['reader']['diagnosis'] | undefined;
  tech: TechClient;
}) {
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<TechTestRead | null>(null);
  const [error, setError] = useState<string | null>(null);

  const testRead = async () => {
    setReading(true);
    setResult(null);
    setError(null);
    try {
      setResult(await tech.testRead(TEST_READ_MS));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setReading(false);
    }
  };

  const samHealthy = status?.samHealthy ?? diagnosis?.samHealthy;
  return (
    <section class="panel" aria-labelledby="reader-title" data-testid="reader-panel">
      <h2 id="reader-title">{t('tech.reader')}</h2>
      {status && (
        <dl>
          <dt>{t('tech.address')}</dt>
          <dd>{status.address}</dd>
          <dt>{t('tech.state')}</dt>
          <dd data-testid="reader-state" data-state={status.state}>{t(`device.state.${status.state}`)}</dd>
          <dt>{t('tech.samId')}</dt>
          <dd data-testid="sam-id">{status.samId ?? diagnosis?.samId ?? t('tech.none')}</dd>
          <dt>SAM</dt>
          <dd>{samHealthy === undefined ? t('tech.none') : t(samHealthy ? 'device.sam.healthy' : 'device.sam.unhealthy')}</dd>
          <dt>{t('tech.lastError')}</dt>
          <dd>{status.lastError ?? diagnosis?.error ?? t('tech.none')}</dd>
        </dl>
      )}
      <button type="button" onClick={() => void testRead()} disabled={reading} data-testid="test-read">
        {t('tech.testRead.run')}
      </button>
      <div aria-live="polite">
        {reading && <p>{t('tech.testRead.waiting')}</p>}
        {error && <p class="error">{error}</p>}
        {result && !result.card && <p class="error">{result.code === 'READER_NO_CARD' ? t('tech.testRead.noCard') : result.code}</p>}
        {result?.card && (
          <div data-testid="test-read-result">
            <h3>{t('tech.testRead.result')}</h3>
            <dl>
              <dt>{t('tech.card.name')}</dt>
              <dd>{result.card.nameMasked}</dd>
              <dt>{t('tech.card.idNumber')}</dt>
              <dd class="mono">{result.card.idNumberMasked}</dd>
              <dt>{t('tech.card.type')}</dt>
              <dd>{result.card.cardType}</dd>
              <dt>{t('tech.card.validTo')}</dt>
              <dd>{result.card.validTo}</dd>
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
