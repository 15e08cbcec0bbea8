import { DomainError } from '../errors';
import { isValidIsoDate } from '../time/local-date';

/** Thrown when a string is not a well-formed 18-character GB 11643 citizen identity number. */
export class InvalidIdNumberError extends DomainError {
  constructor(reason: string) {
    super('INVALID_ID_NUMBER', `Invalid ID number: ${reason}`);
  }
}

export interface ParsedIdNumber {
  /** Normalised (upper-case X). */
  idNumber: string;
  /** Six-digit administrative division code, e.g. "310105". */
  regionCode: string;
  /** Two-digit province-level code: "31" is Shanghai. */
  provinceCode: string;
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new InvalidIdNumberError('the first 17 characters must be digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Parses and validates an ID number (shape, birth date, check digit). Throws InvalidIdNumberError. */
export function parseIdNumber(input: string): ParsedIdNumber {
  const idNumber = input.trim().toUpperCase();
  if (!SHAPE.test(idNumber)) throw new InvalidIdNumberError('expected 17 digits and a digit or X');
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate)) throw new InvalidIdNumberError('the birth date is not a real date');
  if (idNumberCheckDigit(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw new InvalidIdNumberError('the check digit does not match');
  }
  return {
    idNumber,
    regionCode: idNumber.slice(0, 6),
    provinceCode: idNumber.slice(0, 2),
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(input: string): boolean {
  try {
    parseIdNumber(input);
    return true;
  } catch {
    return false;
  }
}

/** Shanghai's province-level division code. */
export const SHANGHAI_PROVINCE_CODE = '31';
