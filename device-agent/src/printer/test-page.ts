import { shanghaiDateTime, translate, type Locale, type PrinterRole, type PrinterState, type ReceiptDocument } from '@eldercare/domain';

export interface TestPageOptions {
  role: PrinterRole;
  address: string;
  state: PrinterState;
  now: Date;
  locale?: Locale;
  centreName?: string;
}

/**
 * The self-test page: which printer this is, where, when and in what state, plus a QR code,
 * so a technician sees at a glance that text, Chinese and QR all print. Its id is new each
 * time (a test page is never "the same job" as an earlier one).
 */
export function composeTestPage(options: TestPageOptions): ReceiptDocument {
  const locale = options.locale ?? 'zh-CN';
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const time = shanghaiDateTime(options.now);
  const stamp = options.now.toISOString().replace(/\D/g, '').slice(0, 17);
  return {
    id: `test-page-${options.role}-${stamp}`,
    blocks: [
      { kind: 'heading', text: t('printer.testPage.title') },
      { kind: 'rule' },
      ...(options.centreName ? [{ kind: 'field' as const, label: t('printer.testPage.centre'), value: options.centreName }] : []),
      { kind: 'field', label: t('printer.testPage.printer'), value: t(`printer.role.${options.role}`) },
      { kind: 'field', label: t('printer.testPage.address'), value: options.address },
      { kind: 'field', label: t('printer.testPage.time'), value: time },
      { kind: 'field', label: t('printer.testPage.status'), value: t(`device.state.${options.state}`) },
      { kind: 'rule' },
      { kind: 'qr', data: `${options.role} ${time}` },
      { kind: 'text', text: t('printer.testPage.footer'), align: 'center' },
    ],
  };
}
