import { DomainError } from '../errors';

/** A ticket number is a category letter and three digits, so a category has 999 a day. */
export const MAX_TICKET_SEQUENCE = 999;

const TICKET_NO = /^([A-Z])(\d{3})$/;
const PREFIX = /^[A-Z]$/;

/** Not a ticket number (or not a valid prefix / sequence to make one from). */
export class InvalidTicketNoError extends DomainError {
  constructor(reason: string) {
    super('INVALID_TICKET_NO', `Invalid ticket number: ${reason}`);
  }
}

/** The category has issued its 999 numbers for the day; a ticket number cannot go further. */
export class TicketSequenceExhaustedError extends DomainError {
  constructor(
    readonly prefix: string,
    readonly sequence: number,
  ) {
    super('TICKET_SEQUENCE_EXHAUSTED', `Category ${prefix} has no ticket number left today (sequence ${sequence} > ${MAX_TICKET_SEQUENCE})`);
  }
}

/** 'A', 12 → 'A012'. */
export function formatTicketNo(prefix: string, sequence: number): string {
  if (!PREFIX.test(prefix)) throw new InvalidTicketNoError(`the prefix must be one capital letter, got "${prefix}"`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new InvalidTicketNoError(`the sequence must be a whole number from 1, got ${sequence}`);
  if (sequence > MAX_TICKET_SEQUENCE) throw new TicketSequenceExhaustedError(prefix, sequence);
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

export interface ParsedTicketNo {
  prefix: string;
  sequence: number;
}

/** 'A012' (also ' a012 ', as typed at a window) → { prefix: 'A', sequence: 12 }. */
export function parseTicketNo(input: string): ParsedTicketNo {
  const m = TICKET_NO.exec(input.trim().toUpperCase());
  if (!m) throw new InvalidTicketNoError('expected a capital letter and three digits, e.g. A012');
  const sequence = Number(m[2]);
  if (sequence < 1) throw new InvalidTicketNoError('000 is not a ticket number');
  return { prefix: m[1]!, sequence };
}
