import type { ApplicationProgress, ProgressPart } from '../contracts/progress-api';
import { formatDate, localized, translate, type Locale } from '../i18n/translate';
import type { ReceiptBlock, ReceiptDocument } from '../receipt/receipt-document';

export interface ProgressSlipOptions {
  locale: Locale;
  /** The Shanghai date the progress was worked out for (ProgressResponse.asOf). */
  asOf: string;
  /** Print job id, made once per print so a retry prints once (e.g. a UUID). */
  printId: string;
  centreName?: string;
}

/** A slip of ~80 mm paper: keep it to what an 85-year-old reads, and the document schema's 200 blocks. */
const MAX_BLOCKS = 190;
const HISTORY_LINES = 3;

function partBlocks(part: ProgressPart, locale: Locale): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    {
      kind: 'text',
      text: translate(locale, 'progress.slip.part', { service: localized(locale, part.serviceName), department: localized(locale, part.departmentName) }),
      bold: true,
    },
    { kind: 'text', text: localized(locale, part.words) },
  ];
  if (part.nextStep && part.expectedBy) {
    blocks.push({ kind: 'text', text: translate(locale, `progress.next.${part.nextStep}`, { date: formatDate(locale, part.expectedBy) }) });
  }
  if (part.late) blocks.push({ kind: 'text', text: translate(locale, 'progress.late'), bold: true });
  for (const entry of part.history.slice(-HISTORY_LINES)) {
    blocks.push({
      kind: 'text',
      text: translate(locale, 'progress.slip.history', { date: entry.on, status: translate(locale, `applications.partStatus.${entry.status}`) }),
    });
  }
  return blocks;
}

function applicationBlocks(app: ApplicationProgress, locale: Locale): ReceiptBlock[] {
  return [
    { kind: 'rule' },
    { kind: 'text', text: localized(locale, app.serviceName), bold: true, size: 'large' },
    { kind: 'text', text: translate(locale, 'progress.applicationNo', { applicationNo: app.applicationNo }) },
    { kind: 'text', text: translate(locale, 'progress.submittedOn', { date: formatDate(locale, app.submittedOn) }) },
    ...app.parts.flatMap((part) => partBlocks(part, locale)),
  ];
}

/**
 * The progress slip (办理进度单) the kiosk prints: every part of the given applications in the
 * same words as the screen, the date each next step is due and its last changes. Built only
 * from the progress response, which holds nothing personal beyond the masked name.
 */
export function composeProgressSlip(applications: readonly ApplicationProgress[], options: ProgressSlipOptions): ReceiptDocument {
  const { locale } = options;
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: translate(locale, 'receipt.header'), align: 'center', bold: true },
    { kind: 'heading', text: translate(locale, 'progress.slip.title') },
    { kind: 'field', label: translate(locale, 'progress.slip.asOf'), value: formatDate(locale, options.asOf) },
  ];
  const applicant = applications[0]?.applicantNameMasked;
  if (applicant) blocks.push({ kind: 'field', label: translate(locale, 'progress.slip.applicant'), value: applicant });
  if (applications.length === 0) blocks.push({ kind: 'text', text: translate(locale, 'progress.slip.none') });
  let shown = 0;
  for (const app of applications) {
    const more = applicationBlocks(app, locale);
    if (blocks.length + more.length > MAX_BLOCKS) break;
    blocks.push(...more);
    shown += 1;
  }
  if (shown < applications.length) blocks.push({ kind: 'text', text: translate(locale, 'progress.slip.more', { count: applications.length - shown }) });
  blocks.push({ kind: 'rule' }, { kind: 'text', text: translate(locale, 'progress.slip.keep') });
  if (options.centreName) blocks.push({ kind: 'text', text: options.centreName, align: 'center' });
  return { id: `progress-${options.printId}`, blocks };
}
