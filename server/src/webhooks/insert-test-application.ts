import { randomInt } from 'node:crypto';
import type { DepartmentKey, PartKind, PartStatus } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';

/** For tests: one application as the application service leaves it (row, parts, each part's first history entry). */
export interface TestApplication {
  serviceKey: string;
  parts: { department: DepartmentKey; kind: PartKind; status?: PartStatus }[];
  answers?: Record<string, unknown>;
  name?: string;
  idNumber?: string;
  phone?: string | null;
  at: Date;
}

/**
 * Inserts it in one transaction with a unique application number and returns the number. The
 * applicant is the first registry resident; name and ID number are encrypted like the real ones.
 */
export async function insertTestApplication(app: FastifyInstance, application: TestApplication): Promise<string> {
  const p = app.protector;
  // The real format (YL + date + 6 digits) on a day no real application has.
  const applicationNo = `YL20991231${String(randomInt(1_000_000)).padStart(6, '0')}`;
  await app.db.transaction(async (tx) => {
    const [resident] = await tx.query<{ id: number }>('SELECT id FROM residents ORDER BY id LIMIT 1');
    if (!resident) throw new Error('insertTestApplication needs a registry resident (seedDemoRegistry)');
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO applications (application_no, service_key, status, resident_id, applicant_id_number_enc, applicant_name_enc, answers,
         phone_enc, catalogue_version, submitted_at)
       VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, 'test', $8) RETURNING id`,
      [
        applicationNo,
        application.serviceKey,
        resident.id,
        p.encrypt(application.idNumber ?? '310101194503120024', 'application.applicant-id-number'),
        p.encrypt(application.name ?? '王秀英', 'application.applicant-name'),
        JSON.stringify(application.answers ?? {}),
        p.encryptOptional(application.phone ?? null, 'application.phone'),
        application.at,
      ],
    );
    for (const [i, part] of application.parts.entries()) {
      const status = part.status ?? 'submitted';
      await tx.query(
        `INSERT INTO application_parts (application_id, part_no, service_key, department, kind, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row!.id, i + 1, application.serviceKey, part.department, part.kind, status, application.at],
      );
      await tx.query(
        `INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status) VALUES ($1, $2, $3, 'system', NULL, $4)`,
        [row!.id, i + 1, application.at, status],
      );
    }
  });
  return applicationNo;
}
