import type { ApplicationView } from '../contracts/server-api';
import { localized, translate, type Locale } from '../i18n/translate';
import { shanghaiDateTime } from '../time/local-date';
import type { ReceiptBlock, ReceiptDocument } from './receipt-document';

export interface ReceiptOptions {
  locale: Locale;
  /** The centre's name, printed at the foot (e.g. 长宁区新泾镇社区事务受理服务中心). */
  centreName?: string;
}

/** The service-specific lines of a receipt. */
function answerFields(app: ApplicationView, locale: Locale): ReceiptBlock[] {
  const a = app.answers;
  const fields: ReceiptBlock[] = [];
  const field = (label: Parameters<typeof translate>[1], value: string) =>
    fields.push({ kind: 'field', label: translate(locale, label), value });
  if (a.channel) field('receipt.allowance.channel', translate(locale, `channel.${a.channel}`));
  if (a.previousChannel) field('receipt.allowance.previousChannel', translate(locale, `channel.${a.previousChannel}`));
  if (a.phoneMasked) field('receipt.seniorCard.phone', a.phoneMasked);
  if (a.delivery) field('receipt.seniorCard.delivery', translate(locale, `delivery.${a.delivery}`));
  if (a.mailingAddressMasked) field('receipt.seniorCard.address', a.mailingAddressMasked);
  return fields;
}

const NOTES: Partial<Record<string, Parameters<typeof translate>[1]>> = {
  'allowance-channel': 'receipt.allowance.note',
  'senior-card': 'receipt.seniorCard.note',
};

/**
 * The receipt a senior takes home. Built only from the server's masked application view, so
 * the full ID number and full name can never reach the printer.
 */
export function composeApplicationReceipt(app: ApplicationView, options: ReceiptOptions): ReceiptDocument {
  const { locale } = options;
  const note = NOTES[app.serviceKey];
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: translate(locale, 'receipt.header'), align: 'center', bold: true },
    { kind: 'heading', text: translate(locale, 'receipt.title') },
    { kind: 'rule' },
    { kind: 'field', label: translate(locale, 'receipt.service'), value: localized(locale, app.serviceName) },
    { kind: 'field', label: translate(locale, 'receipt.applicant'), value: app.applicantNameMasked },
    { kind: 'field', label: translate(locale, 'receipt.idNumber'), value: app.idNumberMasked },
    ...answerFields(app, locale),
    { kind: 'field', label: translate(locale, 'receipt.status'), value: translate(locale, `status.${app.status}`) },
    { kind: 'rule' },
    { kind: 'text', text: translate(locale, 'receipt.applicationNo'), align: 'center' },
    { kind: 'text', text: app.applicationNo, align: 'center', bold: true, size: 'large' },
    { kind: 'qr', data: app.applicationNo, caption: translate(locale, 'receipt.qrCaption') },
    { kind: 'field', label: translate(locale, 'receipt.submittedAt'), value: shanghaiDateTime(new Date(app.submittedAt)) },
    { kind: 'rule' },
  ];
  if (note) blocks.push({ kind: 'text', text: translate(locale, note) });
  blocks.push({ kind: 'text', text: translate(locale, 'receipt.keep') });
  if (options.centreName) blocks.push({ kind: 'text', text: options.centreName, align: 'center' });
  return { id: `${app.applicationNo}-r1`, blocks };
}
