import { translate, type AgentStatus, type Locale, type MessageKey, type MessageParams, type PrinterRole, type SimCard, type SimPrint } from '@eldercare/domain';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AgentError, type AgentClient } from '../shared/agent/agent-client';
import { PrinterControls } from './printer-controls';
import { ScannerControls } from './scanner-controls';

const POLL_MS = 1_500;

/**
 * The simulator page: place and remove demo ID cards on the simulated reader, make the
 * simulated printers run out of paper or open their covers, scan codes, and see every receipt
 * and queue ticket the printers received, rendered from their bytes. Only for simulated devices.
 */
export function SimPage({ agent, locale }: { agent: AgentClient | null; locale: Locale }) {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const [cards, setCards] = useState<SimCard[] | null>(null);
  const [prints, setPrints] = useState<SimPrint[]>([]);
  const [printsRole, setPrintsRole] = useState<PrinterRole>('receipt');
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [onReader, setOnReader] = useState<SimCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!agent) return;
    try {
      const [nextStatus, nextPrints] = await Promise.all([agent.status(), agent.simPrints(printsRole).catch(() => [])]);
      setStatus(nextStatus);
      setPrints(nextPrints);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [agent, printsRole]);

  useEffect(() => {
    agent?.simCards().then(setCards, () => setCards([]));
  }, [agent]);

  useEffect(() => {
    if (!agent) return;
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [agent, refresh]);

  if (!agent) return <p class="error">{t('sim.notPaired')}</p>;
  /** Runs a control action, says so if it failed, and shows its effect at once. */
  const act = async (action: () => Promise<unknown>): Promise<boolean> => {
    let ok = true;
    try {
      await action();
      setFailure(null);
    } catch (err) {
      ok = false;
      setFailure(t('sim.actionFailed', { code: err instanceof AgentError ? err.code : String(err) }));
    }
    await refresh();
    return ok;
  };
  const place = async (card: SimCard) => {
    // Like a hand swapping cards: the last card comes off and the reader notices before the
    // next one goes on (a reader reads a card once until it is taken off).
    if ((await agent.status()).reader.state !== 'ready') {
      await agent.removeSimCard();
      for (let i = 0; i < 40 && (await agent.status()).reader.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    }
    await agent.placeSimCard(card.key);
    setOnReader(card);
  };
  const remove = async () => {
    await agent.removeSimCard();
    setOnReader(null);
  };

  const roles: PrinterRole[] = status?.printers.ticket ? ['receipt', 'ticket'] : ['receipt'];

  return (
    <div class="sim">
      <h1>{t('sim.title')}</h1>
      <p class="intro">
        {t('sim.intro')}{' '}
        <a href="/kiosk/" target="kiosk">
          {t('sim.openKiosk')}
        </a>
      </p>
      <section class="panel">
        <h2>{t('sim.cards')}</h2>
        {status && !status.simulated && <p class="error">{t('sim.notSimulated')}</p>}
        <p data-testid="on-reader">{onReader ? t('sim.onReader', { name: onReader.nameMasked }) : t('sim.readerEmpty')}</p>
        {onReader && (
          <button type="button" class="secondary" data-testid="remove-card" onClick={() => void remove()}>
            {t('sim.remove')}
          </button>
        )}
        <div class="cards">
          {(cards ?? []).map((card) => (
            <div class={`card ${onReader?.key === card.key ? 'on-reader' : ''}`} key={card.key} data-card={card.key}>
              <span class="who">
                {card.nameMasked} · {t('age.years', { age: card.age })}
              </span>
              <span class="id">{card.idNumberMasked}</span>
              <span class="note">{locale === 'zh-CN' ? card.note.zh : card.note.en}</span>
              <button type="button" data-testid={`place-${card.key}`} onClick={() => void place(card)}>
                {t('sim.place')}
              </button>
            </div>
          ))}
        </div>
      </section>
      <div class="side">
        <section class="panel status" aria-labelledby="sim-status">
          <h2 id="sim-status">{t('sim.status')}</h2>
          {error && <p class="error">{error}</p>}
          {failure && (
            <p class="error" role="alert" data-testid="action-failed">
              {failure}
            </p>
          )}
          {status && (
            <>
              <div class="printer-head">
                <strong>{t('sim.reader')}</strong>
                <span class={`state ${status.reader.state === 'offline' || status.reader.state === 'fault' ? 'fault' : 'ok'}`} data-testid="reader-state">
                  {t(`device.state.${status.reader.state}`)}
                </span>
              </div>
              {roles.map((role) => (
                <PrinterControls
                  key={role}
                  t={t}
                  role={role}
                  status={status.printers[role]!}
                  onPaper={(state) => void act(() => agent.setSimPaper(role, state))}
                  onCover={(open) => void act(() => agent.setSimCover(role, open))}
                />
              ))}
              {status.scanner && <ScannerControls t={t} status={status.scanner} onScan={(text) => act(() => agent.simScan(text))} />}
            </>
          )}
        </section>
        <section class="panel" aria-labelledby="sim-prints">
          <h2 id="sim-prints">{t('sim.prints')}</h2>
          {roles.length > 1 && (
            <div class="switch" role="group" aria-label={t('sim.printsOf')}>
              {roles.map((role) => (
                <button
                  type="button"
                  key={role}
                  class={role === printsRole ? '' : 'secondary'}
                  aria-pressed={role === printsRole}
                  data-testid={`prints-${role}`}
                  onClick={() => setPrintsRole(role)}
                >
                  {t(role === 'receipt' ? 'sim.printsReceipt' : 'sim.printsTicket')}
                </button>
              ))}
            </div>
          )}
          {prints.length === 0 && <p>{t('sim.noPrints')}</p>}
          <div class="prints" data-testid="prints">
            {prints.map((p) => (
              <div class="print" key={p.jobId} data-job={p.jobId}>
                <div class="meta">
                  {p.jobId} · {new Date(p.receivedAt).toLocaleTimeString(locale)} · {p.byteLength} B
                </div>
                {/* The agent renders the preview from the printed bytes and escapes all text. */}
                <div dangerouslySetInnerHTML={{ __html: p.previewHtml }} />
              </div>
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
