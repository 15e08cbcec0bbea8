import type { MessageKey, MessageParams } from '@eldercare/domain';

/**
 * How long a kiosk has been waiting for staff, as words: 刚刚 under a minute, then minutes, then
 * hours and minutes. A browser clock a little behind the server's reads as 刚刚, not as negative.
 */
export function helpAge(requestedAt: string, now: number): { key: MessageKey; params?: MessageParams } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(requestedAt)) / 60_000));
  if (minutes < 1) return { key: 'window.help.justNow' };
  if (minutes < 60) return { key: 'window.help.minutesAgo', params: { minutes } };
  return { key: 'window.help.hoursAgo', params: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}
