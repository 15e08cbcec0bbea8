import type { MessageKey } from '@eldercare/domain';

/**
 * The card screens of 代办: heading, body, whether the person may place the card again, and
 * whether the body names the applicant (then only a system voice reads it; spoken-keys.ts
 * records the rest).
 */
export const CARD_SCREENS = {
  proxyWaitingForCard: { heading: 'kioskMenu.proxy.waiting.heading', body: 'kioskMenu.proxy.waiting.body', canRetry: false, bodyNamesApplicant: true },
  proxyReading: { heading: 'kioskMenu.proxy.reading.heading', body: 'kioskMenu.proxy.reading.body', canRetry: false, bodyNamesApplicant: false },
  proxyReadFailed: { heading: 'kioskMenu.proxy.readFailed.heading', body: 'kioskMenu.proxy.readFailed.body', canRetry: true, bodyNamesApplicant: false },
  proxyIdentifying: { heading: 'kioskMenu.proxy.identifying.heading', body: 'kioskMenu.proxy.identifying.body', canRetry: false, bodyNamesApplicant: false },
  proxyIdentifyFailed: { heading: 'kioskMenu.proxy.identifyFailed.heading', body: 'kioskMenu.proxy.identifyFailed.body', canRetry: true, bodyNamesApplicant: false },
  proxySameCard: { heading: 'kioskMenu.proxy.sameCard.heading', body: 'kioskMenu.proxy.sameCard.body', canRetry: true, bodyNamesApplicant: false },
} as const satisfies Record<string, { heading: MessageKey; body: MessageKey; canRetry: boolean; bodyNamesApplicant: boolean }>;

/** What the card screens say that a recording can: every heading, and the bodies that name nobody. */
export const CARD_SCREEN_SPOKEN_KEYS: readonly MessageKey[] = Object.values(CARD_SCREENS).flatMap((s) =>
  s.bodyNamesApplicant ? [s.heading] : [s.heading, s.body],
);
