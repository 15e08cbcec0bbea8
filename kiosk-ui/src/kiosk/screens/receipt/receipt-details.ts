import { localized, type ApplicationView, type Locale } from '@eldercare/domain';

/**
 * The most lines of an application's result the receipt screen shows: every service's details
 * fit (the joint application has 8, a taxi 7), in the screen's type, on one portrait screen
 * with the number and the buttons. The printed receipt carries them all.
 */
export const MAX_SCREEN_DETAIL_LINES = 8;

export interface ScreenDetailLine {
  label: string;
  value: string;
}

/** The application's details (masked by the server) in the session's language, at most what fits. */
export function screenDetailLines(application: Pick<ApplicationView, 'details'>, locale: Locale): ScreenDetailLine[] {
  return application.details.slice(0, MAX_SCREEN_DETAIL_LINES).map((d) => ({ label: localized(locale, d.label), value: localized(locale, d.value) }));
}

/** What the voice reads after the screen's prompt: each line as "label value". */
export function spokenDetails(lines: readonly ScreenDetailLine[]): string {
  return lines.map((l) => `${l.label} ${l.value}`).join('. ');
}
