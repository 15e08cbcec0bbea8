import type { MessageKey } from '@eldercare/domain';

/**
 * What each of the first flows' screens says aloud (use-spoken-prompt.ts). The keys' texts are
 * joined and spoken; each key is recorded offline like every spoken key (spoken-keys.ts) for
 * kiosks whose browser has no Chinese voice. Names and numbers are added only when a system
 * voice speaks.
 */
export const SPOKEN_PROMPTS = {
  attract: ['kiosk.attract.heading', 'kiosk.attract.body'],
  waitingForCard: ['kiosk.waiting.heading', 'kiosk.waiting.body'],
  reading: ['kiosk.reading.heading', 'kiosk.reading.body'],
  readFailed: ['kiosk.readFailed.heading', 'kiosk.readFailed.body'],
  identifying: ['kiosk.identifying.heading', 'kiosk.identifying.body'],
  identifyFailed: ['kiosk.identifyFailed.heading', 'kiosk.identifyFailed.body'],
  menu: ['kiosk.menu.heading'],
  notEligible: ['kiosk.notEligible.heading'],
  allowanceCurrent: ['kiosk.allowance.currentHeading'],
  allowanceChoosing: ['kiosk.allowance.chooseHeading', 'kiosk.allowance.chooseBody'],
  allowanceConfirming: ['kiosk.allowance.confirmHeading'],
  seniorCardIdentity: ['kiosk.seniorCard.identityHeading'],
  seniorCardPhone: ['kiosk.seniorCard.phoneHeading', 'kiosk.seniorCard.phoneBody'],
  seniorCardDelivery: ['kiosk.seniorCard.deliveryHeading'],
  seniorCardConfirming: ['kiosk.seniorCard.confirmHeading'],
  submitting: ['kiosk.submitting.heading'],
  submitFailed: ['kiosk.submitFailed.heading', 'kiosk.submitFailed.body'],
  printing: ['kiosk.printing.heading', 'kiosk.printing.body'],
  receiptPrinted: ['kiosk.receipt.heading', 'kiosk.receipt.body'],
  receiptPrintFailed: ['kiosk.receipt.printFailedHeading', 'kiosk.receipt.printFailedBody'],
  receiptPrintHeld: ['kiosk.receipt.printHeldHeading', 'kiosk.receipt.printHeldBody'],
  ticketLoading: ['queueTicket.loading.heading'],
  ticketLoadFailed: ['queueTicket.loadFailed.heading', 'queueTicket.loadFailed.body'],
  ticketCategory: ['queueTicket.category.heading', 'queueTicket.category.body'],
  ticketIssuing: ['queueTicket.issuing.heading'],
  ticketIssueFailed: ['queueTicket.issueFailed.heading', 'queueTicket.issueFailed.body'],
  ticketPrinting: ['queueTicket.printing.heading', 'queueTicket.printing.body'],
  ticketPrinted: ['queueTicket.printed.heading', 'queueTicket.printed.body'],
  ticketPrintHeld: ['queueTicket.held.heading', 'queueTicket.held.body'],
  ticketPrintFailed: ['queueTicket.failed.heading', 'queueTicket.failed.body'],
  ticketNotConfigured: ['queueTicket.notConfigured.heading', 'queueTicket.notConfigured.body'],
  goodbye: ['kiosk.goodbye.heading', 'kiosk.goodbye.body'],
  idleWarning: ['kiosk.idle.heading', 'kiosk.idle.spoken'],
  help: ['kiosk.help.heading', 'kiosk.help.body'],
} as const satisfies Record<string, readonly MessageKey[]>;

export type PromptId = keyof typeof SPOKEN_PROMPTS;

export const PROMPT_IDS = Object.keys(SPOKEN_PROMPTS) as PromptId[];
