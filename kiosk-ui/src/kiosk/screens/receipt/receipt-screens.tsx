import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';

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

export function ReceiptScreen({ applicationNo, printed }: { applicationNo: string; printed: boolean }) {
  const { t, send } = useKiosk();
  useSpokenPrompt(printed ? 'receiptPrinted' : 'receiptPrintFailed');
  return (
    <Screen
      name={printed ? 'receiptPrinted' : 'receiptPrintFailed'}
      heading={t(printed ? 'kiosk.receipt.heading' : 'kiosk.receipt.printFailedHeading')}
      actions={
        <>
          {!printed && (
            <BigButton variant="primary" label={t('kiosk.receipt.printAgain')} testId="print-again" onTap={() => send({ type: 'receipt.print' })} />
          )}
          <BigButton label={t('kiosk.receipt.more')} testId="more" onTap={() => send({ type: 'session.more' })} />
          <BigButton variant={printed ? 'primary' : 'secondary'} label={t('kiosk.end')} testId="end" onTap={() => send({ type: 'session.end' })} />
        </>
      }
    >
      {printed && (
        <div class="success-mark" aria-hidden="true">
          ✓
        </div>
      )}
      <p class="lead">{t(printed ? 'kiosk.receipt.body' : 'kiosk.receipt.printFailedBody')}</p>
      <p>{t('kiosk.receipt.numberLabel')}</p>
      <p class="application-no" data-testid="application-no">
        {applicationNo}
      </p>
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
