import { demoResidents, shanghaiDate, type IdCardData, type IdentifyResponse } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { channelRequest, demoPerson, identify, postApplication, seniorCardRequest, strangerCard, TEST_INSTANT, TestClock } from '../testing/test-kiosk';

function eligibility(response: IdentifyResponse, serviceKey: string) {
  const e = response.eligibility.find((x) => x.serviceKey === serviceKey);
  if (!e) throw new Error(`no eligibility for ${serviceKey}`);
  return e;
}

describeOnEachDatabase('POST /api/v1/identify', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  it('a 62-year-old may neither choose the allowance channel nor apply for the senior card, and is told when', async () => {
    const res = await identify(app, demoPerson('chen-zhiqiang').card);
    expect(res.person).toMatchObject({ age: 62, shanghaiHukou: true, inRegistry: true, nameMasked: '陈**', sex: 'male' });
    for (const key of ['allowance-channel', 'senior-card']) {
      const e = eligibility(res, key);
      expect(e.eligible).toBe(false);
      const tooYoung = e.reasons.find((r) => r.code === 'too-young');
      expect(tooYoung?.text.zh).toContain('年满65周岁');
      expect(tooYoung?.text.zh).toContain('62周岁');
      expect(tooYoung?.text.en).toMatch(/65/);
    }
    expect(eligibility(res, 'sports-voucher').eligible).toBe(true);
    expect(res.catalogueVersion).toMatch(/\S/);
  });

  it('masks the person and returns a token valid for 15 minutes', async () => {
    const li = demoPerson('li-xiuying');
    const res = await identify(app, li.card);
    expect(res.person.idNumberMasked).toBe(`${li.idNumber.slice(0, 3)}***********${li.idNumber.slice(-4)}`);
    expect(res.person.registeredAddressMasked).not.toMatch(/\d/);
    expect(JSON.stringify(res)).not.toContain(li.idNumber);
    expect(JSON.stringify(res)).not.toContain(li.name);
    expect(res.identifyToken.length).toBeGreaterThanOrEqual(16);
    expect(new Date(res.expiresAt).getTime() - clock.now.getTime()).toBe(15 * 60 * 1000);
    expect(eligibility(res, 'senior-card').eligible).toBe(true);
    expect(eligibility(res, 'allowance-channel').eligible).toBe(true);
  });

  it('a resident with hukou outside Shanghai is refused the Shanghai-only services', async () => {
    const res = await identify(app, demoPerson('zhou-haiping').card);
    expect(res.person).toMatchObject({ age: 68, shanghaiHukou: false, inRegistry: true });
    for (const key of ['allowance-channel', 'senior-card']) {
      expect(eligibility(res, key).reasons.map((r) => r.code)).toContain('not-shanghai-hukou');
    }
  });

  it.each([
    ['anna-miller', 70, 'female'], // foreign permanent resident card (2023, number starting with 9)
    ['leung-kwok-wah', 66, 'male'], // HK/Macau/Taiwan residence permit (number starting with 81)
  ] as const)('%s, without a resident card, is found in the registry and told why the Shanghai-only services do not apply', async (key, age, sex) => {
    const person = demoPerson(key);
    expect(person.card.cardType).not.toBe('resident');
    const res = await identify(app, person.card);
    expect(res.person).toMatchObject({ age, sex, shanghaiHukou: false, inRegistry: true });
    for (const serviceKey of ['allowance-channel', 'senior-card']) {
      expect(eligibility(res, serviceKey).reasons.map((r) => r.code)).toContain('not-shanghai-hukou');
    }
    expect(JSON.stringify(res)).not.toContain(person.idNumber);
  });

  it('a senior-card holder is told the card is already held; the phone is masked', async () => {
    const res = await identify(app, demoPerson('zhang-guihua').card);
    expect(res.person).toMatchObject({ holdsSeniorCard: true, allowanceChannel: 'senior-card', phoneMasked: '138****1234' });
    expect(eligibility(res, 'senior-card')).toMatchObject({ eligible: false, reasons: [{ code: 'already-holds-senior-card' }] });
    expect(eligibility(res, 'allowance-channel').eligible).toBe(true);
  });

  it('someone who turned 65 today is eligible today', async () => {
    const res = await identify(app, demoPerson('huang-yongfu').card);
    expect(res.person.age).toBe(65);
    expect(eligibility(res, 'senior-card').eligible).toBe(true);
  });

  it('a wrong check digit is 400 INVALID_ID_NUMBER', async () => {
    const card = { ...demoPerson('li-xiuying').card };
    const last = card.idNumber.slice(-1);
    card.idNumber = card.idNumber.slice(0, 17) + (last === '0' ? '1' : '0');
    const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_ID_NUMBER', message: '身份证号码无效，请重新放置身份证。' });
    expect(res.body).not.toContain(card.idNumber);
  });

  it('an expired card is 400 CARD_EXPIRED; a card valid until today still works', async () => {
    const today = shanghaiDate(clock.now);
    const expired = { ...strangerCard({ birthDate: '1990-05-05', sequence: 1 }), validFrom: '2006-03-09', validTo: '2026-03-09' };
    const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card: expired }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CARD_EXPIRED' });
    expect(res.json().message).toMatch(/expired/i);
    await identify(app, { ...expired, validTo: today });
  });

  it('someone not in the registry is identified from the card: hukou from the address, nothing held', async () => {
    const shanghai = await identify(app, strangerCard({ birthDate: '1950-01-01', sequence: 2 }));
    expect(shanghai.person).toMatchObject({ inRegistry: false, shanghaiHukou: true, holdsSeniorCard: false, allowanceChannel: null, phoneMasked: null, age: 76 });
    expect(eligibility(shanghai, 'senior-card').eligible).toBe(true);

    const elsewhere = await identify(app, strangerCard({ birthDate: '1950-01-01', sequence: 3, address: '江苏省南京市玄武区中山路1号' }));
    expect(elsewhere.person).toMatchObject({ inRegistry: false, shanghaiHukou: false });

    // A foreign permanent resident card has no hukou, whatever the address says.
    const foreign = await identify(app, { ...strangerCard({ birthDate: '1950-01-01', sequence: 4 }), cardType: 'foreign-permanent' });
    expect(foreign.person.shanghaiHukou).toBe(false);
  });

  it('impossible calendar dates on the card are 400 VALIDATION_FAILED', async () => {
    const card: IdCardData = { ...strangerCard({ birthDate: '1950-01-01', sequence: 5 }), validFrom: '2016-02-30' };
    const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/card/validFrom' }] });
  });

  it('the demo registry follows the date: tomorrow, tomorrow’s demo ID numbers are known', async () => {
    const tomorrow = new Date(clock.now.getTime() + 24 * 60 * 60 * 1000);
    const tomorrowsChen = demoResidents(shanghaiDate(tomorrow)).find((r) => r.key === 'chen-zhiqiang')!;
    expect(tomorrowsChen.idNumber).not.toBe(demoPerson('chen-zhiqiang').idNumber);
    clock.now = tomorrow;
    try {
      const res = await identify(app, tomorrowsChen.card);
      expect(res.person).toMatchObject({ inRegistry: true, age: 62 });
    } finally {
      clock.now = TEST_INSTANT;
    }
  });
});

describeOnEachDatabase('POST /api/v1/identify/refresh', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  const refresh = (identifyToken: string) => app.inject({ method: 'POST', url: '/api/v1/identify/refresh', payload: { identifyToken } });

  it('after a senior-card application the same token shows the card as pending; token and expiry unchanged', async () => {
    const first = await identify(app, demoPerson('zhu-wenhua').card);
    expect(eligibility(first, 'senior-card').eligible).toBe(true);
    expect((await postApplication(app, seniorCardRequest(first.identifyToken), 'refresh-1')).statusCode).toBe(201);
    const res = await refresh(first.identifyToken);
    expect(res.statusCode).toBe(200);
    const again = res.json<IdentifyResponse>();
    expect(again.identifyToken).toBe(first.identifyToken);
    expect(again.expiresAt).toBe(first.expiresAt);
    expect(again.person).toEqual(first.person);
    expect(eligibility(again, 'senior-card').reasons.map((r) => r.code)).toEqual(['senior-card-application-pending']);
  });

  it('someone first known from the card becomes a resident by applying, and the refresh sees the new channel', async () => {
    const card = strangerCard({ birthDate: '1950-05-05', sequence: 301 });
    const first = await identify(app, card);
    expect(first.person.inRegistry).toBe(false);
    expect((await postApplication(app, channelRequest(first.identifyToken, 'social-security-card'), 'refresh-2')).statusCode).toBe(201);
    const again = (await refresh(first.identifyToken)).json<IdentifyResponse>();
    expect(again.person).toMatchObject({ inRegistry: true, allowanceChannel: 'social-security-card' });
  });

  it('an unknown or expired token is 401 IDENTIFY_TOKEN_INVALID; a malformed body 400', async () => {
    const unknown = await refresh('x'.repeat(43));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('IDENTIFY_TOKEN_INVALID');
    const first = await identify(app, demoPerson('gao-shulan').card);
    clock.advance(16 * 60 * 1000);
    expect((await refresh(first.identifyToken)).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/identify/refresh', payload: { token: 1 } })).statusCode).toBe(400);
  });
});
