import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookPayload } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { TestClock, TEST_INSTANT } from '../testing/test-kiosk';
import { insertTestApplication } from './insert-test-application';
import { WebhookDispatcher, type WebhookTimers } from './webhook-dispatcher';
import { checkWebhookSignature } from './webhook-signature';

const SECRET = 'street-office-secret-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A department's receiver on 127.0.0.1: answers with the next scripted status (200 once the script is used up). */
async function startReceiver(): Promise<{ url: string; received: Received[]; script: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/eldercare`,
    received,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeOnEachDatabase('webhook dispatcher', (target) => {
  let app: FastifyInstance;
  let clock: TestClock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    clock = new TestClock(TEST_INSTANT);
    receiver = await startReceiver();
    app = await buildApp({
      database: await target.create(),
      dataKey: TEST_DATA_KEY,
      clock: clock.read,
      // Jitter factor exactly 1 (random 0.5): the schedule is the plain doubling.
      webhooks: { dispatch: false, dispatcher: { random: () => 0.5 }, allowedOrigins: [new URL(receiver.url).origin, 'http://127.0.0.1:1'] },
    });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    clock.now = TEST_INSTANT;
    receiver.received.length = 0;
    receiver.script.length = 0;
    await app.db.query('DELETE FROM webhook_deliveries');
    await app.db.query('DELETE FROM webhook_subscriptions');
    await app.webhookSubscriptions.put('street-office', { url: receiver.url, secret: SECRET, takeover: false }, 'supervisor');
  });

  const deliveries = () =>
    app.db.query<{ status: string; attempts: number; next_attempt_at: Date; last_status_code: number | null; kind: string }>(
      'SELECT status, attempts, next_attempt_at, last_status_code, kind FROM webhook_deliveries ORDER BY created_at, kind',
    );

  it('a receiver that fails twice gets the same signed delivery three times, 30 s then 60 s apart, and a 2xx ends it', async () => {
    const applicationNo = await insertTestApplication(app, {
      serviceKey: 'home-visit',
      parts: [{ department: 'street-office', kind: 'home-visit' }],
      at: clock.now,
    });
    receiver.script.push(500, 503);

    expect(await app.webhookDispatcher.runOnce()).toBe(1);
    let [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, kind: 'part.created' });
    expect(row!.next_attempt_at.getTime() - clock.now.getTime()).toBe(30_000);

    clock.advance(29_999);
    expect(await app.webhookDispatcher.runOnce()).toBe(0);
    clock.advance(1);
    expect(await app.webhookDispatcher.runOnce()).toBe(1);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_status_code: 503 });
    expect(row!.next_attempt_at.getTime() - clock.now.getTime()).toBe(60_000);

    clock.advance(60_000);
    expect(await app.webhookDispatcher.runOnce()).toBe(1);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200 });
    expect(await app.webhookDispatcher.runOnce()).toBe(0);

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers['x-eldercare-delivery']));
    expect(ids.size).toBe(1);
    for (const r of receiver.received) {
      const signed = { timestamp: r.headers['x-eldercare-timestamp'] as string, signature: r.headers['x-eldercare-signature'] as string };
      expect(checkWebhookSignature(SECRET, signed, r.body, clock.now)).toBeNull();
      expect(checkWebhookSignature('another-secret-0123456789abcdef0123', signed, r.body, clock.now)).toBe('mismatch');
    }
    const payload = JSON.parse(receiver.received[2]!.body) as WebhookPayload;
    expect(payload).toMatchObject({
      type: 'part.created',
      applicationNo,
      partNo: 1,
      serviceKey: 'home-visit',
      department: 'street-office',
      kind: 'home-visit',
      status: 'submitted',
      handledExternally: false,
      entry: { actor: 'system', from: null, to: 'submitted' },
    });
    expect(payload.deliveryId).toBe([...ids][0]);
    // Nothing personal without the subscription's personalData.
    expect(payload.applicant).toBeUndefined();
    expect(receiver.received[2]!.body).not.toContain('王');
  });

  it('gives up after the last attempt: failed, with the last status', async () => {
    const slow = new WebhookDispatcher(app.db, app.protector, app.webhookSubscriptions, clock.read, {
      random: () => 0.5,
      backoff: { baseMs: 30_000, maxMs: 3_600_000, jitter: 0.2, maxAttempts: 3 },
    });
    await insertTestApplication(app, { serviceKey: 'home-visit', parts: [{ department: 'street-office', kind: 'home-visit' }], at: clock.now });
    receiver.script.push(500, 500, 500, 500);
    for (const wait of [0, 30_000, 60_000]) {
      clock.advance(wait);
      expect(await slow.runOnce()).toBe(1);
    }
    clock.advance(3_600_000);
    expect(await slow.runOnce()).toBe(0);
    expect(await deliveries()).toMatchObject([{ status: 'failed', attempts: 3, last_status_code: 500 }]);
    const view = await app.webhookSubscriptions.view('street-office');
    expect(view.deliveries).toEqual({ pending: 0, delivered: 0, failed: 1 });
  });

  it('a network failure counts as an attempt; departments without a subscription get nothing', async () => {
    await app.webhookSubscriptions.put('street-office', { url: 'http://127.0.0.1:1/closed', takeover: false }, 'supervisor');
    await insertTestApplication(app, {
      serviceKey: 'ltc-joint',
      parts: [
        { department: 'street-office', kind: 'review' },
        { department: 'medical-insurance', kind: 'assessment' },
      ],
      at: clock.now,
    });
    expect(await app.webhookDispatcher.runOnce()).toBe(1);
    const [row] = await app.db.query<{ status: string; last_error: string; department: string }>('SELECT status, last_error, department FROM webhook_deliveries');
    expect(row).toMatchObject({ status: 'pending', department: 'street-office' });
    expect(row!.last_error).toMatch(/fetch failed|ECONNREFUSED|TypeError/);
  });

  it('a URL no longer allowed when it is sent to fails the delivery, and nothing is sent', async () => {
    // Stored before the allowed origins changed (the table is written directly, as an old row would be).
    await app.db.query(`UPDATE webhook_subscriptions SET url = 'http://169.254.169.254/latest/meta-data/' WHERE department = 'street-office'`);
    await insertTestApplication(app, { serviceKey: 'home-visit', parts: [{ department: 'street-office', kind: 'home-visit' }], at: clock.now });
    expect(await app.webhookDispatcher.runOnce()).toBe(1);
    const [row] = await app.db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM webhook_deliveries');
    expect(row!.status).toBe('failed');
    expect(row!.last_error).toMatch(/^URL not allowed: .*WEBHOOK_ALLOWED_ORIGINS/);
    expect(receiver.received).toHaveLength(0);
  });

  it('two dispatchers (two instances) send each delivery once', async () => {
    const other = new WebhookDispatcher(app.db, app.protector, app.webhookSubscriptions, clock.read, { batchSize: 2 });
    for (let i = 0; i < 6; i++) {
      await insertTestApplication(app, { serviceKey: 'home-visit', parts: [{ department: 'street-office', kind: 'home-visit' }], at: clock.now });
    }
    const [a, b] = await Promise.all([app.webhookDispatcher.runOnce(), other.runOnce()]);
    expect(a + b).toBe(6);
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.headers['x-eldercare-delivery'])).size).toBe(6);
    expect((await deliveries()).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('the loop polls on its timer and a new delivery (NOTIFY) wakes it at once; stop cancels the timer', async () => {
    const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
    const timers: WebhookTimers = {
      set(fn, ms) {
        const timer = { fn, ms, cancelled: false };
        pending.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    };
    const live = () => pending.filter((t) => !t.cancelled);
    const loop = new WebhookDispatcher(app.db, app.protector, app.webhookSubscriptions, clock.read, { pollMs: 5_000 }, timers);
    await loop.start();
    expect(live().map((t) => t.ms)).toEqual([5_000]);

    await insertTestApplication(app, { serviceKey: 'home-visit', parts: [{ department: 'street-office', kind: 'home-visit' }], at: clock.now });
    // The NOTIFY may arrive from another connection (PostgreSQL): wait for the wake-up timer, not for time.
    await expect.poll(() => live().map((t) => t.ms)).toEqual([0]);
    const wake = live()[0]!;
    wake.cancelled = true;
    wake.fn();
    // Joins the round the timer started (the POST is real I/O).
    await loop.runOnce();
    expect((await deliveries()).map((d) => d.status)).toEqual(['delivered']);
    // After the round, the next poll is scheduled.
    await expect.poll(() => live().map((t) => t.ms)).toEqual([5_000]);
    await loop.stop();
    expect(live()).toHaveLength(0);
  });

  it('with personalData the applicant is in the payload, masked', async () => {
    await app.webhookSubscriptions.put('street-office', { url: receiver.url, takeover: false, personalData: true }, 'supervisor');
    await insertTestApplication(app, { serviceKey: 'home-visit', parts: [{ department: 'street-office', kind: 'home-visit' }], at: clock.now });
    await app.webhookDispatcher.runOnce();
    const payload = JSON.parse(receiver.received[0]!.body) as WebhookPayload;
    expect(payload.applicant).toEqual({ name: '王**', idNumber: '310***********0024' });
  });
});
