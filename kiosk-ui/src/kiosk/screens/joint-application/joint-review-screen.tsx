import { findService, localized, type JointAnswers, type MessageKey, type ProxyRequest } from '@eldercare/domain';
import { Fragment } from 'preact';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

/**
 * Every answer on one screen before 确认提交: the answers exactly as they will be sent (null
 * when the form is incomplete, which the flow also refuses to submit). Labels and values are
 * the receipt's (applications.details.*), so the screen and the printout read the same.
 */
export function JointReviewScreen({ answers, proxy }: { answers: JointAnswers | null; proxy: ProxyRequest | null }) {
  const { t, locale, send } = useKiosk();
  useSpokenSentence('review', ['kiosk.joint.review.heading', 'kiosk.joint.review.body']);
  const detail = (label: MessageKey, value: string) => [t(label), value] as const;
  const word = (prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);
  const rows: (readonly [string, string])[] = [];
  if (answers) {
    rows.push(detail('applications.details.services', answers.services.map((k) => localized(locale, findService(k).shortName)).join('、')));
    const { assessment, subsidy, careHome } = answers;
    if (assessment) {
      rows.push(
        detail('applications.details.reassessment', t(assessment.reassessment ? 'applications.details.reassessment.yes' : 'applications.details.reassessment.no')),
        detail('applications.details.insurance', word('applications.details.insurance', assessment.insurance)),
        detail('applications.details.mobility', word('applications.details.mobility', assessment.mobility)),
        detail('applications.details.visitAt', word('applications.details.visitAt', assessment.visitAt)),
      );
    }
    if (subsidy) rows.push(detail('applications.details.serviceForm', word('applications.details.serviceForm', subsidy.serviceForm)));
    if (careHome) {
      rows.push(
        detail('applications.details.careHomePreference', word('applications.details.careHomePreference', careHome.preference)),
        detail('applications.details.acceptWaitingList', t(careHome.acceptWaitingList ? 'kiosk.joint.q.waitingList.yes' : 'kiosk.joint.q.waitingList.no')),
      );
    }
    rows.push(detail('kiosk.joint.review.phone', answers.phone));
    if (proxy) rows.push(detail('applications.receipt.proxyRelationship', t(`applications.relationship.${proxy.relationship}`)));
  }
  return (
    <Screen
      name="jointReview"
      heading={t('kiosk.joint.review.heading')}
      actions={
        <>
          {answers && <BigButton variant="primary" label={t('kiosk.confirm')} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />}
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      <p>{t('kiosk.joint.review.body')}</p>
      {answers ? (
        <dl class="summary" data-testid="review">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p class="field-error" role="alert">
          {t('kiosk.joint.review.incomplete')}
        </p>
      )}
    </Screen>
  );
}
