import { findService, localized, type JointServiceKey } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { serviceNameClip } from '../../spoken-keys';
import { useSpokenSentence } from '../../use-spoken-sentence';

/**
 * 一次告知 (2): for exactly the chosen services, in the order they are handled, their
 * conditions, handling order, materials and commitments (the catalogue's texts, the same data
 * GET /api/v1/services serves). One service per page, paged with 上一项/下一项: the kiosk
 * allows no gesture but a tap, and three notices at once are taller than the screen. Paging
 * stays in this view (no flow event), so it adds no step to the flow; 我已知晓，继续 is on
 * every page.
 */
export function JointNoticeScreen({ selected }: { selected: readonly JointServiceKey[] }) {
  const { t, locale, send } = useKiosk();
  const services = selected.map((key) => findService(key)).sort((a, b) => (a.handlingOrder?.step ?? 0) - (b.handlingOrder?.step ?? 0));
  const [page, setPage] = useState(0);
  const index = Math.min(page, services.length - 1);
  const service = services[index];
  const paged = services.length > 1;
  const body = t('kiosk.joint.notice.body', { count: services.length });
  const position = t('kiosk.joint.notice.page', { n: index + 1, total: services.length });
  const serviceName = service ? localized(locale, service.name) : '';
  useSpokenSentence(`notice-${index}`, ['kiosk.joint.notice.heading', { text: index === 0 ? body : '' }, { text: paged ? position : '' }, { text: serviceName, ...(service && { clip: serviceNameClip(service.key) }) }]);
  return (
    <Screen
      name="jointNotice"
      heading={t('kiosk.joint.notice.heading')}
      actions={
        <>
          {paged && (
            <div class="joint-notice-paging">
              {index > 0 ? (
                <BigButton compact label={t('kiosk.joint.notice.previous')} testId="notice-previous" onTap={() => setPage(index - 1)} />
              ) : (
                <span />
              )}
              <p class="joint-notice-position" data-testid="notice-position">
                {position}
              </p>
              {index + 1 < services.length ? (
                <BigButton compact label={t('kiosk.joint.notice.next')} testId="notice-next" onTap={() => setPage(index + 1)} />
              ) : (
                <span />
              )}
            </div>
          )}
          <div class="joint-notice-finish">
            <FlowBackButton />
            <BigButton variant="primary" label={t('kiosk.joint.notice.continue')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          </div>
        </>
      }
    >
      <p>{body}</p>
      {service && (
        <div class="joint-notice">
          <section key={service.key} data-testid={`notice-${service.key}`}>
            <h2>{serviceName}</h2>
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
        </div>
      )}
    </Screen>
  );
}
