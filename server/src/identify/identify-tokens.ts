import { createHash, randomBytes } from 'node:crypto';
import type { IdCardData } from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';

export const IDENTIFY_TOKEN_TTL_MS = 15 * 60 * 1000;

/** Whom a token stands for: a registry resident, or a person known only from their card. */
export type TokenSubject = { residentId: number; card: null } | { residentId: null; card: IdCardData };

export interface ResolvedToken {
  subject: TokenSubject;
  kioskId: string | null;
  /** The centre whose kiosk identified the person (a known one), or null. */
  centreId: string | null;
  expiresAt: Date;
}

/** Where the person was identified. */
export interface TokenOrigin {
  kioskId: string | null;
  centreId: string | null;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

const PURGE_INTERVAL_MS = 60_000;

/**
 * Opaque short-lived tokens that stand for an identified person in later requests. Only the
 * SHA-256 of a token is stored, so a copy of the database cannot act for anybody.
 */
export class IdentifyTokens {
  #lastPurge: number | null = null;

  constructor(private readonly protector: DataProtector) {}

  async issue(db: SqlDatabase, subject: TokenSubject, origin: TokenOrigin, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + IDENTIFY_TOKEN_TTL_MS);
    const cardEnc = subject.card ? this.protector.encrypt(JSON.stringify(subject.card), 'identify-token.card') : null;
    await db.query(
      `INSERT INTO identify_tokens (token_hash, resident_id, card_enc, kiosk_id, centre_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [hashToken(token), subject.residentId, cardEnc, origin.kioskId, origin.centreId, now, expiresAt],
    );
    return { token, expiresAt };
  }

  async resolve(db: SqlDatabase, token: string, now: Date): Promise<ResolvedToken | null> {
    const [row] = await db.query<{ resident_id: number | null; card_enc: Buffer | null; kiosk_id: string | null; centre_id: string | null; expires_at: Date }>(
      'SELECT resident_id, card_enc, kiosk_id, centre_id, expires_at FROM identify_tokens WHERE token_hash = $1 AND expires_at > $2',
      [hashToken(token), now],
    );
    if (!row) return null;
    const subject: TokenSubject =
      row.resident_id !== null
        ? { residentId: row.resident_id, card: null }
        : { residentId: null, card: JSON.parse(this.protector.decrypt(row.card_enc!, 'identify-token.card')) as IdCardData };
    return { subject, kioskId: row.kiosk_id, centreId: row.centre_id, expiresAt: row.expires_at };
  }

  /**
   * Deletes expired tokens (they hold encrypted cards of people not in the registry). At most
   * once a minute per server: a DELETE on every identify would double its database work, and
   * an expired token is refused by `resolve` anyway.
   */
  async purgeExpired(db: SqlDatabase, now: Date): Promise<void> {
    if (this.#lastPurge !== null && now.getTime() - this.#lastPurge < PURGE_INTERVAL_MS && now.getTime() >= this.#lastPurge) return;
    this.#lastPurge = now.getTime();
    await db.query('DELETE FROM identify_tokens WHERE expires_at <= $1', [now]);
  }
}
