import {
  chooseNextTicket,
  nextHistory,
  shanghaiDate,
  type CallReason,
  type CounterState,
  type CounterView,
  type CurrentTicket,
  type PriorityClass,
  type QueueEventBody,
  type QueueRules,
  type TransferRequest,
  type WaitingTicket,
  type WindowWaitingTicket,
} from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { appendQueueEvent } from '../realtime/append-queue-event';
import type { StaffUser } from '../staff/staff-accounts';
import { CentreNotFoundError, TicketCategoryNotFoundError } from './queue-errors';
import { waitingCounts } from './waiting-counts';
import {
  CounterHeldByOtherError,
  CounterNotFoundError,
  CounterNotOpenError,
  CurrentTicketOpenError,
  NoCurrentTicketError,
  QueueEmptyError,
  StaffCentreForbiddenError,
  TransferTargetClosedError,
  TransferTargetRequiredError,
  TransferToSameCounterError,
} from './window-errors';

/** Who acts: a logged-in staff member or supervisor. */
export type WindowActor = Pick<StaffUser, 'username' | 'role' | 'centreId'>;

interface CounterRow {
  number: number;
  categories: string[];
  state: CounterState;
  staff_username: string | null;
  consecutive_priority_calls: number;
}

interface TicketRow {
  id: string;
  ticket_no: string;
  category: string;
  priority: PriorityClass[];
  issued_at: Date;
  called_at: Date | null;
  call_count: number;
  call_reason: CallReason | null;
  target_counter: number | null;
  transferred_from_counter: number | null;
  has_holder: boolean;
}

type Waiting = WaitingTicket & { row: TicketRow };

const TICKET_COLUMNS = `id::text AS id, ticket_no, category, priority, issued_at, called_at, call_count, call_reason,
  target_counter, transferred_from_counter, person_index IS NOT NULL AS has_holder`;

/** Serialises a centre's window actions, so two counters never call the same ticket. */
const CALLS_LOCK = "SELECT pg_advisory_xact_lock(hashtext('queue_calls:' || $1))";

/**
 * The window terminal: a counter's state, and calling through the centre's fair interleave.
 * Every action runs in one transaction under the centre's calling lock, with the counter row
 * locked, and appends its QueueEvent in that same transaction (so a display never sees a call
 * that did not happen, nor misses one that did). The answer is the counter as it is afterwards.
 */
export class WindowService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date,
  ) {}

  async view(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    requireCentre(actor, centreId);
    return this.db.transaction(async (tx) => {
      const rules = await this.#rules(tx, centreId);
      const counter = await this.#counter(tx, centreId, number, false);
      return this.#view(tx, centreId, counter, rules);
    });
  }

  /** A closed counter becomes the actor's; opening one's own again changes nothing; someone else's: 409, supervisors too. */
  open(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter) => {
      if (counter.state !== 'closed') {
        if (counter.staff_username !== actor.username) throw new CounterHeldByOtherError(number);
        return [];
      }
      await this.#setState(tx, centreId, number, 'open', actor.username);
      return [{ type: 'counter.changed', counterNumber: number, state: 'open' }];
    });
  }

  close(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter) => {
      if (counter.state === 'closed') return [];
      const current = await this.#current(tx, centreId, number);
      if (current) throw new CurrentTicketOpenError(current.ticket_no);
      await this.#setState(tx, centreId, number, 'closed', null);
      return [{ type: 'counter.changed', counterNumber: number, state: 'closed' }];
    });
  }

  pause(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter) => {
      if (counter.state === 'closed') throw new CounterNotOpenError(number);
      if (counter.state === 'paused') return [];
      await this.#setState(tx, centreId, number, 'paused', counter.staff_username);
      return [{ type: 'counter.changed', counterNumber: number, state: 'paused' }];
    });
  }

  resume(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter) => {
      if (counter.state === 'closed') throw new CounterNotOpenError(number);
      if (counter.state === 'open') return [];
      await this.#setState(tx, centreId, number, 'open', counter.staff_username);
      return [{ type: 'counter.changed', counterNumber: number, state: 'open' }];
    });
  }

  /**
   * Calls the next ticket: one transferred to this counter by name first, else the interleave's
   * choice over the counter's categories. Refused while a ticket is still being served: the clerk
   * says whether it was done or a no-show, so statistics never count a no-show as served.
   */
  callNext(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter, rules, now) => {
      if (counter.state !== 'open') throw new CounterNotOpenError(number);
      const current = await this.#current(tx, centreId, number);
      if (current) throw new CurrentTicketOpenError(current.ticket_no);
      const choice = choose(await this.#waiting(tx, centreId, counter, now), counter, rules, now);
      if (!choice) throw new QueueEmptyError();
      const { ticket, reason } = choice;
      await tx.query(
        `UPDATE tickets SET status = 'called', called_at = COALESCE(called_at, $2), last_called_at = $2, counter_number = $3,
           call_count = call_count + 1, call_reason = $4::jsonb, called_by = $5, target_counter = NULL
         WHERE id = $1::uuid`,
        [ticket.id, now, number, JSON.stringify(reason), actor.username],
      );
      // A transfer by name is not the interleave's decision: the run stays as it was.
      if (reason.code !== 'transferred-to-counter') {
        const history = nextHistory({ consecutivePriorityCalls: counter.consecutive_priority_calls }, ticket);
        await tx.query('UPDATE counters SET consecutive_priority_calls = $3 WHERE centre_id = $1 AND number = $2', [
          centreId,
          number,
          history.consecutivePriorityCalls,
        ]);
      }
      return [
        {
          type: 'ticket.called',
          ticketNo: ticket.ticketNo,
          category: ticket.category,
          counterNumber: number,
          callCount: ticket.row.call_count + 1,
          waiting: await waitingCounts(tx, centreId, shanghaiDate(now)),
        },
      ];
    });
  }

  /** Calls the current ticket again (the display shows and speaks it once more). */
  recall(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, counter, _rules, now) => {
      if (counter.state !== 'open') throw new CounterNotOpenError(number);
      const current = await this.#requireCurrent(tx, centreId, number);
      await tx.query('UPDATE tickets SET call_count = call_count + 1, last_called_at = $2 WHERE id = $1::uuid', [current.id, now]);
      return [
        {
          type: 'ticket.called',
          ticketNo: current.ticket_no,
          category: current.category,
          counterNumber: number,
          callCount: current.call_count + 1,
          waiting: await waitingCounts(tx, centreId, shanghaiDate(now)),
        },
      ];
    });
  }

  finish(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#end(actor, centreId, number, 'done');
  }

  noShow(actor: WindowActor, centreId: string, number: number): Promise<CounterView> {
    return this.#end(actor, centreId, number, 'no-show');
  }

  /**
   * Back in line under another category (keeping its number and place by issue time), or for one
   * counter by name, which calls it before its own line.
   */
  transfer(actor: WindowActor, centreId: string, number: number, request: TransferRequest): Promise<CounterView> {
    const { toCategory, toCounter } = request;
    if ((toCategory === undefined) === (toCounter === undefined)) throw new TransferTargetRequiredError();
    if (toCounter === number) throw new TransferToSameCounterError();
    return this.#act(actor, centreId, number, async (tx, _counter, _rules, now) => {
      const current = await this.#requireCurrent(tx, centreId, number);
      let category = current.category;
      if (toCategory !== undefined) {
        const [known] = await tx.query('SELECT 1 FROM ticket_categories WHERE centre_id = $1 AND code = $2', [centreId, toCategory]);
        if (!known) throw new TicketCategoryNotFoundError(centreId, toCategory);
        category = toCategory;
      } else if (toCounter !== undefined) {
        const [target] = await tx.query<{ state: CounterState }>('SELECT state FROM counters WHERE centre_id = $1 AND number = $2', [centreId, toCounter]);
        if (!target) throw new CounterNotFoundError(toCounter);
        if (target.state === 'closed') throw new TransferTargetClosedError(toCounter);
      }
      // issued_category keeps the printed number unique (A012 now waiting in line B).
      await tx.query(
        `UPDATE tickets SET status = 'waiting', issued_category = COALESCE(issued_category, category), category = $2,
           target_counter = $3, transferred_from_counter = $4, counter_number = NULL, call_count = 0
         WHERE id = $1::uuid`,
        [current.id, category, toCounter ?? null, number],
      );
      return [
        {
          type: 'ticket.transferred',
          ticketNo: current.ticket_no,
          fromCounter: number,
          toCategory: category,
          toCounter: toCounter ?? null,
          waiting: await waitingCounts(tx, centreId, shanghaiDate(now)),
        },
      ];
    });
  }

  #end(actor: WindowActor, centreId: string, number: number, status: 'done' | 'no-show'): Promise<CounterView> {
    return this.#act(actor, centreId, number, async (tx, _counter, _rules, now) => {
      const current = await this.#requireCurrent(tx, centreId, number);
      await tx.query('UPDATE tickets SET status = $2, finished_at = $3 WHERE id = $1::uuid', [current.id, status, now]);
      return [{ type: status === 'done' ? 'ticket.finished' : 'ticket.noShow', ticketNo: current.ticket_no, counterNumber: number }];
    });
  }

  /**
   * One window action: centre binding, the centre's calling lock, the counter row locked, the
   * holder checked (a supervisor may act on any counter of the centre; staff on their own), the
   * change, its events, and the counter view, all in one transaction.
   */
  async #act(
    actor: WindowActor,
    centreId: string,
    number: number,
    change: (tx: SqlDatabase, counter: CounterRow, rules: QueueRules, now: Date) => Promise<QueueEventBody[]>,
  ): Promise<CounterView> {
    requireCentre(actor, centreId);
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      const rules = await this.#rules(tx, centreId);
      await tx.query(CALLS_LOCK, [centreId]);
      const counter = await this.#counter(tx, centreId, number, true);
      const heldByOther = counter.state !== 'closed' && counter.staff_username !== actor.username;
      if (heldByOther && actor.role !== 'supervisor') throw new CounterHeldByOtherError(number);
      for (const event of await change(tx, counter, rules, now)) await appendQueueEvent(tx, centreId, event, now);
      return this.#view(tx, centreId, await this.#counter(tx, centreId, number, false), rules);
    });
  }

  async #rules(tx: SqlDatabase, centreId: string): Promise<QueueRules> {
    const [centre] = await tx.query<{ queue_rules: QueueRules }>('SELECT queue_rules FROM centres WHERE id = $1', [centreId]);
    if (!centre) throw new CentreNotFoundError(centreId);
    return centre.queue_rules;
  }

  async #counter(tx: SqlDatabase, centreId: string, number: number, forUpdate: boolean): Promise<CounterRow> {
    const [row] = await tx.query<CounterRow>(
      `SELECT number, categories, state, staff_username, consecutive_priority_calls FROM counters WHERE centre_id = $1 AND number = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [centreId, number],
    );
    if (!row) throw new CounterNotFoundError(number);
    return row;
  }

  async #setState(tx: SqlDatabase, centreId: string, number: number, state: CounterState, staffUsername: string | null): Promise<void> {
    // `open` (0004) is what wait estimates count: a paused window will be back.
    await tx.query('UPDATE counters SET state = $3, open = $4, staff_username = $5 WHERE centre_id = $1 AND number = $2', [
      centreId,
      number,
      state,
      state !== 'closed',
      staffUsername,
    ]);
  }

  /** The ticket this counter is serving (any day: one left over from yesterday still needs ending). */
  async #current(tx: SqlDatabase, centreId: string, number: number): Promise<TicketRow | undefined> {
    const [row] = await tx.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets WHERE centre_id = $1 AND counter_number = $2 AND status = 'called'`,
      [centreId, number],
    );
    return row;
  }

  async #requireCurrent(tx: SqlDatabase, centreId: string, number: number): Promise<TicketRow> {
    const current = await this.#current(tx, centreId, number);
    if (!current) throw new NoCurrentTicketError();
    return current;
  }

  /** Today's tickets this counter may call: its categories' line, and those transferred to it by name. */
  async #waiting(tx: SqlDatabase, centreId: string, counter: CounterRow, now: Date): Promise<Waiting[]> {
    const rows = await tx.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets
       WHERE centre_id = $1 AND day = $2::date AND status = 'waiting'
         AND (target_counter = $3 OR (target_counter IS NULL AND category = ANY ($4::text[])))
       ORDER BY issued_at, ticket_no`,
      [centreId, shanghaiDate(now), counter.number, `{${counter.categories.join(',')}}`],
    );
    return rows.map((row) => ({ id: row.id, ticketNo: row.ticket_no, category: row.category, priority: row.priority, issuedAt: row.issued_at.toISOString(), row }));
  }

  async #view(tx: SqlDatabase, centreId: string, counter: CounterRow, rules: QueueRules): Promise<CounterView> {
    const now = this.clock();
    const waiting = await this.#waiting(tx, centreId, counter, now);
    const current = await this.#current(tx, centreId, counter.number);
    const next = counter.state === 'closed' ? null : choose(waiting, counter, rules, now);
    const counters = await tx.query<{ number: number; categories: string[]; state: CounterState }>(
      'SELECT number, categories, state FROM counters WHERE centre_id = $1 ORDER BY number',
      [centreId],
    );
    const categories = await tx.query<{ code: string; name_zh: string; name_en: string }>(
      'SELECT code, name_zh, name_en FROM ticket_categories WHERE centre_id = $1 ORDER BY sort_order, code',
      [centreId],
    );
    return {
      centreId,
      number: counter.number,
      categories: counter.categories,
      state: counter.state,
      staffUsername: counter.staff_username,
      consecutivePriorityCalls: counter.consecutive_priority_calls,
      current: current ? currentTicket(current) : null,
      next: next ? { ticketNo: next.ticket.ticketNo, reason: next.reason } : null,
      waiting: waiting.map((t): WindowWaitingTicket => ({
        ticketId: t.id,
        ticketNo: t.ticketNo,
        category: t.category,
        priority: t.row.priority,
        issuedAt: t.issuedAt,
        targetCounter: t.row.target_counter,
      })),
      counters,
      categoryNames: categories.map((c) => ({ code: c.code, name: { zh: c.name_zh, en: c.name_en } })),
    };
  }
}

/** Staff and supervisors act only in their own centre. */
export function requireCentre(actor: WindowActor, centreId: string): void {
  if (actor.centreId !== centreId) throw new StaffCentreForbiddenError();
}

/** Transferred-by-name tickets first (oldest first), else the interleave over the counter's line. */
function choose(waiting: Waiting[], counter: CounterRow, rules: QueueRules, now: Date): { ticket: Waiting; reason: CallReason } | null {
  const targeted = waiting.find((t) => t.row.target_counter === counter.number);
  if (targeted) return { ticket: targeted, reason: { code: 'transferred-to-counter', fromCounter: targeted.row.transferred_from_counter ?? counter.number } };
  return chooseNextTicket(
    waiting.filter((t) => t.row.target_counter === null),
    { consecutivePriorityCalls: counter.consecutive_priority_calls },
    rules,
    now,
  );
}

function currentTicket(row: TicketRow): CurrentTicket {
  return {
    ticketId: row.id,
    ticketNo: row.ticket_no,
    category: row.category,
    priority: row.priority,
    issuedAt: row.issued_at.toISOString(),
    calledAt: row.called_at!.toISOString(),
    callCount: Math.max(1, row.call_count),
    reason: row.call_reason ?? { code: 'first-come' },
    hasHolder: row.has_holder,
  };
}
