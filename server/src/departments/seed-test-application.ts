import { findDemoResident, shanghaiDate, type DepartmentKey, type PartKind, type PartStatus } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { nextApplicationNo } from '../applications/next-application-no';

export interface TestPart {
  serviceKey: string;
  department: DepartmentKey;
  kind: PartKind;
  status: PartStatus;
}

/**
 * Tests only: an application of a demo resident with the given parts, as ApplicationService stores
 * one (encrypted applicant, a day number, each part's first history row), for the department
 * tests to work on without depending on one service's rules.
 */
export async function seedTestApplication(
  app: FastifyInstance,
  options: { residentKey: string; serviceKey: string; parts: TestPart[]; answers?: Record<string, unknown> },
): Promise<{ applicationNo: string; applicationId: number; residentId: number }> {
  const now = app.clock();
  const person = findDemoResident(shanghaiDate(now), options.residentKey);
  if (!person) throw new Error(`no demo resident ${options.residentKey}`);
  return app.db.transaction(async (tx) => {
    const [resident] = await tx.query<{ id: number }>('SELECT id FROM residents WHERE demo_key = $1', [options.residentKey]);
    if (!resident) throw new Error(`demo resident ${options.residentKey} is not seeded`);
    const applicationNo = await nextApplicationNo(tx, now);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO applications (application_no, service_key, status, resident_id, applicant_id_number_enc, applicant_name_enc, answers,
         catalogue_version, submitted_at)
       VALUES ($1, $2, 'submitted', $3, $4, $5, $6, 'test', $7) RETURNING id`,
      [
        applicationNo,
        options.serviceKey,
        resident.id,
        app.protector.encrypt(person.idNumber, 'application.applicant-id-number'),
        app.protector.encrypt(person.name, 'application.applicant-name'),
        // As the service's applier stores them (nothing personal): its describe() reads them back.
        JSON.stringify(options.answers ?? {}),
        now,
      ],
    );
    const applicationId = row!.id;
    for (const [i, part] of options.parts.entries()) {
      await tx.query(
        `INSERT INTO application_parts (application_id, part_no, service_key, department, kind, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [applicationId, i + 1, part.serviceKey, part.department, part.kind, part.status, now],
      );
      await tx.query(
        `INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status) VALUES ($1, $2, $3, 'kiosk', NULL, $4)`,
        [applicationId, i + 1, now, part.status],
      );
    }
    return { applicationNo, applicationId, residentId: resident.id };
  });
}
