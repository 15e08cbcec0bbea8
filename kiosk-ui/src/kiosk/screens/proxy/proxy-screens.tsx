import { PROXY_RELATIONSHIPS, type IdentifyResponse, type MessageKey, type ProxyRelationship } from '@eldercare/domain';
import type { ProxyScreen } from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';
import { CARD_SCREENS } from './proxy-card-screens';
import './proxy-screens.css';

const RELATIONSHIP_NAMES: Record<ProxyRelationship, MessageKey> = {
  spouse: 'kioskMenu.proxy.relationship.spouse',
  child: 'kioskMenu.proxy.relationship.child',
  relative: 'kioskMenu.proxy.relationship.relative',
  'eldercare-adviser': 'kioskMenu.proxy.relationship.eldercare-adviser',
  'committee-worker': 'kioskMenu.proxy.relationship.committee-worker',
};

function CancelButton() {
  const { t, send } = useKiosk();
  return <BigButton compact testId="proxy-cancel" label={t('kioskMenu.proxy.cancel')} onTap={() => send({ type: 'proxy.cancel' })} />;
}

function CardStep({ screen, applicant }: { screen: keyof typeof CARD_SCREENS; applicant: IdentifyResponse }) {
  const { t, send } = useKiosk();
  const { heading: headingKey, body: bodyKey, canRetry, bodyNamesApplicant } = CARD_SCREENS[screen];
  const heading = t(headingKey);
  const body = t(bodyKey, { applicant: applicant.person.nameMasked });
  useSpokenSentence(screen, [headingKey, bodyNamesApplicant ? { text: body } : bodyKey]);
  return (
    <Screen
      name={screen}
      heading={heading}
      actions={
        <>
          {canRetry && (
            <BigButton variant="primary" testId="proxy-retry" label={t('kioskMenu.proxy.retry')} onTap={() => send({ type: 'session.retry' })} />
          )}
          <CancelButton />
        </>
      }
    >
      <p class="lead">{body}</p>
      {screen !== 'proxyIdentifying' && (
        <div class="card-illustration" aria-hidden="true">
          {t('kiosk.card.label')}
        </div>
      )}
    </Screen>
  );
}

function RelationshipStep({ applicant, senior }: { applicant: IdentifyResponse; senior: IdentifyResponse }) {
  const { t, send } = useKiosk();
  const heading = t('kioskMenu.proxy.relationship.heading');
  useSpokenSentence('proxyRelationship', ['kioskMenu.proxy.relationship.heading']);
  return (
    <Screen name="proxyRelationship" heading={heading} actions={<CancelButton />}>
      <p class="lead">{t('kioskMenu.proxy.relationship.body', { applicant: applicant.person.nameMasked, senior: senior.person.nameMasked })}</p>
      <div class="proxy-relationships">
        {PROXY_RELATIONSHIPS.map((relationship) => (
          <BigButton
            key={relationship}
            variant="primary"
            testId={`proxy-relationship-${relationship}`}
            label={t(RELATIONSHIP_NAMES[relationship])}
            onTap={() => send({ type: 'proxy.relationship', relationship })}
          />
        ))}
      </div>
    </Screen>
  );
}

function ConsentStep({ applicant, senior, relationship }: { applicant: IdentifyResponse; senior: IdentifyResponse; relationship: ProxyRelationship }) {
  const { t, send } = useKiosk();
  const heading = t('kioskMenu.proxy.consent.heading');
  const body = t('kioskMenu.proxy.consent.body', {
    senior: senior.person.nameMasked,
    applicant: applicant.person.nameMasked,
    relationship: t(RELATIONSHIP_NAMES[relationship]),
  });
  useSpokenSentence('proxyConsent', ['kioskMenu.proxy.consent.heading', { text: body }]);
  return (
    <Screen
      name="proxyConsent"
      heading={heading}
      actions={
        <>
          <BigButton variant="primary" testId="proxy-consent" label={t('kioskMenu.proxy.consent.agree')} onTap={() => send({ type: 'proxy.confirm' })} />
          <BigButton testId="proxy-back" label={t('kioskMenu.proxy.consent.back')} onTap={() => send({ type: 'proxy.back' })} />
          <CancelButton />
        </>
      }
    >
      <p class="lead" data-testid="proxy-consent-question">
        {body}
      </p>
      <p>{t('kioskMenu.proxy.consent.note')}</p>
    </Screen>
  );
}

/**
 * 代办 set-up: the senior's card, the relationship, the senior's consent. `applicant` is the
 * person identified first; `senior` is known from the relationship screen on.
 */
export function ProxyScreens({
  screen,
  applicant,
  senior,
  relationship,
}: {
  screen: ProxyScreen;
  applicant: IdentifyResponse;
  senior: IdentifyResponse | null;
  relationship: ProxyRelationship | null;
}) {
  if (screen === 'proxyRelationship') return senior ? <RelationshipStep applicant={applicant} senior={senior} /> : null;
  if (screen === 'proxyConsent') {
    return senior && relationship ? <ConsentStep applicant={applicant} senior={senior} relationship={relationship} /> : null;
  }
  return <CardStep screen={screen} applicant={applicant} />;
}
