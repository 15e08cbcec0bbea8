import type { AgentStatus, Locale, TechDiagnostics } from '@eldercare/domain';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentClient } from '../shared/agent/agent-client';
import { ConfigEditor } from './config-editor';
import { PrinterPanel } from './printer-panel';
import { ReaderPanel } from './reader-panel';
import type { TechClient } from './tech-client';
import { translator } from './use-translate';

/**
 * The technician page: live device status (agent WebSocket), SAM, test read, test print per
 * printer with the rendered last printout, counters and errors, and the agent's config file.
 */
export function TechPage({ agent, tech, initialLocale }: { agent: AgentClient | null; tech: TechClient | null; initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = translator(locale);
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [connected, setConnected] = useState(true);
  const [diagnostics, setDiagnostics] = useState<TechDiagnostics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('tech.title');
  }, [locale]);

  const refresh = useCallback(async () => {
    if (!tech) return;
    try {
      const next = await tech.diagnostics();
      setDiagnostics(next);
      setStatus(next.status);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [tech]);

  useEffect(() => {
    if (!agent) return;
    const offEvent = agent.onEvent((event) => {
      if (event.type === 'device.status') setStatus(event.status);
      // A finished print changes counters and the preview.
      if (event.type === 'print.done' || event.type === 'print.held') void refresh();
    });
    const offConnection = agent.onConnection((up) => {
      setConnected(up);
      if (up) void refresh();
    });
    agent.connect();
    void refresh();
    return () => {
      offEvent();
      offConnection();
      agent.close();
    };
  }, [agent, refresh]);

  if (!agent || !tech) return <p class="error" role="alert">{t('tech.notPaired')}</p>;

  return (
    <main class="tech">
      <header>
        <h1>{t('tech.title')}</h1>
        <button type="button" class="secondary" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('tech.language')}
        </button>
      </header>
      {!connected && <p class="error" role="status">{t('tech.agentOffline')}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {status?.simulated && <p class="note">{t('tech.simulated')}</p>}
      <div class="grid">
        <ReaderPanel t={t} status={status?.reader} diagnosis={diagnostics?.reader.diagnosis} tech={tech} />
        {status?.scanner && (
          <section class="panel" aria-labelledby="scanner-title">
            <h2 id="scanner-title">{t('tech.scanner')}</h2>
            <dl>
              <dt>{t('tech.address')}</dt>
              <dd>{status.scanner.address}</dd>
              <dt>{t('tech.state')}</dt>
              <dd data-testid="scanner-state">{t(`device.state.${status.scanner.state}`)}</dd>
              <dt>{t('tech.lastError')}</dt>
              <dd>{status.scanner.lastError ?? t('tech.none')}</dd>
            </dl>
          </section>
        )}
        <PrinterPanel t={t} role="receipt" status={status?.printers.receipt} diagnostics={diagnostics?.printers.receipt} tech={tech} onPrinted={refresh} />
        {status?.printers.ticket && (
          <PrinterPanel t={t} role="ticket" status={status.printers.ticket} diagnostics={diagnostics?.printers.ticket} tech={tech} onPrinted={refresh} />
        )}
      </div>
      <ConfigEditor t={t} tech={tech} lastReload={diagnostics?.config.lastReload} onSaved={refresh} />
    </main>
  );
}
