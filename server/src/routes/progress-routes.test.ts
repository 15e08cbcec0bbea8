import { addWorkingDays, RECEIPT_CODE_PATTERN, type ProgressResponse } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { receiptCodeFor } from '../progress/receipt-codes';
import { staffCookieFor } from '../testing/staff-cookie-for';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import {
  asApplication,
  channelRequest,
  demoPerson,
  identify,
  postApplication,
  seniorCardRequest,
  strangerCard,
  TEST_INSTANT,
  TestClock,
} from '../testing/test-kiosk';

const DAY_MS = 86_400_000;

describeOnEachDatabase('progress routes (一体管理)', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  async function progressOf(identifyToken: string): Promise<ProgressResponse> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/progress', payload: { identifyToken } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProgressResponse>();
  }

  /** What an officer's move leaves behind (their routes belong to the departments' part). */
  async function movePart(applicationNo: string, to: string, at: Date, actor = 'window1'): Promise<void> {
    const [row] = await app.db.query<{ id: number; status: string }>(
      `SELECT a.id, p.status FROM applications a JOIN application_parts p ON p.application_id = a.id AND p.part_no = 1
       WHERE a.application_no = $1`,
      [applicationNo],
    );
    await app.db.query('UPDATE application_parts SET status = $1, updated_at = $2 WHERE application_id = $3 AND part_no = 1', [to, at, row!.id]);
    await app.db.query(
      `INSERT INTO application_part_events (application_id, part_no, at, actor, from_status, to_status, note)
       VALUES ($1, 1, $2, $3, $4, $5, 'called the senior back')`,
      [row!.id, at, actor, row!.status, to],
    );
  }

  let seniorCardNo = '';
  let receiptCode = '';

  it('the submit response carries the receipt code; GET by the guessable number is staff-only and does not', async () => {
    const li = demoPerson('li-xiuying');
    const { identifyToken } = await identify(app, li.card);
    const created = asApplication(await postApplication(app, seniorCardRequest(identifyToken), 'progress-1'));
    seniorCardNo = created.applicationNo;
    receiptCode = created.receiptCode!;
    expect(receiptCode).toMatch(RECEIPT_CODE_PATTERN);
    expect(receiptCode.startsWith(`${seniorCardNo}-`)).toBe(true);
    expect(receiptCode).toBe(receiptCodeFor(app.protector, seniorCardNo));
    expect((await app.inject({ method: 'GET', url: `/api/v1/applications/${seniorCardNo}` })).statusCode).toBe(401);
    const cookie = await staffCookieFor(app, { username: 'progress-reader' });
    const byNumber = await app.inject({ method: 'GET', url: `/api/v1/applications/${seniorCardNo}`, headers: { cookie } });
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json()).not.toHaveProperty('receiptCode');
  });

  it('by ID card: each part in words with the due date in working days, its history, nothing personal', async () => {
    const li = demoPerson('li-xiuying');
    const { identifyToken } = await identify(app, li.card);
    const progress = await progressOf(identifyToken);
    expect(progress.asOf).toBe('2026-03-10');
    expect(progress.applications).toHaveLength(1);
    const [application] = progress.applications;
    expect(application).toMatchObject({ applicationNo: seniorCardNo, serviceKey: 'senior-card', submittedOn: '2026-03-10', applicantNameMasked: '李**' });
    expect(application!.parts[0]).toMatchObject({
      partNo: 1,
      status: 'submitted',
      nextStep: 'acceptance',
      expectedBy: addWorkingDays('2026-03-10', 2),
      late: false,
      done: false,
      history: [{ on: '2026-03-10', status: 'submitted' }],
    });
    expect(application!.parts[0]!.words.zh).toMatch(/^已提交，等待.+受理$/);
    const text = JSON.stringify(progress);
    expect(text).not.toContain(li.idNumber);
    expect(text).not.toContain(li.name);
  });

  it('a moved part counts from its move, turns late when its date passes, and never names the officer', async () => {
    await movePart(seniorCardNo, 'accepted', new Date(TEST_INSTANT.getTime() + DAY_MS));
    clock.advance(30 * DAY_MS); // 2026-04-09
    const li = demoPerson('li-xiuying', clock.now);
    const { identifyToken } = await identify(app, li.card);
    // A newer application comes first.
    const channel = asApplication(await postApplication(app, channelRequest(identifyToken, 'social-security-card'), 'progress-2'));
    const progress = await progressOf(identifyToken);
    expect(progress.applications.map((a) => a.applicationNo)).toEqual([channel.applicationNo, seniorCardNo]);
    const card = progress.applications[1]!.parts[0]!;
    expect(card).toMatchObject({ status: 'accepted', nextStep: 'decision', expectedBy: addWorkingDays('2026-03-11', 10), late: true });
    expect(card.history).toEqual([
      { on: '2026-03-10', status: 'submitted' },
      { on: '2026-03-11', status: 'accepted' },
    ]);
    expect(JSON.stringify(progress)).not.toMatch(/window1|called the senior back/);
  });

  it('by receipt code: that one application; a forged, bare or unknown code is 404 alike', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/progress/receipt/${receiptCode}` });
    expect(res.statusCode).toBe(200);
    expect(res.json<ProgressResponse>().applications.map((a) => a.applicationNo)).toEqual([seniorCardNo]);

    const last = receiptCode.at(-1) === 'A' ? 'B' : 'A';
    const unknownNo = `YL20260310${'9'.repeat(6)}`;
    for (const code of [receiptCode.slice(0, -1) + last, seniorCardNo, receiptCodeFor(app.protector, unknownNo), 'nonsense']) {
      const refused = await app.inject({ method: 'GET', url: `/api/v1/progress/receipt/${code}` });
      expect(refused.statusCode, code).toBe(404);
      expect(refused.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("another person sees none of it; a card first seen today has nothing; a bad token is 401", async () => {
    const other = await identify(app, demoPerson('zhang-guihua', clock.now).card);
    expect((await progressOf(other.identifyToken)).applications).toEqual([]);
    const stranger = await identify(app, strangerCard({ birthDate: '1950-05-05', sequence: 7 }));
    expect((await progressOf(stranger.identifyToken)).applications).toEqual([]);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/progress', payload: { identifyToken: 'not-a-token' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'IDENTIFY_TOKEN_INVALID' });
    const empty = await app.inject({ method: 'POST', url: '/api/v1/progress', payload: {} });
    expect(empty.statusCode).toBe(400);
  });
});
