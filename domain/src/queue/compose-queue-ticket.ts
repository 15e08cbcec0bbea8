import type { IssuedTicket } from '../contracts/queue-api';
import { localized, translate, type Locale } from '../i18n/translate';
import type { ReceiptBlock, ReceiptDocument } from '../receipt/receipt-document';
import { shanghaiDateTime } from '../time/local-date';

export interface QueueTicketOptions {
  locale: Locale;
  /** The centre's name (CentreView.name), printed at the top. */
  centreName: { zh: string; en: string };
}

/** The ticket printer's job id for a ticket: printing it again (再打印一次) prints it once. */
export function queueTicketJobId(ticket: Pick<IssuedTicket, 'centreId' | 'date' | 'ticketNo'>): string {
  return `ticket.${ticket.centreId}.${ticket.date}.${ticket.ticketNo}`;
}

/**
 * The paper queue ticket (取号凭条). Built only from the server's IssuedTicket, which holds no name
 * and no ID number, so neither can reach the printer. The priority classes are not named on the
 * paper either: 优先 is enough for the hall, and why is the person's own business.
 */
export function composeQueueTicket(ticket: IssuedTicket, options: QueueTicketOptions): ReceiptDocument {
  const { locale } = options;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
  const wait =
    ticket.estimatedWaitMinutes === null
      ? t('queueTicket.print.estimatedWaitUnknown')
      : t('queueTicket.print.estimatedWaitValue', { minutes: ticket.estimatedWaitMinutes });
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: localized(locale, options.centreName), align: 'center', bold: true },
    { kind: 'heading', text: t('queueTicket.print.title') },
    { kind: 'rule' },
    { kind: 'text', text: ticket.ticketNo, align: 'center', bold: true, size: 'large' },
    ...(ticket.priority.length > 0
      ? [{ kind: 'text', text: t('queueTicket.print.priority'), align: 'center', bold: true, size: 'large' } as const]
      : []),
    { kind: 'text', text: `${ticket.category.code} ${localized(locale, ticket.category.name)}`, align: 'center' },
    { kind: 'rule' },
    { kind: 'field', label: t('queueTicket.print.peopleAhead'), value: t('queueTicket.print.peopleAheadValue', { count: ticket.peopleAhead }) },
    { kind: 'field', label: t('queueTicket.print.estimatedWait'), value: wait },
    { kind: 'field', label: t('queueTicket.print.issuedAt'), value: shanghaiDateTime(new Date(ticket.issuedAt)) },
    { kind: 'qr', data: ticket.qr, caption: t('queueTicket.print.qrCaption') },
    { kind: 'text', text: t('queueTicket.print.note') },
  ];
  return { id: queueTicketJobId(ticket), blocks };
}
