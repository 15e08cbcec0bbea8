import { demoResidents, type AllowanceChannel, type IdCardData } from '@eldercare/domain';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import type { ResidentRecord, ResidentRow } from './resident-record';

const COLUMNS = `id, id_number_enc, name_enc, phone_enc, address_enc, hukou_region, holds_senior_card,
  allowance_channel, care_level, financial_hardship, meal_assistance_approved,
  assessment_valid_until::text AS assessment_valid_until, medical_insurance, source`;

/** Fixed key of the advisory lock that serialises demo seeding across instances. */
const SEED_LOCK_KEY = '7250412398110002';

/** Only resident cards of Chinese citizens carry a hukou; the address on them is the registered one. */
export function hukouFromCard(card: IdCardData): 'shanghai' | 'other' {
  return card.cardType === 'resident' && card.address.trim().startsWith('上海市') ? 'shanghai' : 'other';
}

/**
 * The resident registry (人口库 stand-in): residents with their personal fields encrypted and a
 * blind index on the ID number. Every method takes the connection or transaction to run on, so a
 * caller can put several steps in one transaction.
 */
export class ResidentRegistry {
  constructor(private readonly protector: DataProtector) {}

  #decode(row: ResidentRow): ResidentRecord {
    const p = this.protector;
    return {
      id: row.id,
      idNumber: p.decrypt(row.id_number_enc, 'resident.id-number'),
      name: p.decrypt(row.name_enc, 'resident.name'),
      phone: p.decryptOptional(row.phone_enc, 'resident.phone'),
      address: p.decrypt(row.address_enc, 'resident.address'),
      hukouRegion: row.hukou_region,
      holdsSeniorCard: row.holds_senior_card,
      allowanceChannel: row.allowance_channel,
      careLevel: row.care_level,
      financialHardship: row.financial_hardship,
      mealAssistanceApproved: row.meal_assistance_approved,
      assessmentValidUntil: row.assessment_valid_until,
      medicalInsurance: row.medical_insurance,
      source: row.source,
    };
  }

  /** `idNumber` normalised (parseIdNumber's output). */
  async findByIdNumber(db: SqlDatabase, idNumber: string): Promise<ResidentRecord | null> {
    const [row] = await db.query<ResidentRow>(`SELECT ${COLUMNS} FROM residents WHERE id_number_index = $1`, [
      this.protector.idNumberIndex(idNumber),
    ]);
    return row ? this.#decode(row) : null;
  }

  /** With `forUpdate`, locks the row until the transaction ends (applications for one person queue). */
  async findById(db: SqlDatabase, id: number, forUpdate = false): Promise<ResidentRecord | null> {
    const [row] = await db.query<ResidentRow>(`SELECT ${COLUMNS} FROM residents WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ? this.#decode(row) : null;
  }

  /**
   * A person first seen at a kiosk joins the registry with what the card says. Two racing first
   * applications of one person end up with the same row.
   */
  async findOrCreateFromCard(db: SqlDatabase, card: IdCardData, idNumber: string, now: Date): Promise<ResidentRecord> {
    const p = this.protector;
    await db.query(
      `INSERT INTO residents (id_number_index, id_number_enc, name_enc, address_enc, hukou_region, source, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'kiosk', $6, $6)
       ON CONFLICT (id_number_index) DO NOTHING`,
      [
        p.idNumberIndex(idNumber),
        p.encrypt(idNumber, 'resident.id-number'),
        p.encrypt(card.name, 'resident.name'),
        p.encrypt(card.address, 'resident.address'),
        hukouFromCard(card),
        now,
      ],
    );
    const found = await this.findByIdNumber(db, idNumber);
    if (!found) throw new Error('Resident vanished right after insert');
    return found;
  }

  async setAllowanceChannel(db: SqlDatabase, residentId: number, channel: AllowanceChannel, now: Date): Promise<void> {
    await db.query('UPDATE residents SET allowance_channel = $2, updated_at = $3 WHERE id = $1', [residentId, channel, now]);
  }

  /** A senior-card application still being handled (the card is being made). */
  async hasPendingSeniorCardApplication(db: SqlDatabase, residentId: number): Promise<boolean> {
    const rows = await db.query(
      `SELECT 1 FROM applications WHERE resident_id = $1 AND service_key = 'senior-card' AND status = 'submitted' LIMIT 1`,
      [residentId],
    );
    return rows.length > 0;
  }

  /**
   * Upserts the fictional demo residents as of a Shanghai date, by demo_key. Their birth dates
   * move with the date (so ages stay as written), and with them their ID numbers: identity fields
   * are overwritten; what happened since (channel chosen, card held) is kept. Registry facts
   * (care level, hardship, meal assistance) fill in what is missing; the assessment's end date
   * moves with the date as long as nobody assessed the person again.
   */
  async seedDemo(db: SqlDatabase, today: string, now: Date): Promise<void> {
    const p = this.protector;
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      for (const r of demoResidents(today)) {
        const index = p.idNumberIndex(r.idNumber);
        // A demo card shown at a kiosk before seeding would have created a 'kiosk' row for the
        // same ID number; that row becomes the demo resident rather than colliding with it.
        const [taken] = await tx.query<{ id: number; demo_key: string | null }>(
          'SELECT id, demo_key FROM residents WHERE id_number_index = $1',
          [index],
        );
        if (taken && taken.demo_key !== r.key) {
          if (taken.demo_key !== null) continue; // Another demo person has this number today; leave both.
          const [owner] = await tx.query<{ id: number }>('SELECT id FROM residents WHERE demo_key = $1', [r.key]);
          if (owner) continue; // Both exist; keep yesterday's number rather than merge histories.
          await tx.query("UPDATE residents SET demo_key = $2, source = 'registry' WHERE id = $1", [taken.id, r.key]);
        }
        await tx.query(
          `INSERT INTO residents (id_number_index, id_number_enc, name_enc, phone_enc, address_enc, hukou_region,
             holds_senior_card, allowance_channel, demo_key, source, created_at, updated_at,
             care_level, assessment_valid_until, medical_insurance, financial_hardship, meal_assistance_approved)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'registry', $10, $10, $11, $12::date, $13, $14, $15)
           ON CONFLICT (demo_key) DO UPDATE SET
             id_number_index = EXCLUDED.id_number_index, id_number_enc = EXCLUDED.id_number_enc,
             name_enc = EXCLUDED.name_enc, address_enc = EXCLUDED.address_enc, hukou_region = EXCLUDED.hukou_region,
             care_level = COALESCE(residents.care_level, EXCLUDED.care_level),
             assessment_valid_until = CASE WHEN residents.care_level IS NULL OR residents.care_level = EXCLUDED.care_level
               THEN EXCLUDED.assessment_valid_until ELSE residents.assessment_valid_until END,
             medical_insurance = COALESCE(residents.medical_insurance, EXCLUDED.medical_insurance),
             financial_hardship = residents.financial_hardship OR EXCLUDED.financial_hardship,
             meal_assistance_approved = residents.meal_assistance_approved OR EXCLUDED.meal_assistance_approved,
             updated_at = EXCLUDED.updated_at`,
          [
            index,
            p.encrypt(r.idNumber, 'resident.id-number'),
            p.encrypt(r.name, 'resident.name'),
            p.encryptOptional(r.phone, 'resident.phone'),
            p.encrypt(r.address, 'resident.address'),
            r.hukou,
            r.holdsSeniorCard,
            r.allowanceChannel,
            r.key,
            now,
            r.careLevel ?? null,
            r.assessmentValidUntil,
            r.medicalInsurance ?? null,
            r.financialHardship ?? false,
            r.mealAssistanceApproved ?? false,
          ],
        );
      }
    });
  }
}
