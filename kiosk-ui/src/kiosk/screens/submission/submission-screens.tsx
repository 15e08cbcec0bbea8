import { isMessageKey } from '@eldercare/domain';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

export function SubmittingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('submitting');
  return (
    <Screen name="submitting" heading={t('kiosk.submitting.heading')}>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

/** The answers are kept: "try again" resends the same request with the same idempotency key. */
export function SubmitFailedScreen({ errorCode }: { errorCode: string | null }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('submitFailed');
  const key = `error.${errorCode ?? ''}`;
  return (
    <Screen
      name="submitFailed"
      heading={t('kiosk.submitFailed.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'flow.retry' })} />
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      {isMessageKey(key) ? <p class="notice">{t(key)}</p> : <p class="lead">{t('kiosk.submitFailed.body')}</p>}
    </Screen>
  );
}
