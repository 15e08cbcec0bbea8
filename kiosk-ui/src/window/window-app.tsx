import { useRef } from 'preact/hooks';
import type { Locale } from '@eldercare/domain';
import type { WindowTerminalEvent, WindowTerminalMachine } from '@eldercare/state-machines';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { useActorSnapshot } from '../shared/hooks/use-actor-snapshot';
import { ActionBar } from './components/action-bar/action-bar';
import { CounterPicker } from './components/counter-picker/counter-picker';
import { CurrentTicketCard } from './components/current-ticket/current-ticket';
import { ErrorBanner } from './components/error-banner/error-banner';
import { HelpBanner } from './components/help-banner/help-banner';
import { HolderPanel } from './components/holder-panel/holder-panel';
import { LoginForm } from './components/login-form/login-form';
import { TransferDialog } from './components/transfer-dialog/transfer-dialog';
import { WaitingList } from './components/waiting-list/waiting-list';
import { useHelpRequests } from './use-help-requests';
import { useQueueUpdates } from './use-queue-updates';
import { useWindowShortcuts } from './use-window-shortcuts';
import { windowWords, type WindowWords } from './window-translator';

type Actor = ActorRefFrom<WindowTerminalMachine>;
type Snapshot = SnapshotFrom<WindowTerminalMachine>;

/** A name for the state, for tests and styling: e.g. counter.open.serving.shown. */
function stateName(snapshot: Snapshot): string {
  const walk = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [k, ...walk(v)]);
  return walk(snapshot.value).join('.');
}

/** The window terminal: renders the machine's state; every decision is the machine's or the server's. */
export function WindowApp({ actor, locale, onLocale }: { actor: Actor; locale: Locale; onLocale: (l: Locale) => void }) {
  const snapshot = useActorSnapshot(actor);
  // A background read after a queue event is no state of the desk: the screen (and which
  // buttons are live) stays as the last resting state had it, so nothing flickers.
  const settled = useRef(snapshot);
  if (!snapshot.matches({ counter: 'refreshing' }) || !settled.current.matches('counter')) settled.current = snapshot;
  const words = windowWords(locale);
  const { t } = words;
  const { user, view } = snapshot.context;
  const centreId = user?.centreId ?? null;
  const help = useHelpRequests(centreId);
  const live = useQueueUpdates(centreId, () => actor.send({ type: 'view.stale' }), help.refresh);
  useWindowShortcuts(actor);
  const send = (event: WindowTerminalEvent) => actor.send(event);
  const holding = view !== null && view.state !== 'closed' && view.staffUsername === user?.username;

  return (
    <div class="wt" data-state={stateName(snapshot)} lang={locale}>
      <header class="wt-top">
        <h1>
          {t('window.title')}
          {snapshot.context.counterNumber !== null && (
            <span class="wt-top__counter" data-testid="counter-heading">
              {t('window.counter.heading', { number: snapshot.context.counterNumber })}
              {view && (
                <span class={`wt-state wt-state--${view.state}`} data-testid="counter-state" data-value={view.state}>
                  {t(`window.counter.state.${view.state}`)}
                </span>
              )}
            </span>
          )}
        </h1>
        <div class="wt-top__right">
          {live !== null && (
            <span class={`wt-live wt-live--${live}`} data-testid="live-state" data-value={live}>
              {live === 'connected' ? t('window.live.connected') : t('window.live.reconnecting')}
            </span>
          )}
          {user && <span class="wt-user">{t('window.user', { displayName: user.displayName, username: user.username })}</span>}
          <button type="button" class="wt-link" lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => onLocale(locale === 'en' ? 'zh-CN' : 'en')}>
            {t('window.language')}
          </button>
          {user && (
            <button
              type="button"
              class="wt-link"
              data-testid="logout"
              disabled={!snapshot.can({ type: 'session.logout' })}
              title={holding ? t('window.logoutBlocked') : undefined}
              onClick={() => send({ type: 'session.logout' })}
            >
              {t('window.logout')}
            </button>
          )}
        </div>
      </header>
      <HelpBanner requests={help.requests} words={words} onResolve={help.resolve} resolving={help.resolving} failure={help.failure} />
      <main class="wt-main">
        <Body snapshot={snapshot} stable={settled.current} words={words} send={send} />
      </main>
      {snapshot.matches('counter') && <footer class="wt-keys">{t('window.shortcuts')}</footer>}
    </div>
  );
}

function Body(props: { snapshot: Snapshot; stable: Snapshot; words: WindowWords; send: (e: WindowTerminalEvent) => void }) {
  const { snapshot, words, send } = props;
  const { t } = words;
  const { context } = snapshot;
  const dismiss = () => send({ type: 'error.dismiss' });

  if (snapshot.matches('checkingSession')) return <p class="wt-muted">{t('window.checking')}</p>;
  if (snapshot.matches('loggedOut') || snapshot.matches('loggingIn')) {
    return (
      <LoginForm
        words={words}
        busy={snapshot.matches('loggingIn')}
        errorCode={context.errorCode}
        onSubmit={(credentials) => send({ type: 'login.submit', ...credentials })}
      />
    );
  }
  if (snapshot.matches('forbidden')) {
    return (
      <p class="wt-error" role="alert" data-testid="forbidden">
        {t('window.forbidden', { username: context.user?.username ?? '' })}
      </p>
    );
  }
  if (snapshot.matches('loggingOut')) return <p class="wt-muted">{t('window.loggingOut')}</p>;
  if (snapshot.matches('choosingCounter')) {
    return (
      <>
        <ErrorBanner code={context.errorCode} words={words} onDismiss={dismiss} />
        <CounterPicker
          words={words}
          centre={context.centre}
          failed={snapshot.matches({ choosingCounter: 'failed' })}
          onChoose={(number) => send({ type: 'counter.choose', number })}
          onRetry={() => send({ type: 'centre.reload' })}
        />
      </>
    );
  }

  const { stable } = props;
  const view = context.view;
  if (view === null) return <p class="wt-muted">{t('window.counter.loading')}</p>;
  const busy = stable.matches({ counter: 'working' }) || stable.matches({ counter: 'calling' });
  const heldByOther = stable.matches({ counter: 'heldByOther' });
  return (
    <>
      <ErrorBanner code={context.errorCode} words={words} onDismiss={dismiss} />
      {heldByOther && (
        <p class="wt-notice" data-testid="counter-held-by">
          {t('window.counter.heldBy', { username: view.staffUsername ?? '' })}
        </p>
      )}
      {stable.matches({ counter: 'closed' }) && <p class="wt-notice">{t('window.counter.closedHint')}</p>}
      {stable.matches({ counter: { open: 'paused' } }) && <p class="wt-notice">{t('window.counter.pausedHint')}</p>}
      <div class="wt-desk" aria-busy={busy}>
        <div class="wt-desk__left">
          <CurrentTicketCard view={view} current={view.current} calling={stable.matches({ counter: 'calling' })} words={words} />
          {!heldByOther && <HolderPanel current={view.current} holder={context.holder} words={words} />}
        </div>
        <WaitingList view={view} words={words} />
      </div>
      <ActionBar
        words={words}
        can={(event) => stable.can(event)}
        send={send}
        paused={view.state === 'paused'}
        serving={view.current !== null}
      />
      {(heldByOther || stable.matches({ counter: 'closed' })) && (
        <button type="button" class="wt-link" data-testid="counter-leave" onClick={() => send({ type: 'counter.leave' })}>
          {t('window.counter.change')}
        </button>
      )}
      {stable.matches({ counter: { open: { serving: 'transferring' } } }) && (
        <TransferDialog
          view={view}
          words={words}
          busy={busy}
          onSubmit={(request) => send({ type: 'transfer.submit', request })}
          onCancel={() => send({ type: 'transfer.cancel' })}
        />
      )}
    </>
  );
}
