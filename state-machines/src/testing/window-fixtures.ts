import type { CentreView, CounterView, CurrentTicket, StaffUserView, TicketHolderView } from '@eldercare/domain';

/** Views as the window API returns them, for the window terminal's tests. */

export const WINDOW1: StaffUserView = { username: 'window1', displayName: '1 号窗口', role: 'staff', centreId: 'xuhui-tianping' };
export const TECHNICIAN: StaffUserView = { username: 'technician', displayName: '运维技术员', role: 'technician', centreId: 'xuhui-tianping' };

export const CENTRE: CentreView = {
  centreId: 'xuhui-tianping',
  name: { zh: '徐汇区天平街道社区综合为老服务中心', en: 'Tianping Community Elderly Care Centre' },
  date: '2029-04-03',
  categories: [
    { code: 'A', name: { zh: '养老服务', en: 'Elderly care' }, averageServiceMinutes: 6, waiting: 0, issued: 0 },
    { code: 'B', name: { zh: '医保', en: 'Medical insurance' }, averageServiceMinutes: 6, waiting: 0, issued: 0 },
  ],
  counters: [
    { number: 1, categories: ['A', 'B'], open: false },
    { number: 2, categories: ['A'], open: false },
  ],
};

let ticketSerial = 0;

export function ticket(ticketNo: string, overrides: Partial<CurrentTicket> = {}): CurrentTicket {
  ticketSerial++;
  return {
    ticketId: `00000000-0000-4000-8000-${String(ticketSerial).padStart(12, '0')}`,
    ticketNo,
    category: ticketNo[0] ?? 'A',
    priority: [],
    issuedAt: '2029-04-03T01:00:00.000Z',
    calledAt: '2029-04-03T01:10:00.000Z',
    callCount: 1,
    reason: { code: 'first-come' },
    hasHolder: false,
    ...overrides,
  };
}

export function counterView(overrides: Partial<CounterView> = {}): CounterView {
  return {
    centreId: 'xuhui-tianping',
    number: 1,
    categories: ['A', 'B'],
    state: 'closed',
    staffUsername: null,
    consecutivePriorityCalls: 0,
    current: null,
    next: null,
    waiting: [],
    counters: [
      { number: 1, categories: ['A', 'B'], state: 'closed' },
      { number: 2, categories: ['A'], state: 'closed' },
    ],
    categoryNames: [
      { code: 'A', name: { zh: '养老服务', en: 'Elderly care' } },
      { code: 'B', name: { zh: '医保', en: 'Medical insurance' } },
    ],
    ...overrides,
  };
}

/** Counter 1 opened by window1, with `current` at the window (or nobody). */
export function openView(current: CurrentTicket | null = null, overrides: Partial<CounterView> = {}): CounterView {
  return counterView({ state: 'open', staffUsername: 'window1', current, ...overrides });
}

export const HOLDER: TicketHolderView = {
  maskedName: '王*华',
  maskedIdNumber: '3101**********1234',
  age: 82,
  priority: ['age80'],
  applicationsToday: [],
};
