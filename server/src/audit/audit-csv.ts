import { shanghaiDateTime, translate, type AuditEntry, type Locale, type MessageKey } from '@eldercare/domain';
import { csvField, UTF8_BOM } from '../statistics/statistics-csv';

/** Shanghai local time with seconds. */
function localTime(iso: string): string {
  const instant = new Date(iso);
  return `${shanghaiDateTime(instant)}:${String(Math.floor(instant.getTime() / 1000) % 60).padStart(2, '0')}`;
}

/** The audit rows as CSV for Excel (BOM, CRLF), headers and event names in the page's language. */
export function auditCsv(entries: readonly AuditEntry[], locale: Locale): string {
  const t = (key: MessageKey) => translate(locale, key);
  const head = (['audit.col.at', 'audit.col.event', 'audit.col.username', 'audit.col.displayName', 'audit.col.ip', 'audit.col.reason', 'audit.col.ticketNo', 'audit.col.applicationNo', 'audit.col.partNo'] as const).map(t);
  const lines = [head.map(csvField).join(',')];
  for (const e of entries) {
    lines.push(
      [localTime(e.at), t(`audit.event.${e.event}`), e.username, e.displayName, e.ip, e.reason, e.ticketNo, e.applicationNo, e.partNo].map(csvField).join(','),
    );
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
