import { shanghaiDate, type ApplicationView } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
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

const DAY = shanghaiDate(TEST_INSTANT).replaceAll('-', '');

describeOnEachDatabase('applications', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  let nextSequence = 100;
  /** A fresh eligible person (76, Shanghai hukou, not in the registry) for each test that needs one. */
  const freshCard = () => strangerCard({ birthDate: '1950-01-01', sequence: nextSequence++ });
  const numbers: string[] = [];
  const remember = (view: ApplicationView) => {
    if (!numbers.includes(view.applicationNo)) numbers.push(view.applicationNo);
    return view;
  };

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  it('the same Idempotency-Key and body twice give one application with one number', async () => {
    const { identifyToken } = await identify(app, freshCard());
    const body = seniorCardRequest(identifyToken);
    const first = await postApplication(app, body, 'same-key-twice');
    const second = await postApplication(app, body, 'same-key-twice');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    remember(asApplication(first));
    // Key order inside the body does not make it a different body.
    const reordered = { answers: { delivery: 'collect', phone: '13912345678' }, identifyToken, serviceKey: 'senior-card' };
    const third = await postApplication(app, reordered, 'same-key-twice');
    expect(third.statusCode).toBe(201);
    expect(third.json().applicationNo).toBe(first.json().applicationNo);
  });

  it('20 identical requests racing create exactly one application', async () => {
    const { identifyToken } = await identify(app, freshCard());
    const body = seniorCardRequest(identifyToken, 'mail');
    const responses = await Promise.all(Array.from({ length: 20 }, () => postApplication(app, body, 'racing-key')));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const distinct = new Set(responses.map((r) => r.json().applicationNo));
    expect(distinct.size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    const [{ count }] = await app.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM applications WHERE application_no = $1',
      [[...distinct][0]!],
    ) as [{ count: number }];
    expect(count).toBe(1);
    remember(asApplication(responses[0]!));
  });

  it('a reused key with a different body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const { identifyToken } = await identify(app, freshCard());
    remember(asApplication(await postApplication(app, seniorCardRequest(identifyToken, 'collect'), 'reused-key')));
    const res = await postApplication(app, seniorCardRequest(identifyToken, 'mail'), 'reused-key');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('the Idempotency-Key header is required: 1–128 visible characters', async () => {
    const { identifyToken } = await identify(app, freshCard());
    const body = seniorCardRequest(identifyToken);
    for (const key of [undefined, '', 'x'.repeat(129), 'has space', 'tab\there', '键']) {
      const headers = key === undefined ? {} : { 'idempotency-key': key };
      const res = await app.inject({ method: 'POST', url: '/api/v1/applications', payload: body, headers });
      expect(res.statusCode, `key ${JSON.stringify(key)}`).toBe(400);
      expect(res.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    }
    remember(asApplication(await postApplication(app, body, 'k'.repeat(128))));
  });

  it('an unknown or expired identify token is 401 IDENTIFY_TOKEN_INVALID; a replay still answers after expiry', async () => {
    const unknown = await postApplication(app, seniorCardRequest('A'.repeat(43)), 'unknown-token');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('IDENTIFY_TOKEN_INVALID');

    const { identifyToken } = await identify(app, freshCard());
    const body = seniorCardRequest(identifyToken);
    const created = remember(asApplication(await postApplication(app, body, 'before-expiry')));
    clock.advance(15 * 60 * 1000);
    try {
      const replay = await postApplication(app, body, 'before-expiry');
      expect(replay.statusCode).toBe(201);
      expect(replay.json().applicationNo).toBe(created.applicationNo);
      const expired = await postApplication(app, channelRequest(identifyToken, 'senior-card'), 'after-expiry');
      expect(expired.statusCode).toBe(401);
    } finally {
      clock.now = TEST_INSTANT;
    }
  });

  it('eligibility is checked on the server: a 62-year-old gets 403 NOT_ELIGIBLE with the reasons', async () => {
    const { identifyToken } = await identify(app, demoPerson('chen-zhiqiang').card);
    const res = await postApplication(app, seniorCardRequest(identifyToken), 'too-young');
    expect(res.statusCode).toBe(403);
    const body = res.json();
    expect(body.code).toBe('NOT_ELIGIBLE');
    expect(body.reasons[0].code).toBe('too-young');
    expect(body.reasons[0].text.zh).toContain('62周岁');
    expect(body.details[0].message).toContain('年满65周岁');
    const en = await postApplication(app, seniorCardRequest(identifyToken), 'too-young-en', { 'accept-language': 'en' });
    expect(en.json().message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('allowance channel: the change is recorded and identify shows it; choosing it again is 409', async () => {
    const li = demoPerson('li-xiuying');
    const first = await identify(app, li.card);
    expect(first.person.allowanceChannel).toBeNull();
    const view = remember(asApplication(await postApplication(app, channelRequest(first.identifyToken, 'social-security-card'), 'channel-1')));
    expect(view).toMatchObject({
      serviceKey: 'allowance-channel',
      status: 'completed',
      answers: { channel: 'social-security-card', previousChannel: null },
      parts: [{ partNo: 1, department: 'civil-affairs', status: 'completed' }],
    });
    const second = await identify(app, li.card);
    expect(second.person.allowanceChannel).toBe('social-security-card');

    const again = await postApplication(app, channelRequest(second.identifyToken, 'social-security-card'), 'channel-2');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_CHOSEN');

    const back = remember(asApplication(await postApplication(app, channelRequest(second.identifyToken, 'senior-card'), 'channel-3')));
    expect(back.answers).toEqual({ channel: 'senior-card', previousChannel: 'social-security-card' });
    expect((await identify(app, li.card)).person.allowanceChannel).toBe('senior-card');
  });

  it('senior card: one part per department, phone and address masked, then identify says it is pending', async () => {
    const ouyang = demoPerson('ouyang-mingyue');
    const { identifyToken } = await identify(app, ouyang.card);
    const view = remember(asApplication(await postApplication(app, seniorCardRequest(identifyToken, 'mail', '13600001111'), 'senior-card-1')));
    expect(view).toMatchObject({
      serviceKey: 'senior-card',
      serviceName: { zh: '申领敬老卡' },
      status: 'submitted',
      applicantNameMasked: '欧阳**',
      idNumberMasked: `${ouyang.idNumber.slice(0, 3)}***********${ouyang.idNumber.slice(-4)}`,
      answers: { phoneMasked: '136****1111', delivery: 'mail', mailingAddressMasked: '上海市长宁区愚园路****弄*号***室' },
      parts: [
        { partNo: 1, department: 'civil-affairs', status: 'submitted', departmentName: { zh: '民政部门' } },
        { partNo: 2, department: 'bank', status: 'submitted' },
      ],
    });
    const after = await identify(app, ouyang.card);
    const seniorCard = after.eligibility.find((e) => e.serviceKey === 'senior-card')!;
    expect(seniorCard).toMatchObject({ eligible: false, reasons: [{ code: 'senior-card-application-pending' }] });
    const twice = await postApplication(app, seniorCardRequest(after.identifyToken), 'senior-card-2');
    expect(twice.statusCode).toBe(403);
  });

  it('someone not in the registry joins it with their first application', async () => {
    const card = freshCard();
    const before = await identify(app, card);
    expect(before.person.inRegistry).toBe(false);
    remember(asApplication(await postApplication(app, channelRequest(before.identifyToken, 'senior-card'), 'stranger-1')));
    const after = await identify(app, card);
    expect(after.person).toMatchObject({ inRegistry: true, allowanceChannel: 'senior-card', shanghaiHukou: true });
    // The old card-only token still works, and now finds the registry row.
    const res = await postApplication(app, channelRequest(before.identifyToken, 'senior-card'), 'stranger-2');
    expect(res.statusCode).toBe(409);
  });

  it('GET /applications/:applicationNo is staff-only and returns the masked application; unknown is 404, malformed 400', async () => {
    const card = freshCard();
    const { identifyToken } = await identify(app, card);
    const created = remember(asApplication(await postApplication(app, seniorCardRequest(identifyToken, 'mail'), 'get-1')));
    // Numbers are sequential: without a staff session nobody reads one, not even its existence.
    const anonymous = await app.inject({ method: 'GET', url: `/api/v1/applications/${created.applicationNo}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('STAFF_SESSION_REQUIRED');
    expect((await app.inject({ method: 'GET', url: `/api/v1/applications/YL${DAY}999999` })).statusCode).toBe(401);
    const cookie = await staffCookieFor(app, { username: 'get-reader' });
    const res = await app.inject({ method: 'GET', url: `/api/v1/applications/${created.applicationNo}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    // The receipt code comes only with the submit response: a guessed number must not give it.
    const { receiptCode: _code, ...withoutCode } = created;
    expect(res.json()).toEqual(withoutCode);
    expect(res.body).not.toContain(card.idNumber);
    expect(res.body).not.toContain(card.name);
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('1500弄');

    const missing = await app.inject({ method: 'GET', url: `/api/v1/applications/YL${DAY}999999`, headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/applications/not-a-number', headers: { cookie } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });

  it('application numbers are YL + date + a daily sequence without gaps, and restart at 1 the next day', async () => {
    const sorted = [...numbers].sort();
    expect(sorted).toEqual(sorted.map((_, i) => `YL${DAY}${String(i + 1).padStart(6, '0')}`));
    // Refused applications (403, 409, 401) above took no number.
    const [{ last }] = (await app.db.query<{ last: number }>('SELECT last_value AS last FROM application_counters WHERE day = $1', [DAY])) as [
      { last: number },
    ];
    expect(last).toBe(numbers.length);

    clock.advance(24 * 60 * 60 * 1000);
    try {
      const { identifyToken } = await identify(app, freshCard());
      const next = asApplication(await postApplication(app, seniorCardRequest(identifyToken), 'next-day'));
      expect(next.applicationNo).toBe(`YL${shanghaiDate(clock.now).replaceAll('-', '')}000001`);
    } finally {
      clock.now = TEST_INSTANT;
    }
  });
});
