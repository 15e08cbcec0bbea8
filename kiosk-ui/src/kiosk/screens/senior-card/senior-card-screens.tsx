import { findService, localized, type PersonView, type SeniorCardDelivery } from '@eldercare/domain';
import { PHONE_DIGITS, type KeypadDigit, type seniorCardFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Keypad } from '../../components/keypad/keypad';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';

type FlowRef = ActorRefFrom<typeof seniorCardFlow>;

function IdentityScreen({ person }: { person: PersonView }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('seniorCardIdentity');
  return (
    <Screen
      name="seniorCardIdentity"
      heading={t('kiosk.seniorCard.identityHeading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.seniorCard.identityOk')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <dl class="summary">
        <dt>{t('kiosk.seniorCard.name')}</dt>
        <dd>{person.nameMasked}</dd>
        <dt>{t('kiosk.seniorCard.idNumber')}</dt>
        <dd data-testid="id-masked">{person.idNumberMasked}</dd>
        <dt>{t('kiosk.seniorCard.age')}</dt>
        <dd>{t('age.years', { age: person.age })}</dd>
        <dt>{t('kiosk.seniorCard.address')}</dt>
        <dd>{person.registeredAddressMasked}</dd>
      </dl>
    </Screen>
  );
}

function PhoneScreen({ phone, error }: { phone: string; error: 'too-short' | 'not-a-mobile-number' | null }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('seniorCardPhone');
  const boxes = Array.from({ length: PHONE_DIGITS }, (_, i) => phone[i] ?? '');
  return (
    <Screen
      name="seniorCardPhone"
      heading={t('kiosk.seniorCard.phoneHeading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.next')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <p>{t('kiosk.seniorCard.phoneBody')}</p>
      <div class="phone-display" data-testid="phone" aria-label={phone}>
        {boxes.map((digit, i) => (
          <span key={i}>{digit}</span>
        ))}
      </div>
      {error && (
        <p class="field-error" role="alert" data-testid="phone-error">
          {t(error === 'too-short' ? 'kiosk.seniorCard.phoneTooShort' : 'kiosk.seniorCard.phoneInvalid')}
        </p>
      )}
      <Keypad
        deleteLabel={t('kiosk.keypad.delete')}
        clearLabel={t('kiosk.keypad.clear')}
        onDigit={(digit) => send({ type: 'keypad.digit', digit: digit as KeypadDigit })}
        onDelete={() => send({ type: 'keypad.delete' })}
        onClear={() => send({ type: 'keypad.clear' })}
      />
    </Screen>
  );
}

function DeliveryScreen({ addressMasked }: { addressMasked: string }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('seniorCardDelivery');
  const choose = (delivery: SeniorCardDelivery) => send({ type: 'delivery.choose', delivery });
  return (
    <Screen
      name="seniorCardDelivery"
      heading={t('kiosk.seniorCard.deliveryHeading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.seniorCard.collect')} testId="delivery-collect" onTap={() => choose('collect')} />
          <BigButton
            variant="primary"
            label={t('kiosk.seniorCard.mail')}
            hint={addressMasked}
            testId="delivery-mail"
            onTap={() => choose('mail')}
          />
          <FlowBackButton />
        </>
      }
    />
  );
}

function ConfirmScreen({ person, phone, delivery }: { person: PersonView; phone: string; delivery: SeniorCardDelivery }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('seniorCardConfirming');
  return (
    <Screen
      name="seniorCardConfirming"
      heading={t('kiosk.seniorCard.confirmHeading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.confirm')} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      <dl class="summary">
        <dt>{t('kiosk.seniorCard.name')}</dt>
        <dd>{person.nameMasked}</dd>
        <dt>{t('kiosk.seniorCard.phone')}</dt>
        <dd>{phone}</dd>
        <dt>{t('kiosk.seniorCard.delivery')}</dt>
        <dd>{t(`delivery.${delivery}`)}</dd>
        {delivery === 'mail' && (
          <>
            <dt>{t('kiosk.seniorCard.address')}</dt>
            <dd>{person.registeredAddressMasked}</dd>
          </>
        )}
      </dl>
    </Screen>
  );
}

/** Renders whichever step of 申领敬老卡 the flow is in. */
export function SeniorCardFlowView({ flow }: { flow: FlowRef }) {
  const { locale } = useKiosk();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  const person = context.identity.person;
  if (snapshot.matches('notEligible')) {
    return <NotEligibleScreen serviceName={localized(locale, findService('senior-card').name)} eligibility={context.eligibility} />;
  }
  if (snapshot.matches('confirmingIdentity')) return <IdentityScreen person={person} />;
  if (snapshot.matches('enteringPhone')) return <PhoneScreen phone={context.phone} error={context.phoneError} />;
  if (snapshot.matches('choosingDelivery')) return <DeliveryScreen addressMasked={person.registeredAddressMasked} />;
  if (snapshot.matches('confirming') && context.delivery) return <ConfirmScreen person={person} phone={context.phone} delivery={context.delivery} />;
  if (snapshot.matches('submitting')) return <SubmittingScreen />;
  if (snapshot.matches('submitFailed')) return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  return null;
}
