import type { AllowanceChannel, MedicalInsurance } from '@eldercare/domain';

/** A resident row, decrypted: exists only in memory while a request is handled. */
export interface ResidentRecord {
  id: number;
  idNumber: string;
  name: string;
  phone: string | null;
  address: string;
  hukouRegion: 'shanghai' | 'other';
  holdsSeniorCard: boolean;
  allowanceChannel: AllowanceChannel | null;
  careLevel: number | null;
  financialHardship: boolean;
  mealAssistanceApproved: boolean;
  /** Last day of the current assessment conclusion (ISO date), or null. */
  assessmentValidUntil: string | null;
  medicalInsurance: MedicalInsurance | null;
  source: 'registry' | 'kiosk';
}

/** The row as stored. */
export interface ResidentRow {
  id: number;
  id_number_enc: Buffer;
  name_enc: Buffer;
  phone_enc: Buffer | null;
  address_enc: Buffer;
  hukou_region: 'shanghai' | 'other';
  holds_senior_card: boolean;
  allowance_channel: AllowanceChannel | null;
  care_level: number | null;
  financial_hardship: boolean;
  meal_assistance_approved: boolean;
  /** Selected as text (YYYY-MM-DD): a JS Date would shift it by the time zone. */
  assessment_valid_until: string | null;
  medical_insurance: MedicalInsurance | null;
  source: 'registry' | 'kiosk';
}
