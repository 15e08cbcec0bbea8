import { findService, localized } from '@eldercare/domain';
import type { taxiHailingFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { PhoneEntryScreen } from '../senior-education/phone-entry-screen';
import { useSpokenSentence } from '../../use-spoken-sentence';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';

type FlowRef = ActorRefFrom<typeof taxiHailingFlow>;

function NoCentreScreen() {
  const { t } = useKiosk();
  useSpokenSentence('taxi-no-centre', ['taxi.noCentre.heading', 'taxi.noCentre.body']);
  return (
    <Screen name="taxiNoCentre" heading={t('taxi.noCentre.heading')} actions={<FlowBackButton variant="primary" />}>
      <p class="lead">{t('taxi.noCentre.body')}</p>
    </Screen>
  );
}

function DestinationScreen({ homeMasked }: { homeMasked: string }) {
  const { t, send } = useKiosk();
  useSpokenSentence('taxi-destination', ['taxi.destination.heading']);
  return (
    <Screen
      name="taxiDestination"
      heading={t('taxi.destination.heading')}
      actions={
        <>
          <BigButton variant="primary" class="service-choice" label={t('taxi.destination.homeButton')} hint={homeMasked} testId="destination-home" onTap={() => send({ type: 'option.choose', value: 'home' })} />
          <BigButton variant="primary" class="service-choice" label={t('taxi.destination.tellDriverButton')} testId="destination-tell-driver" onTap={() => send({ type: 'option.choose', value: 'tell-driver' })} />
          <FlowBackButton />
        </>
      }
    />
  );
}

function ConfirmScreen({ destination, phone }: { destination: string; phone: string }) {
  const { t, send } = useKiosk();
  useSpokenSentence('taxi-confirming', ['taxi.confirm.heading', 'taxi.confirm.body']);
  return (
    <Screen
      name="taxiConfirming"
      heading={t('taxi.confirm.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('taxi.confirm.button')} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      <p class="notice">{t('taxi.confirm.body')}</p>
      <dl class="summary" data-testid="review">
        <dt>{t('taxi.confirm.destination')}</dt>
        <dd data-testid="review-destination">{destination}</dd>
        <dt>{t('taxi.confirm.phone')}</dt>
        <dd data-testid="review-phone">{phone}</dd>
      </dl>
    </Screen>
  );
}

/** Renders whichever step of 一键叫车 the flow is in; the plate and ETA come on the receipt. */
export function TaxiHailingFlowView({ flow }: { flow: FlowRef }) {
  const { t, locale } = useKiosk();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  if (snapshot.matches('notEligible')) {
    return <NotEligibleScreen serviceName={localized(locale, findService('taxi-hailing').name)} eligibility={context.eligibility} />;
  }
  if (snapshot.matches('noCentre')) return <NoCentreScreen />;
  if (snapshot.matches('choosingDestination')) return <DestinationScreen homeMasked={context.identity.person.registeredAddressMasked} />;
  if (snapshot.matches('enteringPhone')) {
    return <PhoneEntryScreen name="taxiPhone" heading="taxi.phone.heading" body="taxi.phone.body" phone={context.phone} error={context.phoneError} />;
  }
  if (snapshot.matches('confirming') && context.destination) {
    const destination = t(context.destination === 'home' ? 'taxi.destination.home' : 'taxi.destination.tell-driver');
    return <ConfirmScreen destination={destination} phone={context.phone} />;
  }
  if (snapshot.matches('submitting')) return <SubmittingScreen />;
  if (snapshot.matches('submitFailed')) return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  return null;
}
