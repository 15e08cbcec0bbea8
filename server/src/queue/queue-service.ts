import { randomUUID } from 'node:crypto';
import {
  classifyPriority,
  estimatedWaitMinutes,
  formatQueueTicketQr,
  formatTicketNo,
  parseIdNumber,
  shanghaiDate,
  type PriorityClass,
  type CentreView,
  type IssuedTicket,
  type IssueTicketRequest,
  type QueueRules,
  type TicketStatusParams,
  type TicketStatusView,
  type WaitingTicket,
} from '@eldercare/domain';
import { idempotencyKeys, requestHash } from '../applications/idempotency-keys';
import type { DataProtector } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { IdempotencyKeyReusedError, IdentifyTokenInvalidError } from '../errors/api-errors';
import type { IdentifyTokens } from '../identify/identify-tokens';
import type { ResidentRegistry } from '../registry/resident-registry';
import { appendQueueEvent } from '../realtime/append-queue-event';
import { nextTicketSequence } from './next-ticket-sequence';
import { peopleAheadOf } from './people-ahead-of';
import { CentreNotFoundError, TicketCategoryNotFoundError, TicketNotFoundError } from './queue-errors';
import { waitingCounts } from './waiting-counts';

export interface IssueResult {
  ticket: IssuedTicket;
  /** True when the Idempotency-Key had already issued this ticket. */
  replayed: boolean;
}

/** Who holds a ticket taken with a card: never their ID number, only its blind index. */
interface Holder {
  priority: PriorityClass[];
  personIndex: Buffer;
}

interface TicketRow {
  id: string;
  centre_id: string;
  category: string;
  day: string;
  sequence: number;
  ticket_no: string;
  priority: PriorityClass[];
  issued_at: Date;
  status: TicketStatusView['status'];
  called_at: Date | null;
  counter_number: number | null;
  name_zh: string;
  name_en: string;
  average_service_minutes: number | null;
  queue_rules: QueueRules;
}

const TICKET_COLUMNS = `t.id::text AS id, t.centre_id, t.category, to_char(t.day, 'YYYY-MM-DD') AS day, t.sequence, t.ticket_no, t.priority,
  t.issued_at, t.status, t.called_at, t.counter_number, c.name_zh, c.name_en, c.average_service_minutes, ce.queue_rules`;
const TICKET_FROM = `tickets t JOIN ticket_categories c ON c.centre_id = t.centre_id AND c.code = t.category JOIN centres ce ON ce.id = t.centre_id`;

/**
 * Queue tickets: issuing (one number per request, from the database), a ticket's public status,
 * and a centre's categories and counters. Calling lives with the window terminal.
 */
export class QueueService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly registry: ResidentRegistry,
    private readonly tokens: IdentifyTokens,
    private readonly clock: () => Date,
  ) {}

  async issue(request: IssueTicketRequest, idempotencyKey: string): Promise<IssueResult> {
    const hash = requestHash(request);
    const now = this.clock();
    const day = shanghaiDate(now);
    const { ticketId, replayed } = await this.db.transaction(async (tx) => {
      // Lock order: key, then the day counter row (taken last, so it is held briefly).
      await idempotencyKeys.lock(tx, idempotencyKey);
      const [earlier] = await tx.query<{ ticket_id: string; request_hash: Buffer }>(
        'SELECT ticket_id::text AS ticket_id, request_hash FROM ticket_idempotency_keys WHERE idempotency_key = $1',
        [idempotencyKey],
      );
      if (earlier) {
        // Before the token: a retry after the token expired still gets its ticket.
        if (!earlier.request_hash.equals(hash)) throw new IdempotencyKeyReusedError();
        return { ticketId: earlier.ticket_id, replayed: true };
      }
      const rules = await this.#requireCategory(tx, request.centreId, request.category);
      const holder = request.identifyToken === undefined ? null : await this.#holder(tx, request.identifyToken, rules, now);

      const sequence = await nextTicketSequence(tx, request.centreId, request.category, day);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO tickets (id, centre_id, category, day, sequence, ticket_no, priority, person_index, kiosk_id, issued_at)
         VALUES ($1::uuid, $2, $3, $4::date, $5, $6, $7::text[], $8, $9, $10)`,
        [
          id,
          request.centreId,
          request.category,
          day,
          sequence,
          formatTicketNo(request.category, sequence),
          `{${(holder?.priority ?? []).join(',')}}`,
          holder?.personIndex ?? null,
          request.kioskId ?? null,
          now,
        ],
      );
      await tx.query('INSERT INTO ticket_idempotency_keys (idempotency_key, request_hash, ticket_id, created_at) VALUES ($1, $2, $3::uuid, $4)', [
        idempotencyKey,
        hash,
        id,
        now,
      ]);
      // In the same transaction: the display learns of the ticket exactly when it exists.
      await appendQueueEvent(
        tx,
        request.centreId,
        { type: 'ticket.issued', ticketNo: formatTicketNo(request.category, sequence), category: request.category, waiting: await waitingCounts(tx, request.centreId, day) },
        now,
      );
      return { ticketId: id, replayed: false };
    });
    // Position is read after the commit: the counter row lock is not held for it.
    const [row] = await this.db.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.id = $1::uuid`, [ticketId]);
    const position = await this.#position(this.db, row!, now);
    return {
      replayed,
      ticket: {
        ticketId: row!.id,
        centreId: row!.centre_id,
        date: row!.day,
        ticketNo: row!.ticket_no,
        category: { code: row!.category, name: { zh: row!.name_zh, en: row!.name_en } },
        priority: row!.priority,
        peopleAhead: position.peopleAhead,
        estimatedWaitMinutes: position.estimatedWaitMinutes,
        issuedAt: row!.issued_at.toISOString(),
        qr: formatQueueTicketQr({ centreId: row!.centre_id, date: row!.day, ticketNo: row!.ticket_no }),
        followPath: `/api/v1/queue/tickets/${row!.centre_id}/${row!.day}/${row!.ticket_no}`,
      },
    };
  }

  /** Public status of one ticket: no personal data, not even its priority classes. */
  async status(params: TicketStatusParams): Promise<TicketStatusView> {
    const [row] = await this.db.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.centre_id = $1 AND t.day = $2::date AND t.ticket_no = $3`, [
      params.centreId,
      params.date,
      params.ticketNo,
    ]);
    if (!row) throw new TicketNotFoundError();
    const position = row.status === 'waiting' ? await this.#position(this.db, row, this.clock()) : { peopleAhead: 0, estimatedWaitMinutes: null };
    return {
      centreId: row.centre_id,
      date: row.day,
      ticketNo: row.ticket_no,
      category: { code: row.category, name: { zh: row.name_zh, en: row.name_en } },
      status: row.status,
      peopleAhead: position.peopleAhead,
      estimatedWaitMinutes: position.estimatedWaitMinutes,
      issuedAt: row.issued_at.toISOString(),
      calledAt: row.called_at?.toISOString() ?? null,
      counterNumber: row.counter_number,
    };
  }

  async centre(centreId: string): Promise<CentreView> {
    const day = shanghaiDate(this.clock());
    const [centre] = await this.db.query<{ name_zh: string; name_en: string; queue_rules: QueueRules }>(
      'SELECT name_zh, name_en, queue_rules FROM centres WHERE id = $1',
      [centreId],
    );
    if (!centre) throw new CentreNotFoundError(centreId);
    const categories = await this.db.query<{ code: string; name_zh: string; name_en: string; average_service_minutes: number | null; waiting: number; issued: number }>(
      `SELECT c.code, c.name_zh, c.name_en, c.average_service_minutes,
         count(t.id) FILTER (WHERE t.status = 'waiting')::int AS waiting, count(t.id)::int AS issued
       FROM ticket_categories c LEFT JOIN tickets t ON t.centre_id = c.centre_id AND t.category = c.code AND t.day = $2::date
       WHERE c.centre_id = $1 GROUP BY c.code, c.name_zh, c.name_en, c.average_service_minutes, c.sort_order ORDER BY c.sort_order, c.code`,
      [centreId, day],
    );
    const counters = await this.db.query<{ number: number; categories: string[]; open: boolean }>(
      'SELECT number, categories, open FROM counters WHERE centre_id = $1 ORDER BY number',
      [centreId],
    );
    return {
      centreId,
      name: { zh: centre.name_zh, en: centre.name_en },
      date: day,
      categories: categories.map((c) => ({
        code: c.code,
        name: { zh: c.name_zh, en: c.name_en },
        averageServiceMinutes: c.average_service_minutes ?? centre.queue_rules.averageServiceMinutes,
        waiting: c.waiting,
        issued: c.issued,
      })),
      counters: counters.map((c) => ({ number: c.number, categories: c.categories, open: c.open })),
    };
  }

  /** The centre's rules, once the centre and its category are known to exist. */
  async #requireCategory(tx: SqlDatabase, centreId: string, category: string): Promise<QueueRules> {
    const [row] = await tx.query<{ has_category: boolean; queue_rules: QueueRules }>(
      'SELECT EXISTS (SELECT 1 FROM ticket_categories WHERE centre_id = $1 AND code = $2) AS has_category, queue_rules FROM centres WHERE id = $1',
      [centreId, category],
    );
    if (!row) throw new CentreNotFoundError(centreId);
    if (!row.has_category) throw new TicketCategoryNotFoundError(centreId, category);
    return row.queue_rules;
  }

  /** The token's person: priority from the birth date and registry flags, and a blind index. */
  async #holder(tx: SqlDatabase, token: string, rules: QueueRules, now: Date): Promise<Holder> {
    const resolved = await this.tokens.resolve(tx, token, now);
    if (!resolved) throw new IdentifyTokenInvalidError();
    const { subject } = resolved;
    let idNumber: string;
    let registryFlags = { veteran: false, disability: false };
    if (subject.residentId !== null) {
      const resident = await this.registry.findById(tx, subject.residentId);
      if (!resident) throw new IdentifyTokenInvalidError();
      idNumber = resident.idNumber;
      const [row] = await tx.query<{ veteran: boolean; has_disability: boolean }>('SELECT veteran, has_disability FROM residents WHERE id = $1', [
        resident.id,
      ]);
      registryFlags = { veteran: row?.veteran ?? false, disability: row?.has_disability ?? false };
    } else {
      // Known only from the card: no registry flags; age still counts.
      idNumber = subject.card.idNumber;
    }
    const parsed = parseIdNumber(idNumber);
    return {
      priority: classifyPriority({ birthDate: parsed.birthDate, registryFlags }, now, rules).map((f) => f.class),
      personIndex: this.protector.idNumberIndex(parsed.idNumber),
    };
  }

  /**
   * peopleAhead runs the centre's interleave over the category's waiting tickets; the run of
   * priority calls so far is not known here (the window terminal keeps it), so it starts empty.
   */
  async #position(db: SqlDatabase, row: TicketRow, now: Date): Promise<{ peopleAhead: number; estimatedWaitMinutes: number | null }> {
    // One row of arrays rather than a row per waiting ticket: with hundreds waiting, row
    // decoding was half the cost of issuing a ticket.
    const [agg] = await db.query<{ nos: string[] | null; priorities: string[] | null; issued_ms: number[] | null; open_counters: number }>(
      `SELECT array_agg(ticket_no) AS nos, array_agg(array_to_string(priority, ',')) AS priorities,
         array_agg((extract(epoch FROM issued_at) * 1000)::float8) AS issued_ms,
         (SELECT count(*)::int FROM counters WHERE centre_id = $1 AND open AND $3 = ANY (categories)) AS open_counters
       FROM tickets WHERE centre_id = $1 AND day = $2::date AND category = $3 AND status = 'waiting'`,
      [row.centre_id, row.day, row.category],
    );
    const waiting: WaitingTicket[] = (agg?.nos ?? []).map((ticketNo, i) => ({
      id: ticketNo,
      ticketNo,
      category: row.category,
      priority: (agg!.priorities![i] ? agg!.priorities![i]!.split(',') : []) as PriorityClass[],
      issuedAt: new Date(agg!.issued_ms![i]!).toISOString(),
    }));
    const self: WaitingTicket = { id: row.ticket_no, ticketNo: row.ticket_no, category: row.category, priority: row.priority, issuedAt: row.issued_at.toISOString() };
    const ahead = peopleAheadOf(self, waiting, row.queue_rules, now);
    const minutes = estimatedWaitMinutes(ahead, { averageServiceMinutes: row.average_service_minutes ?? undefined }, agg?.open_counters ?? 0, row.queue_rules);
    return { peopleAhead: ahead, estimatedWaitMinutes: minutes };
  }
}
