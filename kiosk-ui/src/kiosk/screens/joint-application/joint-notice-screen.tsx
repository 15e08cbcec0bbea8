import { findService, localized, type JointServiceKey } from '@eldercare/domain';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

/**
 * 一次告知 (2): for exactly the chosen services, in the order they are handled, their
 * conditions, handling order, materials and commitments (the catalogue's texts, the same data
 * GET /api/v1/services serves).
 */
export function JointNoticeScreen({ selected }: { selected: readonly JointServiceKey[] }) {
  const { t, locale, send } = useKiosk();
  const services = selected.map((key) => findService(key)).sort((a, b) => (a.handlingOrder?.step ?? 0) - (b.handlingOrder?.step ?? 0));
  const body = t('kiosk.joint.notice.body', { count: services.length });
  useSpokenSentence('notice', `${t('kiosk.joint.notice.heading')} ${body}`);
  return (
    <Screen
      name="jointNotice"
      heading={t('kiosk.joint.notice.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.joint.notice.continue')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <p>{body}</p>
      <div class="joint-notice">
        {services.map((service) => (
          <section key={service.key} data-testid={`notice-${service.key}`}>
            <h2>{localized(locale, service.name)}</h2>
            <h3>{t('kiosk.joint.notice.conditions')}</h3>
            <p>{localized(locale, service.conditionText)}</p>
            {service.handlingOrder && (
              <>
                <h3>{t('kiosk.joint.notice.order')}</h3>
                <p>{t('kiosk.joint.notice.step', { step: service.handlingOrder.step, text: localized(locale, service.handlingOrder.text) })}</p>
              </>
            )}
            <h3>{t('kiosk.joint.notice.materials')}</h3>
            <ul>
              {service.materials.map((m) => (
                <li key={m.zh}>{localized(locale, m)}</li>
              ))}
            </ul>
            <h3>{t('kiosk.joint.notice.commitments')}</h3>
            <ul>
              {service.commitments.map((c) => (
                <li key={c.zh}>{localized(locale, c)}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Screen>
  );
}
