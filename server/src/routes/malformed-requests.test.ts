import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { demoPerson, identify, seniorCardRequest, TEST_INSTANT } from '../testing/test-kiosk';
import { seededRandom } from '@eldercare/domain';

const KEYS = ['card', 'kioskId', 'serviceKey', 'identifyToken', 'answers', 'phone', 'delivery', 'channel', 'idNumber', 'name', 'validTo', 'x', '', 'constructor'];
const STRINGS = ['', ' ', 'senior-card', 'allowance-channel', 'mail', 'collect', 'long-term', '2026-03-10', '13912345678', '310105195901010021', '\u0000', '😀', '上海市', 'a'.repeat(300), '<script>', "'; DROP TABLE residents; --", '\ud800'];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2][Math.floor(rand() * 6)];
    case 3:
      return STRINGS[Math.floor(rand() * STRINGS.length)];
    case 4:
      return String.fromCharCode(...Array.from({ length: Math.floor(rand() * 20) }, () => Math.floor(rand() * 0xffff)));
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 5) }, () => [KEYS[Math.floor(rand() * KEYS.length)]!, randomValue(rand, depth + 1)]),
      );
  }
}

/** A valid body with one thing changed: a leaf replaced, a key dropped or a key added. */
function mutate(rand: () => number, body: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const objects: Record<string, unknown>[] = [];
  const walk = (o: unknown) => {
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      objects.push(o as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(copy);
  const target = objects[Math.floor(rand() * objects.length)]!;
  const keys = Object.keys(target);
  const key = keys[Math.floor(rand() * keys.length)];
  const op = rand();
  if (op < 0.5 && key !== undefined) target[key] = randomValue(rand);
  else if (op < 0.75 && key !== undefined) delete target[key];
  else target[KEYS[Math.floor(rand() * KEYS.length)]!] = randomValue(rand);
  return copy;
}

function expectClientError(res: LightMyRequestResponse, label: string): void {
  expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(typeof body.code, label).toBe('string');
    expect(typeof body.message, label).toBe('string');
  }
}

describe('malformed requests never produce a 500', () => {
  let app: FastifyInstance;
  let token: string;
  const card = demoPerson('li-xiuying').card;

  beforeAll(async () => {
    app = await buildApp({ database: { kind: 'pglite' }, clock: () => TEST_INSTANT });
    token = (await identify(app, card)).identifyToken;
  });
  afterAll(() => app?.close());

  const rawIdentify = (payload: string | undefined, contentType: string | null = 'application/json') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/identify',
      ...(payload === undefined ? {} : { payload }),
      headers: contentType === null ? {} : { 'content-type': contentType },
    });

  it.each([
    ['empty body', 'INVALID_JSON', ''],
    ['truncated JSON', 'INVALID_JSON', '{"card":'],
    ['single quotes', 'INVALID_JSON', "{'card':1}"],
    ['NaN', 'INVALID_JSON', '{"card":NaN}'],
    ['trailing comma', 'INVALID_JSON', '{"card":{},}'],
    ['prototype poisoning', 'INVALID_JSON', '{"__proto__":{"isAdmin":true}}'],
    ['constructor poisoning', 'INVALID_JSON', '{"constructor":{"prototype":{"isAdmin":true}}}'],
    ['null', 'VALIDATION_FAILED', 'null'],
    ['array', 'VALIDATION_FAILED', '[]'],
    ['string', 'VALIDATION_FAILED', '"card"'],
    ['number', 'VALIDATION_FAILED', '42'],
    ['empty object', 'VALIDATION_FAILED', '{}'],
    ['card is a string', 'VALIDATION_FAILED', '{"card":"310105"}'],
    ['deep nesting', 'VALIDATION_FAILED', `${'['.repeat(20000)}${']'.repeat(20000)}`],
  ])('identify: %s → 400 %s', async (_label, code, payload) => {
    const res = await rawIdentify(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });

  it('identify: field-level problems name their path', async () => {
    const cases: [unknown, string][] = [
      [{ card: { ...card, extra: 1 } }, '/card/extra'],
      [{ card: { ...card, name: '' } }, '/card/name'],
      [{ card: { ...card, name: '张'.repeat(61) } }, '/card/name'],
      [{ card: { ...card, idNumber: 310105 } }, '/card/idNumber'],
      [{ card: { ...card, sex: 'unknown' } }, '/card/sex'],
      [{ card: { ...card, validTo: 'forever' } }, '/card/validTo'],
      [{ card: { ...card, birthDate: '1959/01/01' } }, '/card/birthDate'],
      [{ card: { ...card, cardType: 'passport' } }, '/card/cardType'],
      [{ card, kioskId: 'k'.repeat(65) }, '/kioskId'],
      [{ card, kioskId: 'kiosk\u0000' }, '/kioskId'],
      [{ card, kioskId: 'kiosk\ud800' }, '/kioskId'],
      [{ card, somethingElse: true }, '/somethingElse'],
    ];
    for (const [body, path] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: body as object });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().code, path).toBe('VALIDATION_FAILED');
      expect(res.json().details.map((d: { path: string }) => d.path), path).toContain(path);
    }
  });

  it('identify: an ID number of the right length but wrong shape is 400 INVALID_ID_NUMBER', async () => {
    for (const idNumber of ['31010519590101002', 'ABCDEFGHIJKLMNOPQR', '310105195902300021', '31010519590101002Y']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card: { ...card, idNumber } } });
      expect(res.statusCode, idNumber).toBe(400);
      expect(res.json().code, idNumber).toBe('INVALID_ID_NUMBER');
    }
  });

  it('no body at all is 400 VALIDATION_FAILED', async () => {
    const res = await rawIdentify(undefined, null);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonp'])(
    'content type %s → 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      const res = await rawIdentify(JSON.stringify({ card }), contentType);
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('application/json with a charset is fine', async () => {
    const res = await rawIdentify(JSON.stringify({ card }), 'application/json; charset=utf-8');
    expect(res.statusCode).toBe(200);
  });

  it('a body over 64 KiB → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await rawIdentify(JSON.stringify({ card, kioskId: 'x'.repeat(70 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大。' });
  });

  it('applications: problems are reported for the service the client chose', async () => {
    const post = (body: unknown) =>
      app.inject({ method: 'POST', url: '/api/v1/applications', payload: body as object, headers: { 'idempotency-key': 'malformed' } });
    const cases: [unknown, string][] = [
      [{ serviceKey: 'parcel-delivery', identifyToken: token, answers: {} }, '/serviceKey'],
      [{ serviceKey: 'taxi-hailing', identifyToken: token, answers: {} }, '/answers'],
      [{ identifyToken: token, answers: {} }, '/serviceKey'],
      [{ ...seniorCardRequest(token), answers: { phone: '12345', delivery: 'mail' } }, '/answers/phone'],
      [{ ...seniorCardRequest(token), answers: { phone: '13912345678', delivery: 'drone' } }, '/answers/delivery'],
      [{ ...seniorCardRequest(token), answers: { phone: '13912345678', delivery: 'mail', channel: 'x' } }, '/answers/channel'],
      [{ ...seniorCardRequest(token), identifyToken: 'short' }, '/identifyToken'],
      [{ serviceKey: 'allowance-channel', identifyToken: token, answers: { channel: 'cash' } }, '/answers/channel'],
      [{ serviceKey: 'allowance-channel', identifyToken: token }, '/'],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect(res.statusCode, path).toBe(400);
      const json = res.json();
      expect(json.code, path).toBe('VALIDATION_FAILED');
      expect(json.details.map((d: { path: string }) => d.path), JSON.stringify(json)).toContain(path);
      // Only the chosen branch speaks: no complaints about the other service's fields.
      if ((body as { serviceKey?: string }).serviceKey === 'senior-card') {
        expect(JSON.stringify(json.details)).not.toContain('allowance-channel');
      }
    }
  });

  it('English error messages with Accept-Language: en', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: {}, headers: { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' } });
    expect(res.json().message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(res.headers['content-language']).toBe('en');
  });

  it('unknown routes are 404 NOT_FOUND in JSON', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing'], ['POST', '/api/v1/services'], ['DELETE', '/api/v1/applications/YL20260310000001']] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('fuzz: 300 random bodies and 300 mutated valid bodies per route, no 500', async () => {
    const rand = seededRandom(20261122);
    const validIdentify = { card, kioskId: 'kiosk-01' };
    const validApplication = seniorCardRequest(token);
    for (let i = 0; i < 300; i++) {
      const randomBody = randomValue(rand);
      expectClientError(await rawIdentify(JSON.stringify(randomBody) ?? 'null'), `identify random #${i}`);
      const mutatedIdentify = mutate(rand, validIdentify);
      expectClientError(await rawIdentify(JSON.stringify(mutatedIdentify)), `identify mutated #${i} ${JSON.stringify(mutatedIdentify)}`);
      const key = `fuzz-${i}`;
      const raw = (body: unknown) =>
        app.inject({ method: 'POST', url: '/api/v1/applications', payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json', 'idempotency-key': key } });
      expectClientError(await raw(randomValue(rand)), `application random #${i}`);
      const mutatedApplication = mutate(rand, validApplication);
      expectClientError(await raw(mutatedApplication), `application mutated #${i} ${JSON.stringify(mutatedApplication)}`);
    }
  }, 120_000);

  it('fuzz: queue tickets, 300 random and 300 mutated valid bodies, control characters, no 500', async () => {
    const rand = seededRandom(4);
    const valid = { centreId: 'xuhui-tianping', category: 'A', identifyToken: token, kioskId: 'kiosk-01' };
    const post = (body: unknown, key: string) =>
      app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json', 'idempotency-key': key } });
    for (let i = 0; i < 300; i++) {
      expectClientError(await post(randomValue(rand), `queue-fuzz-r${i}`), `queue random #${i}`);
      const mutated = mutate(rand, valid);
      expectClientError(await post(mutated, `queue-fuzz-m${i}`), `queue mutated #${i} ${JSON.stringify(mutated)}`);
    }
    for (const [field, value] of [['kioskId', 'kiosk\u0000'], ['kioskId', 'kiosk\ud800'], ['identifyToken', '\u0000'], ['centreId', 'x\u0000'], ['category', '\u0000']]) {
      const res = await post({ ...valid, [field as string]: value }, `queue-nul-${field}`);
      expect([res.statusCode, res.json().code], field).toEqual([400, 'VALIDATION_FAILED']);
    }
    for (const url of ['/api/v1/queue/tickets/x%00/2026-03-10/A001', '/api/v1/queue/tickets/xuhui-tianping/2026-02-30/A001', '/api/v1/queue/centres/%E4%B8%AD']) {
      const res = await app.inject({ method: 'GET', url });
      expect([res.statusCode, res.json().code], url).toEqual([400, 'VALIDATION_FAILED']);
    }
  }, 120_000);

  it('fuzz: random bytes labelled as JSON, no 500', async () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)));
      if (i % 2 === 0) bytes[0] = 0x7b; // '{': get past the first character now and then
      const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: bytes, headers: { 'content-type': 'application/json' } });
      expectClientError(res, `bytes #${i}`);
    }
  });
});
