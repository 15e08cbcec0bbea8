import type { ApplicationView } from '@eldercare/domain';
import { Fragment } from 'preact';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';
import { screenDetailLines, spokenDetails } from './receipt-details';

export function PrintingScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('printing');
  return (
    <Screen name="printing" heading={t('kiosk.printing.heading')}>
      <p class="lead">{t('kiosk.printing.body')}</p>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

export type ReceiptOutcome = 'printed' | 'failed' | 'held';

const RECEIPT_TEXT = {
  printed: { screen: 'receiptPrinted', heading: 'kiosk.receipt.heading', body: 'kiosk.receipt.body' },
  failed: { screen: 'receiptPrintFailed', heading: 'kiosk.receipt.printFailedHeading', body: 'kiosk.receipt.printFailedBody' },
  held: { screen: 'receiptPrintHeld', heading: 'kiosk.receipt.printHeldHeading', body: 'kiosk.receipt.printHeldBody' },
} as const;

/**
 * After submitting: the receipt printed; or it did not (the number stays on screen, 再打印一次);
 * or the printer holds it until staff fix a fault (it prints by itself, so no reprint button).
 * Under the number, what came of it (the application's details, masked by the server): for a
 * service done at once (a taxi's plate and ETA, a voucher's number) the senior needs it now,
 * not only on paper. The voice reads the lines after the prompt.
 */
export function ReceiptScreen({ application, outcome }: { application: ApplicationView; outcome: ReceiptOutcome }) {
  const { t, send, locale } = useKiosk();
  const text = RECEIPT_TEXT[outcome];
  const printed = outcome === 'printed';
  const details = screenDetailLines(application, locale);
  useSpokenPrompt(text.screen, spokenDetails(details));
  return (
    <Screen
      name={text.screen}
      heading={t(text.heading)}
      actions={
        <>
          {outcome === 'failed' && (
            <BigButton variant="primary" label={t('kiosk.receipt.printAgain')} testId="print-again" onTap={() => send({ type: 'receipt.print' })} />
          )}
          <BigButton label={t('kiosk.receipt.more')} testId="more" onTap={() => send({ type: 'session.more' })} />
          <BigButton variant={printed ? 'primary' : 'secondary'} label={t('kiosk.end')} testId="end" onTap={() => send({ type: 'session.end' })} />
        </>
      }
    >
      {/* The tick gives way to the result when there is one: the lines must fit one screen. */}
      {printed && details.length === 0 && (
        <div class="success-mark" aria-hidden="true">
          ✓
        </div>
      )}
      <p class="lead">{t(text.body)}</p>
      <p>{t('kiosk.receipt.numberLabel')}</p>
      <p class="application-no" data-testid="application-no">
        {application.applicationNo}
      </p>
      {details.length > 0 && (
        <dl class="summary" data-testid="receipt-details">
          {details.map((line, i) => (
            <Fragment key={i}>
              <dt>{line.label}</dt>
              <dd data-testid="receipt-detail">{line.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </Screen>
  );
}

export function GoodbyeScreen() {
  const { t } = useKiosk();
  useSpokenPrompt('goodbye');
  return (
    <Screen name="goodbye" heading={t('kiosk.goodbye.heading')}>
      <p class="lead">{t('kiosk.goodbye.body')}</p>
    </Screen>
  );
}
