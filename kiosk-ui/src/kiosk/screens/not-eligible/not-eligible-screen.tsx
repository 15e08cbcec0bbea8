import { localized, type EligibilityView } from '@eldercare/domain';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

/** Why a service does not apply, and the way back — never a dead end. */
export function NotEligibleScreen({ serviceName, eligibility }: { serviceName: string; eligibility: EligibilityView }) {
  const { t, locale } = useKiosk();
  const reasons = eligibility.reasons.map((r) => localized(locale, r.text));
  useSpokenPrompt('notEligible', reasons.join(' '));
  return (
    <Screen
      name="notEligible"
      heading={t('kiosk.notEligible.heading')}
      actions={<FlowBackButton variant="primary" />}
    >
      <p class="lead">{serviceName}</p>
      <p>{t('kiosk.notEligible.body')}</p>
      <ul class="reasons" data-testid="reasons">
        {reasons.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </Screen>
  );
}
