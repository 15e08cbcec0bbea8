import type { CentreView, Locale } from '@eldercare/domain';
import type { QueueStreamState } from '../shared/realtime/queue-event-stream';
import { CurrentCall } from './components/current-call/current-call';
import { HallClock } from './components/hall-clock/hall-clock';
import { RecentCalls } from './components/recent-calls/recent-calls';
import { SoundOverlay } from './components/sound-overlay/sound-overlay';
import { WaitingCounts } from './components/waiting-counts/waiting-counts';
import type { DisplayState } from './display-state';
import type { Translate } from './display-translator';

export interface DisplayPageProps {
  locale: Locale;
  t: Translate;
  centre: CentreView;
  state: DisplayState;
  stream: QueueStreamState;
  /** The text of the call being said now (Mandarin), or the last one said. */
  announcement: { text: string; speaking: boolean } | null;
  soundBlocked: boolean;
  onEnableSound: () => void;
}

/** The hall screen: centre and clock, the current call large, recent calls, people waiting. */
export function DisplayPage({ locale, t, centre, state, stream, announcement, soundBlocked, onEnableSound }: DisplayPageProps) {
  const down = stream === 'reconnecting' || stream === 'connecting';
  return (
    <div class="display" data-stream={stream}>
      <header class="display-header">
        <h1 class="display-centre">{locale === 'zh-CN' ? centre.name.zh : centre.name.en}</h1>
        {down && (
          <p class="display-reconnecting" role="status" data-testid="reconnecting">
            <span class="display-reconnecting-dot" aria-hidden="true" />
            {t('display.reconnecting')}
          </p>
        )}
        <HallClock locale={locale} />
      </header>
      <main class="display-main">
        <CurrentCall call={state.current} t={t} />
        <RecentCalls calls={state.recent} t={t} />
      </main>
      <footer class="display-footer">
        <WaitingCounts categories={centre.categories} waiting={state.waiting} locale={locale} t={t} />
      </footer>
      {/* Calls are spoken in Mandarin in either language, and this region says what is spoken. */}
      <p class="visually-hidden" aria-live="assertive" lang="zh-CN" data-testid="announcement" data-speaking={announcement?.speaking ? 'true' : 'false'}>
        {announcement?.text ?? ''}
      </p>
      {soundBlocked && <SoundOverlay onEnable={onEnableSound} t={t} />}
    </div>
  );
}

/** Before the centre is known: a missing or unknown ?centre=, or the server not reachable yet. */
export function DisplayMessage({ text }: { text: string }) {
  return (
    <div class="display display--message">
      <p class="display-message" role="alert">
        {text}
      </p>
    </div>
  );
}
