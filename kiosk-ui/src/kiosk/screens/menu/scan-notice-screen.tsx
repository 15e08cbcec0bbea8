import type { ScanNotice } from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

const WORDS = {
  'receipt-needs-card': ['kioskMenu.scan.receiptNeedsCard.heading', 'kioskMenu.scan.receiptNeedsCard.body'],
  'queue-ticket': ['kioskMenu.scan.queueTicket.heading', 'kioskMenu.scan.queueTicket.body'],
  'personal-code': ['kioskMenu.scan.personalCode.heading', 'kioskMenu.scan.personalCode.body'],
  rejected: ['kioskMenu.scan.rejected.heading', 'kioskMenu.scan.rejected.body'],
} as const;

/** The welcome screen's answer to a scan that opens nothing: what the code is and what to do. */
export function ScanNoticeScreen({ notice }: { notice: ScanNotice }) {
  const { t, send } = useKiosk();
  const [headingKey, bodyKey] = WORDS[notice.kind];
  const heading = t(headingKey, notice.kind === 'queue-ticket' ? { ticketNo: notice.ticketNo } : {});
  const body = t(bodyKey);
  useSpokenSentence(`scan-${notice.kind}`, [notice.kind === 'queue-ticket' ? { text: heading } : headingKey, bodyKey]);
  return (
    <Screen
      name="scanNotice"
      heading={heading}
      actions={<BigButton variant="primary" label={t('kioskMenu.scan.ok')} testId="scan-ok" onTap={() => send({ type: 'session.end' })} />}
    >
      <p class="lead" data-testid="scan-notice" data-kind={notice.kind}>
        {body}
      </p>
    </Screen>
  );
}
