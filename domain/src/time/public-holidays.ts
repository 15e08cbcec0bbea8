/**
 * Public holidays and adjusted working days (调休) as the State Council publishes them each year
 * (国务院办公厅关于YYYY年部分节假日安排的通知); Shanghai keeps the national calendar. Data, not
 * code: add a year when its notice is published (usually in November of the year before).
 */
export interface HolidayYear {
  /** Days off, including weekend days inside a holiday (harmless) — ISO dates. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workingWeekends: readonly string[];
}

function range(from: string, days: number): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10));
}

export const PUBLIC_HOLIDAYS: Readonly<Record<number, HolidayYear>> = {
  // 国办发明电〔2024〕12号
  2025: {
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', 8), // 春节
      ...range('2025-04-04', 3), // 清明节
      ...range('2025-05-01', 5), // 劳动节
      ...range('2025-05-31', 3), // 端午节
      ...range('2025-10-01', 8), // 国庆节、中秋节
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
  2026: {
    holidays: [
      ...range('2026-01-01', 3), // 元旦
      ...range('2026-02-15', 9), // 春节
      ...range('2026-04-04', 3), // 清明节
      ...range('2026-05-01', 5), // 劳动节
      ...range('2026-06-19', 3), // 端午节
      ...range('2026-09-25', 3), // 中秋节
      ...range('2026-10-01', 7), // 国庆节
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
