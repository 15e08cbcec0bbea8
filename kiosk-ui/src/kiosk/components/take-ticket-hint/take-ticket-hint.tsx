import type { MessageKey } from '@eldercare/domain';
import { useKiosk } from '../../kiosk-context';

/**
 * The line under a 取号 button: its usual hint, or, when the ticket printer cannot print, that
 * the number will be on screen (said before the person takes one, not after).
 */
export function TakeTicketHint({ fallback }: { fallback: MessageKey }) {
  const { t, ticketPrinterNotice } = useKiosk();
  if (!ticketPrinterNotice) return <>{t(fallback)}</>;
  return (
    <strong class="ticket-printer-notice" data-testid="ticket-printer-notice">
      {t(ticketPrinterNotice)}
    </strong>
  );
}
