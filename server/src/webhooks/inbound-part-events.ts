import type { DepartmentKey, InboundPartEvent, InboundPartEventResult, PartStatus } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';
import { movePart } from '../departments/part-mover';
import { findPartForMove } from './find-part';
import { ExternalPartNotFoundError, WebhookSignatureInvalidError, WebhookTakeoverOffError } from './webhook-errors';
import { checkWebhookSignature } from './webhook-signature';
import type { WebhookSubscriptions } from './webhook-subscriptions';

export interface SignedRequest {
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * A takeover system moving its department's parts: the request is signed with the
 * subscription's secret (same scheme as outbound), each event id is applied once (a replay
 * answers what happened, changes nothing), the move is the officers' movePart (canMovePart, the
 * assessment's facts, released waiting parts), and the history names the actor 'external:<department>'.
 */
export class InboundPartEvents {
  constructor(
    private readonly db: SqlDatabase,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: () => Date,
  ) {}

  /** Checked before the body is even looked at: nothing unsigned reaches the database. */
  async verify(department: string, request: SignedRequest): Promise<void> {
    const subscription = await this.subscriptions.find(this.db, department);
    if (!subscription) throw new WebhookSignatureInvalidError('no-subscription');
    const problem = checkWebhookSignature(subscription.secret, request, request.rawBody, this.clock());
    if (problem) throw new WebhookSignatureInvalidError(problem);
    if (!subscription.active || !subscription.takeover) throw new WebhookTakeoverOffError(department);
  }

  apply(department: DepartmentKey, event: InboundPartEvent): Promise<InboundPartEventResult> {
    const now = this.clock();
    return this.db.transaction(async (tx) => {
      const part = await findPartForMove(tx, event.applicationNo, event.partNo);
      if (!part || part.department !== department || !part.handledExternally) throw new ExternalPartNotFoundError();
      // The application lock orders concurrent replays: the second one finds the first one's row.
      const [recorded] = await tx.query<{ to_status: PartStatus }>(
        'SELECT to_status FROM webhook_inbound_events WHERE department = $1 AND event_id = $2',
        [department, event.eventId],
      );
      if (recorded) return { applied: false, applicationNo: event.applicationNo, partNo: event.partNo, status: part.status };
      await movePart(
        tx,
        part.applicationId,
        event.partNo,
        {
          // Without `from` the sender means the status the part has now.
          expectedStatus: event.from ?? part.status,
          to: event.to,
          ...(event.note !== undefined && { note: event.note }),
          ...(event.visitDate !== undefined && { visitDate: event.visitDate }),
          ...(event.careLevel !== undefined && { careLevel: event.careLevel }),
        },
        `external:${department}`,
        now,
      );
      await tx.query(
        `INSERT INTO webhook_inbound_events (department, event_id, received_at, application_id, part_no, to_status) VALUES ($1, $2, $3, $4, $5, $6)`,
        [department, event.eventId, now, part.applicationId, event.partNo, event.to],
      );
      return { applied: true, applicationNo: event.applicationNo, partNo: event.partNo, status: event.to };
    });
  }
}
