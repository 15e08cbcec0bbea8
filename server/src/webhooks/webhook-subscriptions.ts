import type { DepartmentKey, WebhookSubscriptionInput, WebhookSubscriptionView } from '@eldercare/domain';
import type { DataProtector, FieldContext } from '../crypto/data-protector';
import type { SqlDatabase } from '../db/sql-database';
import { WebhookSecretRequiredError, WebhookSubscriptionNotFoundError, WebhookUrlNotAllowedError } from './webhook-errors';
import { webhookUrlRefusal, type WebhookUrlPolicy } from './webhook-url-policy';

/** The encryption context a subscription's secret is bound to. */
export const WEBHOOK_SECRET_CONTEXT = 'webhook.secret' satisfies FieldContext;

/** What the dispatcher and the inbound route need of a subscription. */
export interface WebhookSubscription {
  department: DepartmentKey;
  url: string;
  secret: string;
  takeover: boolean;
  personalData: boolean;
  active: boolean;
}

interface SubscriptionRow {
  department: DepartmentKey;
  url: string;
  secret_enc: Buffer;
  takeover: boolean;
  personal_data: boolean;
  active: boolean;
  updated_by: string;
  updated_at: Date;
  pending: number;
  delivered: number;
  failed: number;
}

const SELECT = `SELECT s.*,
    (SELECT count(*) FROM webhook_deliveries d WHERE d.department = s.department AND d.status = 'pending')::int AS pending,
    (SELECT count(*) FROM webhook_deliveries d WHERE d.department = s.department AND d.status = 'delivered')::int AS delivered,
    (SELECT count(*) FROM webhook_deliveries d WHERE d.department = s.department AND d.status = 'failed')::int AS failed
  FROM webhook_subscriptions s`;

function toView(row: SubscriptionRow): WebhookSubscriptionView {
  return {
    department: row.department,
    url: row.url,
    takeover: row.takeover,
    personalData: row.personal_data,
    active: row.active,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    deliveries: { pending: row.pending, delivered: row.delivered, failed: row.failed },
  };
}

/** One subscription per department; the secret never leaves the server in a view. */
export class WebhookSubscriptions {
  constructor(
    private readonly db: SqlDatabase,
    private readonly protector: DataProtector,
    private readonly clock: () => Date,
    private readonly urlPolicy: WebhookUrlPolicy = {},
  ) {}

  /** Why webhooks may not go to this URL (webhook-url-policy.ts), or null. */
  urlRefusal(url: string): string | null {
    return webhookUrlRefusal(url, this.urlPolicy);
  }

  async list(): Promise<WebhookSubscriptionView[]> {
    return (await this.db.query<SubscriptionRow>(`${SELECT} ORDER BY s.department`)).map(toView);
  }

  async view(department: DepartmentKey): Promise<WebhookSubscriptionView> {
    const [row] = await this.db.query<SubscriptionRow>(`${SELECT} WHERE s.department = $1`, [department]);
    if (!row) throw new WebhookSubscriptionNotFoundError(department);
    return toView(row);
  }

  /** With the secret, for signing; null when the department has none. */
  async find(db: SqlDatabase, department: string): Promise<WebhookSubscription | null> {
    const [row] = await db.query<SubscriptionRow>('SELECT * FROM webhook_subscriptions WHERE department = $1', [department]);
    if (!row) return null;
    return {
      department: row.department,
      url: row.url,
      secret: this.protector.decrypt(row.secret_enc, WEBHOOK_SECRET_CONTEXT),
      takeover: row.takeover,
      personalData: row.personal_data,
      active: row.active,
    };
  }

  /** Creates or replaces; an update without a secret keeps the stored one. Takeover applies to parts created from now on. */
  async put(department: DepartmentKey, input: WebhookSubscriptionInput, updatedBy: string): Promise<WebhookSubscriptionView> {
    const refusal = this.urlRefusal(input.url);
    if (refusal !== null) throw new WebhookUrlNotAllowedError(refusal);
    const now = this.clock();
    const secretEnc = input.secret === undefined ? null : this.protector.encrypt(input.secret, WEBHOOK_SECRET_CONTEXT);
    await this.db.transaction(async (tx) => {
      const [existing] = await tx.query('SELECT 1 FROM webhook_subscriptions WHERE department = $1 FOR UPDATE', [department]);
      if (!existing && secretEnc === null) throw new WebhookSecretRequiredError();
      const values = [department, input.url, input.takeover, input.personalData ?? false, input.active ?? true, updatedBy, now];
      if (existing) {
        await tx.query(
          `UPDATE webhook_subscriptions SET url = $2, takeover = $3, personal_data = $4, active = $5, updated_by = $6, updated_at = $7,
             secret_enc = COALESCE($8, secret_enc) WHERE department = $1`,
          [...values, secretEnc],
        );
      } else {
        await tx.query(
          `INSERT INTO webhook_subscriptions (department, url, takeover, personal_data, active, updated_by, created_at, updated_at, secret_enc)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
          [...values, secretEnc],
        );
      }
    });
    return this.view(department);
  }

  /** Removes the subscription; its pending deliveries end as failed (nobody to send them to). */
  async remove(department: DepartmentKey): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query('DELETE FROM webhook_subscriptions WHERE department = $1 RETURNING department', [department]);
      if (rows.length === 0) throw new WebhookSubscriptionNotFoundError(department);
      await tx.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'subscription removed' WHERE department = $1 AND status = 'pending'`, [
        department,
      ]);
    });
  }
}
