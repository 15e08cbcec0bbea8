import type { InboundPartEvent, WebhookSubscriptionView } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';
import { insertTestApplication } from '../webhooks/insert-test-application';
import { signWebhook } from '../webhooks/webhook-signature';

const PASSWORD = 'webhook-pass-2026';
const SECRET = 'medical-insurance-secret-0123456789';

function cookieOf(res: LightMyRequestResponse): string {
  const match = new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${STAFF_COOKIE}=${match[1]}`;
}

describeOnEachDatabase('webhook routes', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read, webhooks: { dispatch: false, allowedOrigins: ['http://127.0.0.1:9'] } });
    for (const [username, role] of [
      ['boss', 'supervisor'],
      ['desk', 'staff'],
    ] as const) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId: 'CN-TEST', password: PASSWORD });
      cookies[username] = cookieOf(await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } }));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const put = (who: string | null, department: string, payload: object) =>
    app.inject({ method: 'PUT', url: `/api/v1/admin/webhooks/${department}`, payload, headers: who ? { cookie: cookies[who]! } : {} });

  /** What a department system sends: the body signed with its secret. */
  const inbound = (event: InboundPartEvent, options: { secret?: string; timestamp?: number; department?: string } = {}) => {
    const body = JSON.stringify(event);
    const timestamp = options.timestamp ?? Math.floor(clock.now.getTime() / 1000);
    return app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${options.department ?? 'medical-insurance'}/events`,
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-eldercare-timestamp': String(timestamp),
        'x-eldercare-signature': signWebhook(options.secret ?? SECRET, timestamp, body),
      },
    });
  };

  it('supervisors manage subscriptions; the secret is never shown; others are refused', async () => {
    expect((await put(null, 'medical-insurance', { url: 'http://127.0.0.1:9/x', takeover: true })).statusCode).toBe(401);
    expect((await put('desk', 'medical-insurance', { url: 'http://127.0.0.1:9/x', takeover: true })).statusCode).toBe(403);
    const noSecret = await put('boss', 'medical-insurance', { url: 'http://127.0.0.1:9/x', takeover: true });
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.json().code).toBe('WEBHOOK_SECRET_REQUIRED');
    expect((await put('boss', 'medical-insurance', { url: 'ftp://x', secret: SECRET, takeover: true })).statusCode).toBe(400);
    expect((await put('boss', 'nowhere', { url: 'http://127.0.0.1:9/x', secret: SECRET, takeover: true })).statusCode).toBe(400);

    const created = await put('boss', 'medical-insurance', { url: 'http://127.0.0.1:9/x', secret: SECRET, takeover: true });
    expect(created.statusCode).toBe(200);
    expect(created.json<WebhookSubscriptionView>()).toMatchObject({ department: 'medical-insurance', takeover: true, personalData: false, active: true, updatedBy: 'boss' });
    expect(created.body).not.toContain(SECRET);
    const stored = await app.db.query<{ secret_enc: Buffer }>('SELECT secret_enc FROM webhook_subscriptions');
    expect(stored[0]!.secret_enc.toString('latin1')).not.toContain(SECRET);

    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/webhooks', headers: { cookie: cookies['boss']! } });
    expect(list.json().subscriptions).toHaveLength(1);
    expect(list.body).not.toContain(SECRET);
  });

  it('refuses a URL outside WEBHOOK_ALLOWED_ORIGINS with 400 WEBHOOK_URL_NOT_ALLOWED, storing nothing', async () => {
    for (const url of ['http://127.0.0.1:8080/api/v1/admin/webhooks', 'http://169.254.169.254/latest/meta-data/', 'https://elsewhere.example.gov.cn/in']) {
      const res = await put('boss', 'civil-affairs', { url, secret: SECRET, takeover: false });
      expect([res.statusCode, res.json().code], url).toEqual([400, 'WEBHOOK_URL_NOT_ALLOWED']);
      expect(res.json().message).toContain('WEBHOOK_ALLOWED_ORIGINS');
    }
    expect(await app.db.query(`SELECT 1 FROM webhook_subscriptions WHERE department = 'civil-affairs'`)).toHaveLength(0);
  });

  it('a taken-over part is handled externally and moved by signed inbound events, a replay applied once', async () => {
    await put('boss', 'medical-insurance', { url: 'http://127.0.0.1:9/x', secret: SECRET, takeover: true });
    const applicationNo = await insertTestApplication(app, {
      serviceKey: 'ltc-joint',
      parts: [
        { department: 'medical-insurance', kind: 'assessment' },
        { department: 'civil-affairs', kind: 'review', status: 'waiting-for-assessment' },
      ],
      at: clock.now,
    });
    const parts = await app.db.query<{ part_no: number; handled_externally: boolean }>(
      `SELECT part_no, handled_externally FROM application_parts p JOIN applications a ON a.id = p.application_id WHERE a.application_no = $1 ORDER BY part_no`,
      [applicationNo],
    );
    expect(parts.map((p) => p.handled_externally)).toEqual([true, false]);

    const accept = { eventId: 'mi-0001', applicationNo, partNo: 1, to: 'accepted', from: 'submitted' } as const;
    const first = await inbound(accept);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ applied: true, applicationNo, partNo: 1, status: 'accepted' });
    clock.advance(1000);
    const replay = await inbound(accept);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ applied: false, applicationNo, partNo: 1, status: 'accepted' });

    const history = await app.db.query<{ actor: string; from_status: string | null; to_status: string }>(
      `SELECT e.actor, e.from_status, e.to_status FROM application_part_events e JOIN applications a ON a.id = e.application_id
       WHERE a.application_no = $1 AND e.part_no = 1 ORDER BY e.id`,
      [applicationNo],
    );
    expect(history).toEqual([
      { actor: 'system', from_status: null, to_status: 'submitted' },
      { actor: 'external:medical-insurance', from_status: 'submitted', to_status: 'accepted' },
    ]);
    const [application] = await app.db.query<{ status: string }>('SELECT status FROM applications WHERE application_no = $1', [applicationNo]);
    expect(application!.status).toBe('in-progress');
    // The move itself is told to the department like any other (part.created + part.moved).
    const kinds = await app.db.query<{ kind: string }>(
      `SELECT d.kind FROM webhook_deliveries d JOIN applications a ON a.id = d.application_id WHERE a.application_no = $1 ORDER BY d.created_at, d.kind`,
      [applicationNo],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['part.created', 'part.moved']);

    // canMovePart decides; facts are required; a stale `from` is refused.
    const refused = await inbound({ eventId: 'mi-0002', applicationNo, partNo: 1, to: 'report-delivered' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'PART_MOVE_NOT_ALLOWED']);
    const noDate = await inbound({ eventId: 'mi-0003', applicationNo, partNo: 1, to: 'visit-scheduled' });
    expect([noDate.statusCode, noDate.json().code]).toEqual([400, 'VISIT_DATE_REQUIRED']);
    const stale = await inbound({ eventId: 'mi-0004', applicationNo, partNo: 1, to: 'visit-scheduled', from: 'submitted', visitDate: '2026-03-12' });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'PART_CHANGED']);
    // A refused event did not use up its id.
    const scheduled = await inbound({ eventId: 'mi-0003', applicationNo, partNo: 1, to: 'visit-scheduled', visitDate: '2026-03-12' });
    expect(scheduled.json()).toMatchObject({ applied: true, status: 'visit-scheduled' });
    const [part] = await app.db.query<{ visit_date: string }>(
      `SELECT p.visit_date::text AS visit_date FROM application_parts p JOIN applications a ON a.id = p.application_id WHERE a.application_no = $1 AND part_no = 1`,
      [applicationNo],
    );
    expect(part!.visit_date).toBe('2026-03-12');

    // Only the department's own, taken-over parts.
    const notExternal = await inbound({ eventId: 'mi-0005', applicationNo, partNo: 2, to: 'submitted' });
    expect([notExternal.statusCode, notExternal.json().code]).toEqual([404, 'EXTERNAL_PART_NOT_FOUND']);

    // The rest of the assessment from outside, as an officer would: the report releases the waiting part.
    expect((await inbound({ eventId: 'mi-0006', applicationNo, partNo: 1, to: 'assessed', careLevel: 3 })).json()).toMatchObject({ applied: true });
    expect((await inbound({ eventId: 'mi-0007', applicationNo, partNo: 1, to: 'public-notice' })).json()).toMatchObject({ applied: true });
    clock.advance(14 * 86_400_000);
    expect((await inbound({ eventId: 'mi-0008', applicationNo, partNo: 1, to: 'report-delivered' })).json()).toMatchObject({ applied: true });
    clock.now = TEST_INSTANT;
    const released = await app.db.query<{ status: string; actor: string }>(
      `SELECT p.status, e.actor FROM application_parts p JOIN applications a ON a.id = p.application_id
       JOIN application_part_events e ON e.application_id = p.application_id AND e.part_no = p.part_no
       WHERE a.application_no = $1 AND p.part_no = 2 ORDER BY e.id DESC LIMIT 1`,
      [applicationNo],
    );
    expect(released).toEqual([{ status: 'submitted', actor: 'system' }]);
  });

  it('refuses unsigned, wrongly signed, stale and non-takeover requests before reading the body', async () => {
    await put('boss', 'medical-insurance', { url: 'http://127.0.0.1:9/x', secret: SECRET, takeover: true });
    const event = { eventId: 'x-1', applicationNo: 'YL000', partNo: 1, to: 'accepted' } as const;
    const bad = await inbound(event, { secret: 'not-the-secret-0123456789abcdefghij' });
    expect([bad.statusCode, bad.json().code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    const stale = await inbound(event, { timestamp: Math.floor(clock.now.getTime() / 1000) - 600 });
    expect(stale.statusCode).toBe(401);
    const unsigned = await app.inject({ method: 'POST', url: '/api/v1/webhooks/medical-insurance/events', payload: event });
    expect(unsigned.statusCode).toBe(401);
    const invalidBody = await inbound({ nonsense: true } as unknown as InboundPartEvent, { department: 'bank' });
    expect(invalidBody.statusCode).toBe(401);
    const unknownPart = await inbound(event);
    expect([unknownPart.statusCode, unknownPart.json().code]).toEqual([404, 'EXTERNAL_PART_NOT_FOUND']);

    await put('boss', 'medical-insurance', { url: 'http://127.0.0.1:9/x', takeover: false });
    const off = await inbound(event);
    expect([off.statusCode, off.json().code]).toEqual([403, 'WEBHOOK_TAKEOVER_OFF']);
  });

  it('lists a department’s deliveries and removes a subscription (pending deliveries end as failed)', async () => {
    await put('boss', 'sports', { url: 'http://127.0.0.1:9/x', secret: SECRET, takeover: false });
    const applicationNo = await insertTestApplication(app, { serviceKey: 'sports-voucher', parts: [{ department: 'sports', kind: 'instant', status: 'completed' }], at: clock.now });
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/webhooks/sports/deliveries', headers: { cookie: cookies['boss']! } });
    expect(list.statusCode).toBe(200);
    expect(list.json().deliveries).toMatchObject([{ kind: 'part.created', applicationNo, partNo: 1, status: 'pending', attempts: 0 }]);
    const removed = await app.inject({ method: 'DELETE', url: '/api/v1/admin/webhooks/sports', headers: { cookie: cookies['boss']! } });
    expect(removed.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/admin/webhooks/sports/deliveries?status=failed', headers: { cookie: cookies['boss']! } });
    expect(after.json().deliveries).toMatchObject([{ status: 'failed', lastError: 'subscription removed' }]);
    const again = await app.inject({ method: 'DELETE', url: '/api/v1/admin/webhooks/sports', headers: { cookie: cookies['boss']! } });
    expect([again.statusCode, again.json().code]).toEqual([404, 'WEBHOOK_SUBSCRIPTION_NOT_FOUND']);
  });
});
