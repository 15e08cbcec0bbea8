import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { DATA_KEY_FILE } from './crypto/resolve-data-key';
import { staffCookieFor } from './testing/staff-cookie-for';
import { describeOnEachDatabase, TEST_DATA_KEY } from './testing/test-databases';
import { asApplication, demoPerson, identify, postApplication, seniorCardRequest, strangerCard, TEST_INSTANT } from './testing/test-kiosk';

/** Every text and bytea column of a table, as text (bytea as hex and as UTF-8). */
async function everyCell(app: FastifyInstance, table: string): Promise<string> {
  const rows = await app.db.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
  return rows
    .flatMap((row) => Object.values(row))
    .map((v) => (Buffer.isBuffer(v) ? `${v.toString('hex')} ${v.toString('utf8')}` : JSON.stringify(v)))
    .join('\n');
}

describeOnEachDatabase('personal data at rest', (target) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: () => TEST_INSTANT });
  });
  afterAll(() => app?.close());

  it('ID numbers, names, phones and addresses appear in no column in clear', async () => {
    const stranger = strangerCard({ birthDate: '1948-08-08', sequence: 9, name: '冯玉兰', address: '上海市静安区北京西路777弄3号1201室' });
    const { identifyToken } = await identify(app, stranger);
    asApplication(await postApplication(app, seniorCardRequest(identifyToken, 'mail', '13755556666'), 'at-rest-1'));
    const li = demoPerson('li-xiuying');
    const liToken = (await identify(app, li.card)).identifyToken;
    asApplication(await postApplication(app, seniorCardRequest(liToken, 'collect', '13788889999'), 'at-rest-2'));

    const tables = ['residents', 'identify_tokens', 'applications', 'application_parts', 'idempotency_keys', 'data_key_check'];
    const secrets = [stranger.idNumber, stranger.name, stranger.address, '13755556666', li.idNumber, li.name, li.address, '13788889999', '北京西路', '天山路', identifyToken];
    for (const table of tables) {
      const cells = await everyCell(app, table);
      for (const secret of secrets) expect(cells, `${table} holds ${secret}`).not.toContain(secret);
    }
    // …and yet the data is there, readable with the key.
    const [row] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM residents WHERE id_number_index = $1', [
      app.protector.idNumberIndex(stranger.idNumber),
    ]);
    expect(row?.n).toBe(1);
  });
});

describe('restart on the same PGlite data folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eldercare-server-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps applications and the key file (0600); a wrong key is refused', async () => {
    const first = await buildApp({ database: { kind: 'pglite', dataDir: dir }, clock: () => TEST_INSTANT });
    let applicationNo: string;
    try {
      const { identifyToken } = await identify(first, demoPerson('wang-jianguo').card);
      applicationNo = asApplication(await postApplication(first, { serviceKey: 'allowance-channel', identifyToken, answers: { channel: 'senior-card' } }, 'restart-1')).applicationNo;
    } finally {
      await first.close();
    }
    const keyFile = await stat(join(dir, DATA_KEY_FILE));
    expect(keyFile.mode & 0o777).toBe(0o600);

    const second = await buildApp({ database: { kind: 'pglite', dataDir: dir }, clock: () => TEST_INSTANT });
    try {
      const cookie = await staffCookieFor(second, { username: 'restart-reader' });
      const res = await second.inject({ method: 'GET', url: `/api/v1/applications/${applicationNo}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ applicationNo, applicantNameMasked: '王**', answers: { channel: 'senior-card' } });
      expect((await identify(second, demoPerson('wang-jianguo').card)).person.allowanceChannel).toBe('senior-card');
    } finally {
      await second.close();
    }

    await expect(buildApp({ database: { kind: 'pglite', dataDir: dir }, dataKey: Buffer.alloc(32, 1), clock: () => TEST_INSTANT })).rejects.toThrow(
      /data key does not match/,
    );
  });
});

describe('app surface', () => {
  let app: FastifyInstance;
  let uiDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    uiDir = await mkdtemp(join(tmpdir(), 'eldercare-ui-'));
    await mkdir(join(uiDir, 'kiosk'));
    await writeFile(join(uiDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
    await mkdir(join(uiDir, 'sim'));
    await writeFile(join(uiDir, 'sim', 'index.html'), '<!doctype html><title>sim</title>');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    app = await buildApp({
      database: { kind: 'pglite' },
      clock: () => TEST_INSTANT,
      uiDir,
      kioskAgent: { url: 'http://127.0.0.1:8765', token: 'pairing-token-123' },
      logger: { stream },
    });
  });
  afterAll(async () => {
    await app?.close();
    await rm(uiDir, { recursive: true, force: true });
  });

  it('GET /api/v1/health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('GET /api/v1/services lists the 12 services with texts and departments', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/services' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.services).toHaveLength(12);
    const seniorCard = body.services.find((s: { key: string }) => s.key === 'senior-card');
    expect(seniorCard).toMatchObject({
      policyItem: 9,
      kioskFlow: true,
      name: { zh: '申领敬老卡' },
      departments: [{ key: 'civil-affairs', name: { zh: '民政部门' } }, { key: 'bank' }],
    });
    expect(seniorCard.conditionText.zh).toContain('65');
    expect(seniorCard.policyText).toContain('敬老卡');
    expect(seniorCard.materials.length).toBeGreaterThan(0);
  });

  it('GET /api/v1/kiosk/agent answers loopback only', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/kiosk/agent', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
      expect(res.json()).toEqual({ url: 'http://127.0.0.1:8765', token: 'pairing-token-123' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    for (const remoteAddress of ['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/kiosk/agent', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const proxied = await app.inject({ method: 'GET', url: '/api/v1/kiosk/agent', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '192.168.1.20' } });
    expect(proxied.statusCode).toBe(404);
  });

  it('the OpenAPI document lists every route with its responses; Swagger UI is served', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/v1/admin/centres',
        '/api/v1/admin/centres/{centreId}/statistics',
        '/api/v1/admin/centres/{centreId}/statistics.csv',
        '/api/v1/admin/audit',
        '/api/v1/admin/audit.csv',
        '/api/v1/admin/home-visits',
        '/api/v1/admin/home-visits/{applicationNo}/{partNo}',
        '/api/v1/admin/home-visits/{applicationNo}/{partNo}/moves',
        '/api/v1/admin/webhooks',
        '/api/v1/admin/webhooks/{department}',
        '/api/v1/admin/webhooks/{department}/deliveries',
        '/api/v1/webhooks/{department}/events',
        '/api/v1/applications',
        '/api/v1/applications/{applicationNo}',
        '/api/v1/departments/parts/{applicationNo}/{partNo}',
        '/api/v1/departments/parts/{applicationNo}/{partNo}/moves',
        '/api/v1/departments/worklist',
        '/api/v1/education/courses',
        '/api/v1/health',
        '/api/v1/help-requests',
        '/api/v1/identify',
        '/api/v1/identify/refresh',
        '/api/v1/kiosk/agent',
        '/api/v1/progress',
        '/api/v1/progress/receipt/{code}',
        '/api/v1/queue/centres/{centreId}',
        '/api/v1/queue/centres/{centreId}/events',
        '/api/v1/queue/tickets',
        '/api/v1/queue/tickets/{centreId}/{date}/{ticketNo}',
        '/api/v1/services',
        '/api/v1/staff/login',
        '/api/v1/staff/logout',
        '/api/v1/staff/me',
        ...['', '/call-next', '/close', '/finish', '/no-show', '/open', '/pause', '/recall', '/resume', '/transfer'].map(
          (action) => `/api/v1/window/centres/{centreId}/counters/{number}${action}`,
        ),
        '/api/v1/window/centres/{centreId}/help-requests',
        '/api/v1/window/help-requests/{id}/resolve',
        '/api/v1/window/tickets/{ticketId}/holder',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/applications'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
    expect(JSON.stringify(doc.paths['/api/v1/applications'].post.parameters)).toContain('idempotency-key');
    expect(doc.paths['/api/v1/identify'].post.requestBody).toBeDefined();
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('serves the UI: / → /kiosk/, pages by folder, unknown files are JSON 404', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/kiosk/');
    const kiosk = await app.inject({ method: 'GET', url: '/kiosk/' });
    expect(kiosk.statusCode).toBe(200);
    expect(kiosk.body).toContain('<title>kiosk</title>');
    const bare = await app.inject({ method: 'GET', url: '/sim' });
    expect(bare.statusCode).toBe(301);
    expect((await app.inject({ method: 'GET', url: '/sim/' })).body).toContain('<title>sim</title>');
    const missing = await app.inject({ method: 'GET', url: '/kiosk/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const traversal = await app.inject({ method: 'GET', url: '/kiosk/../../etc/passwd' });
    expect(traversal.statusCode).toBe(404);
  });

  it('logs hold no ID number, name, phone, address or token', async () => {
    const li = demoPerson('li-xiuying');
    const { identifyToken } = await identify(app, li.card);
    await postApplication(app, seniorCardRequest(identifyToken, 'mail', '13700001234'), 'log-check');
    // A refused request and a malformed one are logged too.
    await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card: { ...li.card, idNumber: `${li.idNumber.slice(0, 17)}0` } } });
    await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card: { ...li.card, extra: li.name } } });
    const log = logLines.join('');
    expect(log).toContain('request completed');
    for (const secret of [li.idNumber, li.idNumber.slice(0, 17), li.name, li.address, '13700001234', identifyToken]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('app with nothing optional: no demo registry, no agent, no UI', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: { kind: 'pglite' }, seedDemoRegistry: false, clock: () => TEST_INSTANT });
  });
  afterAll(() => app?.close());

  it('knows none of the demo residents', async () => {
    const res = await identify(app, demoPerson('zhang-guihua').card);
    expect(res.person).toMatchObject({ inRegistry: false, holdsSeniorCard: false, allowanceChannel: null });
  });

  it('GET /api/v1/kiosk/agent is 404 even from loopback', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/kiosk/agent', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('serves no UI: / is a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
