import { render } from 'preact';
import { spokenCall, type CentreView, type Locale, type SpokenCall } from '@eldercare/domain';
import { openQueueEventStream, type QueueStreamState } from '../shared/realtime/queue-event-stream';
import { createCallAnnouncer } from './call-announcer';
import { createClipPlayer } from './clip-player';
import { DisplayMessage, DisplayPage } from './display-page';
import { applyQueueEvent, EMPTY_DISPLAY, withCentre, type DisplayState } from './display-state';
import { displayTranslator } from './display-translator';
import { createMissedCallPolicy } from './missed-call-policy';
import { createVoicePlayer, findMandarinVoice } from './voice-player';
import './display.css';

/**
 * The hall's call display: /display/?centre=<centreId>[&lang=en]. It follows the centre's queue
 * events (today's replayed first, for the recent calls), shows them and says every call.
 */
const CENTRE_RETRY_MS = 5_000;

class CentreNotFoundError extends Error {}

async function fetchCentre(centreId: string): Promise<CentreView> {
  const response = await fetch(`/api/v1/queue/centres/${encodeURIComponent(centreId)}`, { cache: 'no-store' });
  if (response.status === 404 || response.status === 400) throw new CentreNotFoundError(centreId);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as CentreView;
}

function start() {
  const params = new URLSearchParams(location.search);
  const locale: Locale = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  const t = displayTranslator(locale);
  const root = document.getElementById('app')!;
  document.documentElement.lang = locale;
  document.title = t('display.title');
  const centreId = params.get('centre');
  if (!centreId) {
    render(<DisplayMessage text={t('display.noCentre')} />, root);
    return;
  }

  const clips = createClipPlayer();
  // Decoded once up front: a call can then be said while the server is briefly away.
  clips.preload().catch(() => undefined);
  const player = (call: SpokenCall) => {
    const voice = findMandarinVoice();
    if (voice) return createVoicePlayer(voice)(call);
    // A call while sound is blocked is shown, not queued up to be said minutes later.
    if (clips.context.state !== 'running') return Promise.reject(new Error('sound is blocked'));
    return clips.play(call);
  };
  const announcer = createCallAnnouncer(player, (error) => console.warn('call not spoken:', error));
  const policy = createMissedCallPolicy({ storage: sessionStorage, centreId, now: () => Date.now() });

  let centre: CentreView | null = null;
  let state: DisplayState = EMPTY_DISPLAY;
  let stream: QueueStreamState = 'connecting';
  let announcement: { text: string; speaking: boolean } | null = null;
  let soundBlocked = clips.context.state !== 'running';

  const enableSound = () => {
    void clips.context.resume();
  };
  const draw = () => {
    if (!centre) return;
    render(
      <DisplayPage locale={locale} t={t} centre={centre} state={state} stream={stream} announcement={announcement} soundBlocked={soundBlocked} onEnableSound={enableSound} />,
      root,
    );
  };

  clips.context.onstatechange = () => {
    soundBlocked = clips.context.state !== 'running';
    draw();
  };
  // Allowed without a tap on a display PC started with --autoplay-policy=no-user-gesture-required.
  void clips.context.resume();

  announcer.onSpeaking((call) => {
    announcement = call ? { text: call.text, speaking: true } : announcement && { ...announcement, speaking: false };
    draw();
  });

  const connect = () => {
    const events = openQueueEventStream({ centreId, from: 'today' });
    events.onState((next) => {
      stream = next;
      if (next === 'connected') policy.markLive();
      draw();
    });
    events.subscribe((event, meta) => {
      state = applyQueueEvent(state, event);
      if (event.type === 'ticket.called' && policy.shouldAnnounce(event, meta)) announcer.announce(spokenCall(event.ticketNo, event.counterNumber));
      draw();
    });
  };

  const loadCentre = () => {
    fetchCentre(centreId).then(
      (view) => {
        centre = view;
        state = withCentre(state, view);
        draw();
        connect();
      },
      (error: unknown) => {
        if (error instanceof CentreNotFoundError) {
          render(<DisplayMessage text={t('display.centreNotFound', { centreId })} />, root);
          return;
        }
        render(<DisplayMessage text={t('display.reconnecting')} />, root);
        setTimeout(loadCentre, CENTRE_RETRY_MS);
      },
    );
  };
  loadCentre();
}

start();
