import { findService, localized, type IdentifyResponse } from '@eldercare/domain';
import { KIOSK_SERVICE_KEYS } from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { TakeTicketHint } from '../../components/take-ticket-hint/take-ticket-hint';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

/**
 * The services this kiosk offers, each with whether it applies and, if not, why — in the words
 * the server's rules gave. A service that does not apply still opens its explanation screen.
 */
export function MenuScreen({ identity }: { identity: IdentifyResponse }) {
  const { t, send, locale, ticketsOffered } = useKiosk();
  const greeting = t('kiosk.menu.greeting', { name: identity.person.nameMasked });
  useSpokenPrompt('menu', greeting);
  const verdicts = KIOSK_SERVICE_KEYS.map((key) => ({
    key,
    service: findService(key),
    verdict: identity.eligibility.find((e) => e.serviceKey === key),
  }));
  const noneAvailable = verdicts.every((v) => !v.verdict?.eligible);
  return (
    <Screen name="menu" heading={greeting}>
      <p class="lead">{t('kiosk.menu.heading')}</p>
      {noneAvailable && <p class="notice">{t('kiosk.menu.noneAvailable')}</p>}
      {verdicts.map(({ key, service, verdict }) => (
        <BigButton
          key={key}
          testId={`service-${key}`}
          variant={verdict?.eligible ? 'primary' : 'secondary'}
          class="service-choice"
          label={localized(locale, service.name)}
          hint={
            verdict?.eligible ? (
              <span class="status ok">{t('kiosk.menu.available')}</span>
            ) : (
              <>
                <span class="status no">{t('kiosk.menu.unavailable')}</span>
                {verdict?.reasons.map((r) => (
                  <span class="reason" key={r.code}>
                    {localized(locale, r.text)}
                  </span>
                ))}
              </>
            )
          }
          onTap={() => send({ type: 'service.select', serviceKey: key })}
        />
      ))}
      {/* With the card read, the server detects priority (优先办) for the ticket. */}
      {ticketsOffered && (
        <BigButton
          testId="take-ticket"
          variant="secondary"
          class="service-choice"
          label={t('queueTicket.menu.take')}
          hint={<TakeTicketHint fallback="queueTicket.menu.takeHint" />}
          onTap={() => send({ type: 'ticket.start' })}
        />
      )}
      <p>{t('kiosk.menu.otherServices')}</p>
    </Screen>
  );
}
