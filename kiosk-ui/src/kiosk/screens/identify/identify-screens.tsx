import { isMessageKey } from '@eldercare/domain';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

export function IdentifyingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('identifying');
  return (
    <Screen name="identifying" heading={t('kiosk.identifying.heading')}>
      <p class="lead">{t('kiosk.identifying.body')}</p>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

export function IdentifyFailedScreen({ errorCode }: { errorCode: string | null }) {
  const { t, send } = useKiosk();
  useSpokenPrompt('identifyFailed');
  const key = `error.${errorCode ?? ''}`;
  return (
    <Screen
      name="identifyFailed"
      heading={t('kiosk.identifyFailed.heading')}
      actions={<BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'session.retry' })} />}
    >
      {isMessageKey(key) && <p class="notice">{t(key)}</p>}
      <p class="lead">{t('kiosk.identifyFailed.body')}</p>
    </Screen>
  );
}
