import { APPLICATION_TYPES, findService, SERVICE_KEYS } from '../catalogue/service-catalogue';
import type { Localized } from '../catalogue/service-definition';
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

type MessageKey = Parameters<typeof translate>[1];

const NOTES: Partial<Record<string, MessageKey>> = {
  'allowance-channel': 'receipt.allowance.note',
  'senior-card': 'receipt.seniorCard.note',
  'ltc-joint': 'applications.receipt.note.ltc-joint',
  'home-visit': 'applications.receipt.note.home-visit',
  'sports-voucher': 'applications.receipt.note.sports-voucher',
};

/** A part's service in a few words: the catalogue's short name, or the application type's name. */
function shortName(serviceKey: string): Localized {
  if ((SERVICE_KEYS as readonly string[]).includes(serviceKey)) return findService(serviceKey).shortName;
  return APPLICATION_TYPES[serviceKey as keyof typeof APPLICATION_TYPES]?.name ?? { zh: serviceKey, en: serviceKey };
}

/** 代办: who applied for the senior (masked) and how they are related. */
function proxyFields(app: ApplicationView, locale: Locale): ReceiptBlock[] {
  if (!app.proxy) return [];
  return [
    { kind: 'field', label: translate(locale, 'applications.receipt.proxy'), value: `${app.proxy.nameMasked} ${app.proxy.idNumberMasked}` },
    {
      kind: 'field',
      label: translate(locale, 'applications.receipt.proxyRelationship'),
      value: translate(locale, `applications.relationship.${app.proxy.relationship}`),
    },
  ];
}

/** 分别办理: one line per part, naming its service, its department and where it stands. */
function partLines(app: ApplicationView, locale: Locale): ReceiptBlock[] {
  if (app.parts.length === 0) return [];
  return [
    { kind: 'text', text: translate(locale, 'applications.receipt.parts'), bold: true },
    ...app.parts.map(
      (part): ReceiptBlock => ({
        kind: 'text',
        text: translate(locale, 'applications.receipt.part', {
          service: localized(locale, shortName(part.serviceKey)),
          department: localized(locale, part.departmentName),
          status: translate(locale, `applications.partStatus.${part.status}`),
        }),
      }),
    ),
  ];
}

/** 一次告知: conditions, order, materials and commitments of exactly the services chosen. */
function jointNotice(app: ApplicationView, locale: Locale): ReceiptBlock[] {
  if (app.serviceKey !== 'ltc-joint') return [];
  const sep = translate(locale, 'applications.separator');
  const blocks: ReceiptBlock[] = [{ kind: 'heading', text: translate(locale, 'applications.receipt.notice.title') }];
  const services = app.parts.map((p) => findService(p.serviceKey)).sort((a, b) => (a.handlingOrder?.step ?? 0) - (b.handlingOrder?.step ?? 0));
  for (const service of services) {
    const materials = service.materials.map((m) => localized(locale, m)).join(sep) || translate(locale, 'applications.receipt.notice.noMaterials');
    blocks.push(
      { kind: 'text', text: localized(locale, service.name), bold: true },
      { kind: 'text', text: translate(locale, 'applications.receipt.notice.conditions', { text: localized(locale, service.conditionText) }) },
    );
    if (service.handlingOrder) {
      const { step, text } = service.handlingOrder;
      blocks.push({ kind: 'text', text: translate(locale, 'applications.receipt.notice.order', { step, text: localized(locale, text) }) });
    }
    blocks.push(
      { kind: 'text', text: translate(locale, 'applications.receipt.notice.materials', { text: materials }) },
      ...service.commitments.map(
        (c): ReceiptBlock => ({ kind: 'text', text: translate(locale, 'applications.receipt.notice.commitments', { text: localized(locale, c) }) }),
      ),
    );
  }
  blocks.push({ kind: 'rule' });
  return blocks;
}

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
    ...proxyFields(app, locale),
    ...answerFields(app, locale),
    ...(app.details ?? []).map((d): ReceiptBlock => ({ kind: 'field', label: localized(locale, d.label), value: localized(locale, d.value) })),
    { kind: 'field', label: translate(locale, 'receipt.status'), value: translate(locale, `status.${app.status}`) },
    ...partLines(app, locale),
    { kind: 'rule' },
    { kind: 'text', text: translate(locale, 'receipt.applicationNo'), align: 'center' },
    { kind: 'text', text: app.applicationNo, align: 'center', bold: true, size: 'large' },
    { kind: 'qr', data: app.receiptCode ?? app.applicationNo, caption: translate(locale, 'receipt.qrCaption') },
    { kind: 'field', label: translate(locale, 'receipt.submittedAt'), value: shanghaiDateTime(new Date(app.submittedAt)) },
    { kind: 'rule' },
    ...jointNotice(app, locale),
  ];
  if (note) blocks.push({ kind: 'text', text: translate(locale, note) });
  blocks.push({ kind: 'text', text: translate(locale, 'receipt.keep') });
  if (options.centreName) blocks.push({ kind: 'text', text: options.centreName, align: 'center' });
  return { id: `${app.applicationNo}-r1`, blocks };
}
