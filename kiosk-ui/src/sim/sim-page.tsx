import { translate, type AgentStatus, type Locale, type MessageKey, type MessageParams, type SimCard, type SimPrint } from '@eldercare/domain';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentClient } from '../shared/agent/agent-client';

const POLL_MS = 1_500;

/**
 * The simulator page: place and remove demo ID cards on the simulated reader and see every
 * receipt the simulated printer received, rendered from its bytes. Only for simulated devices.
 */
export function SimPage({ agent, locale }: { agent: AgentClient | null; locale: Locale }) {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const [cards, setCards] = useState<SimCard[] | null>(null);
  const [prints, setPrints] = useState<SimPrint[]>([]);
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [onReader, setOnReader] = useState<SimCard | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!agent) return;
    try {
      const [nextStatus, nextPrints] = await Promise.all([agent.status(), agent.simPrints().catch(() => [])]);
      setStatus(nextStatus);
      setPrints(nextPrints);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [agent]);

  useEffect(() => {
    if (!agent) return;
    agent.simCards().then(setCards, () => setCards([]));
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [agent, refresh]);

  if (!agent) return <p class="error">{t('sim.notPaired')}</p>;
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
      <section class="panel">
        <div class="status">
          <h2>{t('sim.status')}</h2>
          {error && <p class="error">{error}</p>}
          {status && (
            <dl>
              <dt>{t('sim.reader')}</dt>
              <dd data-testid="reader-state">{t(`device.state.${status.reader.state}`)}</dd>
              <dt>{t('sim.printer')}</dt>
              <dd data-testid="printer-state">{t(`device.state.${status.printers.receipt.state}`)}</dd>
            </dl>
          )}
        </div>
        <h2>{t('sim.prints')}</h2>
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
  );
}
