import { localized, mainPriorityClass, type CentreView, type IssuedTicket } from '@eldercare/domain';
import type { QueueTicketIssued, queueTicketFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk, type KioskContextValue } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

type FlowRef = ActorRefFrom<typeof queueTicketFlow>;

function LoadingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('ticketLoading');
  return (
    <Screen name="ticketLoading" heading={t('queueTicket.loading.heading')} actions={<FlowBackButton />}>
      <p class="lead">{t('queueTicket.loading.body')}</p>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

function LoadFailedScreen() {
  const { t, send } = useKiosk();
  useSpokenPrompt('ticketLoadFailed');
  return (
    <Screen
      name="ticketLoadFailed"
      heading={t('queueTicket.loadFailed.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'flow.retry' })} />
          <FlowBackButton />
        </>
      }
    >
      <p class="lead">{t('queueTicket.loadFailed.body')}</p>
    </Screen>
  );
}

/** One decision: which business (A 养老服务, B 医保, …), each with how many are waiting now. */
function CategoryScreen({ centre }: { centre: CentreView }) {
  const { t, send, locale } = useKiosk();
  useSpokenPrompt('ticketCategory');
  return (
    <Screen name="ticketCategory" heading={t('queueTicket.category.heading')} actions={<FlowBackButton />}>
      <p class="lead">{t('queueTicket.category.body')}</p>
      {centre.categories.map((category) => (
        <BigButton
          key={category.code}
          testId={`category-${category.code}`}
          variant="primary"
          class="service-choice"
          label={`${category.code}  ${localized(locale, category.name)}`}
          hint={
            category.waiting > 0 ? t('queueTicket.category.waiting', { count: category.waiting }) : t('queueTicket.category.noneWaiting')
          }
          onTap={() => send({ type: 'category.choose', category: category.code })}
        />
      ))}
    </Screen>
  );
}

function IssuingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('ticketIssuing');
  return (
    <Screen name="ticketIssuing" heading={t('queueTicket.issuing.heading')}>
      <p class="lead">{t('queueTicket.issuing.body')}</p>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

/** 再试一次 resends the same request with the same key: the server answers with the same ticket. */
function IssueFailedScreen() {
  const { t, send } = useKiosk();
  useSpokenPrompt('ticketIssueFailed');
  return (
    <Screen
      name="ticketIssueFailed"
      heading={t('queueTicket.issueFailed.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'flow.retry' })} />
          <FlowBackButton />
        </>
      }
    >
      <p class="lead">{t('queueTicket.issueFailed.body')}</p>
    </Screen>
  );
}

/** The 取号 flow's screens, by the flow's state. */
export function QueueTicketFlowView({ flow }: { flow: FlowRef }) {
  const snapshot = useActorSnapshot(flow);
  switch (snapshot.value) {
    case 'loadingCentre':
      return <LoadingScreen />;
    case 'loadFailed':
      return <LoadFailedScreen />;
    case 'choosingCategory':
      return snapshot.context.centre ? <CategoryScreen centre={snapshot.context.centre} /> : null;
    case 'issuing':
      return <IssuingScreen />;
    case 'issueFailed':
      return <IssueFailedScreen />;
    default:
      return null;
  }
}

// ---- the number on screen ------------------------------------------------------------------

/** A011 read one character at a time ("A 0 1 1"), the way a ticket number is said in the hall. */
function spokenTicketNo(ticketNo: string): string {
  return ticketNo.split('').join(' ');
}

function aheadText(t: KioskContextValue['t'], ticket: IssuedTicket): string {
  return ticket.peopleAhead > 0 ? t('queueTicket.peopleAhead', { count: ticket.peopleAhead }) : t('queueTicket.peopleAheadNone');
}

/** The number, very large, with its category, 优先 and why, people ahead and the wait. */
function TicketNumber({ ticket }: { ticket: IssuedTicket }) {
  const { t, locale } = useKiosk();
  const priorityClass = mainPriorityClass(ticket.priority);
  return (
    <div class="ticket-card" data-testid="ticket">
      <p class="ticket-label">{t('queueTicket.numberLabel')}</p>
      <p class="ticket-no" data-testid="ticket-no">
        {ticket.ticketNo}
      </p>
      <p class="ticket-category">{`${ticket.category.code}  ${localized(locale, ticket.category.name)}`}</p>
      {priorityClass && (
        <p class="ticket-priority" data-testid="ticket-priority">
          <span class="priority-mark">{t('queueTicket.priority.mark')}</span>
          <span>{t(`queueTicket.priority.${priorityClass}`)}</span>
        </p>
      )}
      <p class="ticket-ahead" data-testid="people-ahead">
        {aheadText(t, ticket)}
      </p>
      <p class="ticket-wait" data-testid="estimated-wait">
        {ticket.estimatedWaitMinutes === null
          ? t('queueTicket.estimatedWaitUnknown')
          : t('queueTicket.estimatedWait', { minutes: ticket.estimatedWaitMinutes })}
      </p>
    </div>
  );
}

export function PrintingTicketScreen({ issued }: { issued: QueueTicketIssued }) {
  const { t } = useKiosk();
  useSpokenPrompt('ticketPrinting');
  return (
    <Screen name="ticketPrinting" heading={t('queueTicket.printing.heading')}>
      <TicketNumber ticket={issued.ticket} />
      <p class="lead">{t('queueTicket.printing.body')}</p>
    </Screen>
  );
}

export type TicketOutcome = 'printed' | 'held' | 'failed' | 'notConfigured';

const TICKET_TEXT = {
  printed: { screen: 'ticketPrinted', heading: 'queueTicket.printed.heading', body: 'queueTicket.printed.body' },
  held: { screen: 'ticketPrintHeld', heading: 'queueTicket.held.heading', body: 'queueTicket.held.body' },
  failed: { screen: 'ticketPrintFailed', heading: 'queueTicket.failed.heading', body: 'queueTicket.failed.body' },
  notConfigured: { screen: 'ticketNotConfigured', heading: 'queueTicket.notConfigured.heading', body: 'queueTicket.notConfigured.body' },
} as const;

/**
 * After 取号: the ticket printed; or the printer holds it until staff fix a fault (it prints by
 * itself: no reprint button); or it did not print (再打印一次, unless the kiosk has no ticket
 * printer). The number is on screen in every case: the ticket exists whatever the paper did.
 */
export function TicketScreen({ issued, outcome }: { issued: QueueTicketIssued; outcome: TicketOutcome }) {
  const { t, send } = useKiosk();
  const text = TICKET_TEXT[outcome];
  const { ticket } = issued;
  // A system voice says the number and people ahead; the offline clip says the screen's words only.
  const ahead = aheadText(t, ticket);
  useSpokenPrompt(text.screen, t('queueTicket.spokenNumber', { ticketNo: spokenTicketNo(ticket.ticketNo), ahead }));
  return (
    <Screen
      name={text.screen}
      heading={t(text.heading)}
      actions={
        <>
          {outcome === 'failed' && (
            <BigButton variant="primary" label={t('queueTicket.printAgain')} testId="print-again" onTap={() => send({ type: 'ticket.print' })} />
          )}
          <BigButton variant={outcome === 'failed' ? 'secondary' : 'primary'} label={t('kiosk.end')} testId="end" onTap={() => send({ type: 'session.end' })} />
        </>
      }
    >
      <TicketNumber ticket={ticket} />
      <p class="lead">{t(text.body)}</p>
    </Screen>
  );
}
