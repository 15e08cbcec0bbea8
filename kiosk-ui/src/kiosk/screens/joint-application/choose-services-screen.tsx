import { findService, formatDate, JOINT_SERVICE_KEYS, localized, type JointOptionsView, type JointServiceKey } from '@eldercare/domain';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

interface ChooseServicesProps {
  joint: JointOptionsView;
  selected: readonly JointServiceKey[];
  noneChosen: boolean;
}

/** 一次告知 (1): the three services, the available ones chosen; a tap adds or removes one. */
export function ChooseServicesScreen({ joint, selected, noneChosen }: ChooseServicesProps) {
  const { t, locale, send } = useKiosk();
  const reassessment =
    joint.reassessmentDue && joint.assessmentValidUntil
      ? t('kiosk.joint.choose.reassessment', { date: formatDate(locale, joint.assessmentValidUntil) })
      : null;
  useSpokenSentence('choose', ['kiosk.joint.choose.heading', 'kiosk.joint.choose.body', { text: reassessment ?? '' }]);
  return (
    <Screen
      name="jointChoose"
      heading={t('kiosk.joint.choose.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.next')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <p>{t('kiosk.joint.choose.body')}</p>
      {reassessment && (
        <p class="notice" data-testid="reassessment">
          {reassessment}
        </p>
      )}
      <div class="joint-services" role="group">
        {JOINT_SERVICE_KEYS.map((key) => {
          const option = joint.options.find((o) => o.serviceKey === key);
          const name =
            key === 'ltc-assessment' && joint.reassessmentDue
              ? t('kiosk.joint.choose.reassessmentName')
              : localized(locale, findService(key).shortName);
          if (!option || option.availability === 'no') {
            return (
              <div key={key} class="big-button joint-service unavailable" aria-disabled="true" data-testid={`service-${key}`}>
                <span class="label">{name}</span>
                <span class="status">{t('kiosk.joint.choose.unavailable')}</span>
                {option?.reasons.map((r) => (
                  <span key={r.code} class="reason">
                    {localized(locale, r.text)}
                  </span>
                ))}
              </div>
            );
          }
          const chosen = selected.includes(key);
          return (
            <button
              key={key}
              type="button"
              class={`big-button joint-service ${chosen ? 'primary' : 'secondary'}`}
              aria-pressed={chosen}
              data-testid={`service-${key}`}
              onClick={() => send({ type: 'option.toggle', value: key })}
            >
              <span class="label">{name}</span>
              <span class={`status ${chosen ? 'chosen' : ''}`}>{t(chosen ? 'kiosk.joint.choose.selected' : 'kiosk.joint.choose.notSelected')}</span>
              {option.availability === 'with-assessment' && <span class="hint">{t('kiosk.joint.choose.waitsForAssessment')}</span>}
            </button>
          );
        })}
      </div>
      {noneChosen && (
        <p class="field-error" role="alert" data-testid="none-chosen">
          {t('kiosk.joint.choose.noneChosen')}
        </p>
      )}
    </Screen>
  );
}
