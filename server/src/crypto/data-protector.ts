import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors/api-error';

const FORMAT_VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** What a ciphertext belongs to; bound in as associated data so a value cannot be moved to another column. */
export type FieldContext =
  | 'resident.id-number'
  | 'resident.name'
  | 'resident.phone'
  | 'resident.address'
  | 'identify-token.card'
  | 'application.applicant-id-number'
  | 'application.applicant-name'
  | 'application.phone'
  | 'application.mailing-address'
  | 'application.private-answers'
  | 'application.proxy-id-number'
  | 'application.proxy-name'
  | 'webhook.secret'
  | 'data-key-check';

export class DataKeyError extends ApiError {
  constructor(message: string) {
    super('DATA_KEY_INVALID', 500, message);
  }
}

/**
 * Encryption at rest for personal data. One 32-byte master key; HKDF derives a separate
 * AES-256-GCM key and a separate HMAC key for the blind index, so the index reveals nothing about
 * the encryption key and vice versa.
 *
 * Ciphertext layout: version (1 byte) | IV (12) | GCM tag (16) | ciphertext.
 */
export class DataProtector {
  readonly #encryptionKey: Buffer;
  readonly #indexKey: Buffer;
  readonly #receiptKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new DataKeyError(`The data key must be 32 bytes, got ${masterKey.length}`);
    this.#encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, 'eldercare', 'eldercare/v1/aes-256-gcm', 32));
    this.#indexKey = Buffer.from(hkdfSync('sha256', masterKey, 'eldercare', 'eldercare/v1/blind-index', 32));
    this.#receiptKey = Buffer.from(hkdfSync('sha256', masterKey, 'eldercare', 'eldercare/v1/receipt-code', 32));
  }

  encrypt(plaintext: string, context: FieldContext): Buffer {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), body]);
  }

  /** Throws DataKeyError when the value was not written with this key for this context. */
  decrypt(ciphertext: Buffer, context: FieldContext): string {
    if (ciphertext.length < 1 + IV_LENGTH + TAG_LENGTH || ciphertext[0] !== FORMAT_VERSION) {
      throw new DataKeyError('Unrecognised ciphertext format');
    }
    const iv = ciphertext.subarray(1, 1 + IV_LENGTH);
    const tag = ciphertext.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext.subarray(1 + IV_LENGTH + TAG_LENGTH)), decipher.final()]).toString('utf8');
    } catch {
      throw new DataKeyError('A stored value could not be decrypted with the configured data key');
    }
  }

  encryptOptional(plaintext: string | null, context: FieldContext): Buffer | null {
    return plaintext === null ? null : this.encrypt(plaintext, context);
  }

  decryptOptional(ciphertext: Buffer | null, context: FieldContext): string | null {
    return ciphertext === null ? null : this.decrypt(ciphertext, context);
  }

  /** Deterministic lookup value for a normalised ID number (upper-case X). */
  idNumberIndex(idNumber: string): Buffer {
    return createHmac('sha256', this.#indexKey).update(`id-number:${idNumber}`, 'utf8').digest();
  }

  /** The check of a receipt's QR code (progress/receipt-codes.ts): HMAC-SHA256 of the application number, its own key. */
  receiptCodeMac(applicationNo: string): Buffer {
    return createHmac('sha256', this.#receiptKey).update(`receipt-code:${applicationNo}`, 'utf8').digest();
  }

  /** A value that proves which key wrote the data, checked at start-up. */
  keyCheckCiphertext(): Buffer {
    return this.encrypt(KEY_CHECK_PLAINTEXT, 'data-key-check');
  }

  matchesKeyCheck(ciphertext: Buffer): boolean {
    try {
      const plain = Buffer.from(this.decrypt(ciphertext, 'data-key-check'));
      const expected = Buffer.from(KEY_CHECK_PLAINTEXT);
      return plain.length === expected.length && timingSafeEqual(plain, expected);
    } catch {
      return false;
    }
  }
}

const KEY_CHECK_PLAINTEXT = 'eldercare data key check v1';
