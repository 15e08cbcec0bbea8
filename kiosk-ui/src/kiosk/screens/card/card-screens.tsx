import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { TakeTicketHint } from '../../components/take-ticket-hint/take-ticket-hint';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

function CardPicture() {
  const { t } = useKiosk();
  return (
    <>
      <div class="card-illustration" aria-hidden="true">
        {t('kiosk.card.label')}
      </div>
      <div class="arrow-down" aria-hidden="true">
        ↓
      </div>
    </>
  );
}

export function AttractScreen() {
  const { t, send, ticketsOffered } = useKiosk();
  useSpokenPrompt('attract');
  return (
    <Screen
      name="attract"
      heading={t('kiosk.attract.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.attract.start')} testId="start" onTap={() => send({ type: 'session.start' })} />
          {/* 取号 needs no card: a normal ticket (priority is detected only with the card, via the menu). */}
          {ticketsOffered && (
            <BigButton
              label={t('queueTicket.attract.take')}
              hint={<TakeTicketHint fallback="queueTicket.attract.takeHint" />}
              testId="take-ticket"
              onTap={() => send({ type: 'ticket.start' })}
            />
          )}
        </>
      }
    >
      <p class="lead">{t('kiosk.attract.body')}</p>
      <p>{t('kiosk.attract.services')}</p>
      <CardPicture />
    </Screen>
  );
}

export function WaitingForCardScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('waitingForCard');
  return (
    <Screen name="waitingForCard" heading={t('kiosk.waiting.heading')}>
      <p class="lead">{t('kiosk.waiting.body')}</p>
      <CardPicture />
    </Screen>
  );
}

export function ReadingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('reading');
  return (
    <Screen name="reading" heading={t('kiosk.reading.heading')}>
      <p class="lead">{t('kiosk.reading.body')}</p>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

export function ReadFailedScreen() {
  const { t, send } = useKiosk();
  useSpokenPrompt('readFailed');
  return (
    <Screen
      name="readFailed"
      heading={t('kiosk.readFailed.heading')}
      actions={<BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'session.retry' })} />}
    >
      <p class="lead">{t('kiosk.readFailed.body')}</p>
      <CardPicture />
    </Screen>
  );
}
