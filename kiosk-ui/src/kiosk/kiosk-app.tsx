import { translate, type MessageKey, type MessageParams } from '@eldercare/domain';
import {
  isIdleWarning,
  isSessionBusy,
  kioskScreen,
  PROXY_SCREENS,
  runningFlow,
  runningTicketFlow,
  type kioskSessionMachine,
} from '@eldercare/state-machines';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../shared/hooks/use-actor-snapshot';
import type { Speaker } from '../shared/speech/speaker';
import { BigButton } from './components/big-button/big-button';
import { deviceProblem, ticketPrinterNotice, type DeviceState } from './device-problem';
import { Overlay } from './components/overlay/overlay';
import { KioskContext, useKiosk, type KioskContextValue } from './kiosk-context';
import { AttractScreen, ReadFailedScreen, ReadingScreen, WaitingForCardScreen } from './screens/card/card-screens';
import { IdentifyFailedScreen, IdentifyingScreen } from './screens/identify/identify-screens';
import { MenuScreen } from './screens/menu/menu-screen';
import { ScanNoticeScreen } from './screens/menu/scan-notice-screen';
import { ProxyBanner } from './screens/proxy/proxy-banner';
import { ProxyScreens } from './screens/proxy/proxy-screens';
import { PrintingTicketScreen, QueueTicketFlowView, TicketScreen, type TicketOutcome } from './screens/queue-ticket/queue-ticket-screens';
import { GoodbyeScreen, PrintingScreen, ReceiptScreen } from './screens/receipt/receipt-screens';
import { FLOW_VIEWS } from './screens/flow-views';
import { useSpokenPrompt } from './use-spoken-prompt';

type SessionRef = ActorRefFrom<typeof kioskSessionMachine>;

function IdleWarning({ deadline }: { deadline: number }) {
  const { t, send } = useKiosk();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useSpokenPrompt('idleWarning');
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <Overlay name="idle">
      <h1>{t('kiosk.idle.heading')}</h1>
      <div class="countdown" data-testid="idle-countdown">
        {seconds}
      </div>
      <p>{t('kiosk.idle.body', { seconds })}</p>
      <BigButton variant="primary" label={t('kiosk.idle.continue')} testId="idle-continue" onTap={() => send({ type: 'idle.continue' })} />
    </Overlay>
  );
}

function HelpOverlay() {
  const { t, send } = useKiosk();
  useSpokenPrompt('help');
  return (
    <Overlay name="help">
      <h1>{t('kiosk.help.heading')}</h1>
      <p>{t('kiosk.help.body')}</p>
      <BigButton variant="primary" label={t('kiosk.help.ok')} testId="help-ok" onTap={() => send({ type: 'help.dismiss' })} />
    </Overlay>
  );
}

const RECEIPT_OUTCOME = { receiptPrinted: 'printed', receiptPrintFailed: 'failed', receiptPrintHeld: 'held' } as const;

function ticketOutcome(screen: 'ticketPrinted' | 'ticketPrintFailed' | 'ticketPrintHeld', printErrorCode: string | null): TicketOutcome {
  if (screen === 'ticketPrinted') return 'printed';
  if (screen === 'ticketPrintHeld') return 'held';
  return printErrorCode === 'PRINTER_NOT_CONFIGURED' ? 'notConfigured' : 'failed';
}

function CurrentScreen({ session }: { session: SessionRef }) {
  const snapshot = useActorSnapshot(session);
  const { context } = snapshot;
  const screen = kioskScreen(snapshot);
  switch (screen) {
    case 'attract':
      return <AttractScreen />;
    case 'scanNotice':
      return context.scanNotice ? <ScanNoticeScreen notice={context.scanNotice} /> : null;
    case 'waitingForCard':
      return <WaitingForCardScreen />;
    case 'reading':
      return <ReadingScreen />;
    case 'readFailed':
      return <ReadFailedScreen />;
    case 'identifying':
    case 'refreshing':
      return <IdentifyingScreen />;
    case 'identifyFailed':
      return <IdentifyFailedScreen errorCode={context.identifyErrorCode} />;
    case 'menu':
      return context.identity ? <MenuScreen identity={context.identity} page={context.menuPage} proxying={context.applicant !== null} /> : null;
    case 'queueTicket': {
      const flow = runningTicketFlow(snapshot);
      return flow ? <QueueTicketFlowView flow={flow} /> : null;
    }
    case 'printingTicket':
      return context.queueTicket ? <PrintingTicketScreen issued={context.queueTicket} /> : null;
    case 'ticketPrinted':
    case 'ticketPrintFailed':
    case 'ticketPrintHeld':
      return context.queueTicket ? <TicketScreen issued={context.queueTicket} outcome={ticketOutcome(screen, context.printErrorCode)} /> : null;
    case 'printing':
      return <PrintingScreen />;
    case 'receiptPrinted':
    case 'receiptPrintFailed':
    case 'receiptPrintHeld':
      return context.application ? <ReceiptScreen application={context.application} outcome={RECEIPT_OUTCOME[screen]} /> : null;
    case 'goodbye':
      return <GoodbyeScreen />;
    default: {
      if ((Object.values(PROXY_SCREENS) as string[]).includes(screen)) {
        return context.identity ? (
          <ProxyScreens
            screen={screen as (typeof PROXY_SCREENS)[keyof typeof PROXY_SCREENS]}
            applicant={context.identity}
            senior={context.proxySenior}
            relationship={context.proxyRelationship}
          />
        ) : null;
      }
      // Every other screen is a service flow of the registry, drawn by its own view.
      const flow = runningFlow(snapshot);
      if (!flow) return null;
      const View = FLOW_VIEWS[flow.serviceKey];
      return <View flow={flow.actor} />;
    }
  }
}

/** The kiosk page: header with the language switch, one screen, the call-staff bar, overlays. */
export function KioskApp({
  session,
  speaker,
  device,
  ticketsOffered,
}: {
  session: SessionRef;
  speaker: Speaker;
  device: DeviceState;
  /** The kiosk knows its queue centre, so it offers 取号. */
  ticketsOffered: boolean;
}) {
  const snapshot = useActorSnapshot(session);
  const { locale, helpRequested, idleWarningDeadline } = snapshot.context;
  const screen = kioskScreen(snapshot);
  const ticketNotice = ticketPrinterNotice(device.status);
  const context = useMemo<KioskContextValue>(
    () => ({
      locale,
      t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
      send: (event) => session.send(event),
      speaker,
      ticketsOffered,
      ticketPrinterNotice: ticketNotice,
    }),
    [locale, session, speaker, ticketsOffered, ticketNotice],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const { t } = context;
  const problem = deviceProblem(device, screen);
  // The receipt and ticket screens have their own 结束办理; one button per action on a screen.
  // While a request is out or paper is printing the session ignores it, so it is not offered.
  const showEnd = !isSessionBusy(snapshot) && ![
    'attract',
    'scanNotice',
    'goodbye',
    'receiptPrinted',
    'receiptPrintFailed',
    'receiptPrintHeld',
    'ticketPrinted',
    'ticketPrintFailed',
    'ticketPrintHeld',
  ].includes(screen);
  return (
    <KioskContext.Provider value={context}>
      {/* Any touch shows someone is there: it restarts the inactivity timer. */}
      <div class="kiosk" onPointerDown={() => session.send({ type: 'user.activity' })}>
        <header class="kiosk-header">
          <h2>{t('kiosk.title')}</h2>
          <BigButton
            compact
            label={t('kiosk.language.switch')}
            testId="language"
            onTap={() => session.send({ type: 'locale.set', locale: locale === 'zh-CN' ? 'en' : 'zh-CN' })}
          />
        </header>
        {problem && (
          <div class="device-banner" role="status" data-testid="device-banner">
            {t(problem)}
          </div>
        )}
        {snapshot.context.applicant && snapshot.context.identity && (
          <ProxyBanner applicant={snapshot.context.applicant} senior={snapshot.context.identity} />
        )}
        <main class="kiosk-main">
          <CurrentScreen session={session} />
        </main>
        <footer class="kiosk-footer">
          <BigButton variant="help" label={t('kiosk.callStaff')} testId="call-staff" onTap={() => session.send({ type: 'help.request' })} />
          {showEnd && <BigButton compact label={t('kiosk.end')} testId="end-session" onTap={() => session.send({ type: 'session.end' })} />}
        </footer>
        {idleWarningDeadline !== null && isIdleWarning(snapshot) && <IdleWarning deadline={idleWarningDeadline} />}
        {helpRequested && <HelpOverlay />}
      </div>
    </KioskContext.Provider>
  );
}
