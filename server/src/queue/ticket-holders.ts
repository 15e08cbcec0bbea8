import {
  ageOn,
  findService,
  maskIdNumber,
  maskName,
  parseIdNumber,
  shanghaiDate,
  addDays,
  type PriorityClass,
  type TicketHolderView,
} from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import type { ResidentRegistry } from '../registry/resident-registry';
import { TicketNotFoundError } from './queue-errors';
import { TicketHolderUnknownError, TicketNotCalledError } from './window-errors';
import { requireCentre, type WindowActor } from './window-service';

/** Why a holder was read, as recorded in staff_audit. */
export const HOLDER_READ_REASON = 'window-call';

/**
 * Who holds a ticket taken with an ID card (found by its blind index in the registry) and what
 * they submitted at a kiosk today, masked, so the window does not ask twice. Only for a ticket
 * being served now, and every read is written to staff_audit in the same transaction: there is
 * no read without its audit row.
 */
export class TicketHolders {
  constructor(
    private readonly db: SqlDatabase,
    private readonly registry: ResidentRegistry,
    private readonly clock: () => Date,
  ) {}

  async read(actor: WindowActor & { id: string }, ticketId: string, ip: string | null): Promise<TicketHolderView> {
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      const [ticket] = await tx.query<{ centre_id: string; status: string; priority: PriorityClass[]; person_index: Buffer | null }>(
        'SELECT centre_id, status, priority, person_index FROM tickets WHERE id = $1::uuid',
        [ticketId],
      );
      if (!ticket) throw new TicketNotFoundError();
      requireCentre(actor, ticket.centre_id);
      if (ticket.status !== 'called') throw new TicketNotCalledError();
      const [resident] =
        ticket.person_index === null ? [] : await tx.query<{ id: number }>('SELECT id FROM residents WHERE id_number_index = $1', [ticket.person_index]);
      const record = resident ? await this.registry.findById(tx, resident.id) : null;
      if (!record) throw new TicketHolderUnknownError();

      const today = shanghaiDate(now);
      // The Shanghai day as instants (UTC+8, no daylight saving).
      const from = new Date(`${today}T00:00:00+08:00`);
      const to = new Date(`${addDays(today, 1)}T00:00:00+08:00`);
      const applications = await tx.query<{ application_no: string; submitted_at: Date; service_keys: string[] }>(
        `SELECT a.application_no, a.submitted_at,
           COALESCE((SELECT array_agg(DISTINCT p.service_key) FROM application_parts p WHERE p.application_id = a.id), ARRAY[a.service_key]) AS service_keys
         FROM applications a WHERE a.resident_id = $1 AND a.submitted_at >= $2 AND a.submitted_at < $3 ORDER BY a.submitted_at`,
        [record.id, from, to],
      );
      await tx.query(
        `INSERT INTO staff_audit (at, event, username, user_id, ip, ticket_id, reason) VALUES ($1, 'holder_read', $2, $3, $4, $5::uuid, $6)`,
        [now, actor.username, actor.id, ip, ticketId, HOLDER_READ_REASON],
      );
      return {
        maskedName: maskName(record.name),
        maskedIdNumber: maskIdNumber(record.idNumber),
        age: ageOn(parseIdNumber(record.idNumber).birthDate, today),
        priority: ticket.priority,
        applicationsToday: applications.map((a) => ({
          applicationNo: a.application_no,
          submittedAt: a.submitted_at.toISOString(),
          services: a.service_keys.map((serviceKey) => ({ serviceKey, name: findService(serviceKey).name })),
        })),
      };
    });
  }
}
