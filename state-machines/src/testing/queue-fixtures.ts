import { formatQueueTicketQr, formatTicketNo, type CentreView, type IssuedTicket, type PriorityClass } from '@eldercare/domain';

/**
 * A centre and issued tickets shaped as the server's queue API answers them (the demo centre's
 * categories), for the 取号 tests only.
 */
export const FIXTURE_CENTRE: CentreView = {
  centreId: 'xuhui-tianping',
  name: { zh: '徐汇区天平路街道社区事务受理服务中心（演示）', en: 'Tianping Road Community Service Centre, Xuhui (demo)' },
  date: '2026-06-01',
  categories: [
    { code: 'A', name: { zh: '养老服务', en: 'Elderly care services' }, averageServiceMinutes: 8, waiting: 3, issued: 11 },
    { code: 'B', name: { zh: '医保', en: 'Medical insurance' }, averageServiceMinutes: 6, waiting: 0, issued: 0 },
    { code: 'C', name: { zh: '综合', en: 'Other matters' }, averageServiceMinutes: 10, waiting: 1, issued: 2 },
  ],
  counters: [{ number: 1, categories: ['A'], open: true }],
};

/** The ticket the server would issue as the `sequence`th of `category` today. */
export function issuedTicketFor(category: string, sequence = 1, priority: PriorityClass[] = []): IssuedTicket {
  const found = FIXTURE_CENTRE.categories.find((c) => c.code === category);
  if (!found) throw new Error(`no fixture category ${category}`);
  const ticketNo = formatTicketNo(category, sequence);
  return {
    ticketId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    centreId: FIXTURE_CENTRE.centreId,
    date: FIXTURE_CENTRE.date,
    ticketNo,
    category: { code: found.code, name: found.name },
    priority,
    peopleAhead: found.waiting,
    estimatedWaitMinutes: found.waiting * found.averageServiceMinutes,
    issuedAt: '2026-06-01T01:00:00.000Z',
    qr: formatQueueTicketQr({ centreId: FIXTURE_CENTRE.centreId, date: FIXTURE_CENTRE.date, ticketNo }),
    followPath: `/api/v1/queue/tickets/${FIXTURE_CENTRE.centreId}/${FIXTURE_CENTRE.date}/${ticketNo}`,
  };
}
