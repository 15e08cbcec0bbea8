import { findService, localized, type AllowanceChannel } from '@eldercare/domain';
import { otherAllowanceChannel, type allowanceChannelFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';

type FlowRef = ActorRefFrom<typeof allowanceChannelFlow>;

function useChannelName() {
  const { t } = useKiosk();
  return (channel: AllowanceChannel) => t(`channel.${channel}`);
}

function CurrentChannelScreen({ current }: { current: AllowanceChannel }) {
  const { t, send } = useKiosk();
  const name = useChannelName();
  const sentence = t('kiosk.allowance.current', { channel: name(current) });
  useSpokenPrompt('allowanceCurrent', sentence);
  return (
    <Screen
      name="allowanceCurrent"
      heading={t('kiosk.allowance.currentHeading')}
      actions={
        <>
          <BigButton
            variant="primary"
            label={t('kiosk.allowance.keep')}
            testId="keep"
            onTap={() => send({ type: 'channel.keep' })}
          />
          <BigButton
            label={t('kiosk.allowance.changeTo', { channel: name(otherAllowanceChannel(current)) })}
            testId="change"
            onTap={() => send({ type: 'channel.change' })}
          />
          <FlowBackButton />
        </>
      }
    >
      <p class="lead">{sentence}</p>
    </Screen>
  );
}

function ChoosingScreen() {
  const { t, send } = useKiosk();
  useSpokenPrompt('allowanceChoosing');
  return (
    <Screen
      name="allowanceChoosing"
      heading={t('kiosk.allowance.chooseHeading')}
      actions={
        <>
          <BigButton
            variant="primary"
            label={t('channel.senior-card')}
            hint={t('kiosk.allowance.seniorCardHint')}
            testId="channel-senior-card"
            onTap={() => send({ type: 'channel.choose', channel: 'senior-card' })}
          />
          <BigButton
            variant="primary"
            label={t('channel.social-security-card')}
            hint={t('kiosk.allowance.socialSecurityHint')}
            testId="channel-social-security-card"
            onTap={() => send({ type: 'channel.choose', channel: 'social-security-card' })}
          />
          <FlowBackButton />
        </>
      }
    >
      <p class="lead">{t('kiosk.allowance.chooseBody')}</p>
    </Screen>
  );
}

function ConfirmingScreen({ channel }: { channel: AllowanceChannel }) {
  const { t, send } = useKiosk();
  const name = useChannelName();
  useSpokenPrompt('allowanceConfirming', `${t('kiosk.allowance.confirmBody')} ${name(channel)}`);
  return (
    <Screen
      name="allowanceConfirming"
      heading={t('kiosk.allowance.confirmHeading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.confirm')} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      <p class="lead">{t('kiosk.allowance.confirmBody')}</p>
      <p class="application-no" data-testid="chosen-channel">
        {name(channel)}
      </p>
    </Screen>
  );
}

/** Renders whichever step of 选择老年综合津贴领取渠道 the flow is in. */
export function AllowanceChannelFlowView({ flow }: { flow: FlowRef }) {
  const { locale } = useKiosk();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  if (snapshot.matches('notEligible')) {
    return <NotEligibleScreen serviceName={localized(locale, findService('allowance-channel').name)} eligibility={context.eligibility} />;
  }
  if (snapshot.matches('currentChannel') && context.currentChannel) return <CurrentChannelScreen current={context.currentChannel} />;
  if (snapshot.matches('choosing')) return <ChoosingScreen />;
  if (snapshot.matches('confirming') && context.channel) return <ConfirmingScreen channel={context.channel} />;
  if (snapshot.matches('submitting')) return <SubmittingScreen />;
  if (snapshot.matches('submitFailed')) return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  return null;
}
