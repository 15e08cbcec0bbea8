import { maskName, type ApplicationView, type DepartmentKey, type JointAnswers, type PartDetail, type PartMoveRequest, type PartMoveResponse, type StaffRole, type WorklistResponse } from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { seedTestApplication, type TestPart } from '../departments/seed-test-application';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { STAFF_COOKIE } from '../staff/staff-cookie';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, demoPerson, identify, postApplication, TestClock, TEST_INSTANT } from '../testing/test-kiosk';

const PASSWORD = 'officer-pass-2026';
const DAY = 24 * 60 * 60_000;
const STAFF: readonly [string, StaffRole, string | null, DepartmentKey | null][] = [
  ['mi', 'officer', null, 'medical-insurance'],
  ['so', 'officer', null, 'street-office'],
  ['ca', 'officer', null, 'civil-affairs'],
  ['ca2', 'officer', null, 'civil-affairs'],
  ['nodept', 'officer', null, null],
  ['boss', 'supervisor', DEMO_CENTRE_ID, null],
  ['w1', 'staff', DEMO_CENTRE_ID, null],
];

const JOINT_PARTS: TestPart[] = [
  { serviceKey: 'ltc-assessment', department: 'medical-insurance', kind: 'assessment', status: 'submitted' },
  { serviceKey: 'care-subsidy', department: 'street-office', kind: 'review', status: 'waiting-for-assessment' },
  { serviceKey: 'care-home-admission', department: 'civil-affairs', kind: 'review', status: 'waiting-for-assessment' },
];
/** The joint application's answers as stored (its describe() reads them). */
const JOINT_ANSWERS = { services: JOINT_PARTS.map((p) => p.serviceKey) };
const CARD_PARTS: TestPart[] = [
  { serviceKey: 'senior-card', department: 'civil-affairs', kind: 'review', status: 'submitted' },
  { serviceKey: 'senior-card', department: 'bank', kind: 'review', status: 'submitted' },
];

describeOnEachDatabase('department routes (分别办理)', (target) => {
  const clock = new TestClock(TEST_INSTANT);
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = await buildApp({
      database: await target.create(),
      dataKey: TEST_DATA_KEY,
      clock: clock.read,
      // The tests move the clock by days (the notice period); sessions are not what they test.
      staff: { sessionLimits: { absoluteMs: 1000 * DAY, idleMs: 1000 * DAY } },
    });
    for (const [username, role, centreId, department] of STAFF) {
      await app.staffAccounts.add({ username, displayName: username, role, centreId, department, password: PASSWORD });
      const res = await app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: { username, password: PASSWORD } });
      const header = res.headers['set-cookie'];
      cookies[username] = `${STAFF_COOKIE}=${new RegExp(`^${STAFF_COOKIE}=([^;]*)`).exec((Array.isArray(header) ? header[0] : header) ?? '')![1]}`;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = (user: string | null, url: string) => app.inject({ method: 'GET', url, headers: user ? { cookie: cookies[user]! } : {} });
  const worklist = (user: string, query = '') => get(user, `/api/v1/departments/worklist${query}`);
  const read = (user: string, no: string, partNo: number, reason = '审核') =>
    get(user, `/api/v1/departments/parts/${no}/${partNo}?reason=${encodeURIComponent(reason)}`);
  const move = (user: string, no: string, partNo: number, body: PartMoveRequest | Record<string, unknown>): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'POST', url: `/api/v1/departments/parts/${no}/${partNo}/moves`, headers: { cookie: cookies[user]! }, payload: body });
  async function moved(user: string, no: string, partNo: number, body: PartMoveRequest): Promise<PartMoveResponse> {
    const res = await move(user, no, partNo, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PartMoveResponse>();
  }
  const applicationStatus = async (no: string) =>
    (await app.db.query<{ status: string }>('SELECT status FROM applications WHERE application_no = $1', [no]))[0]?.status;

  it('gives each officer their own department’s open parts, oldest first, paged, without personal data', async () => {
    const first = await seedTestApplication(app, { residentKey: 'wang-jianguo', serviceKey: 'ltc-joint', parts: JOINT_PARTS, answers: JOINT_ANSWERS });
    clock.advance(60_000);
    const second = await seedTestApplication(app, { residentKey: 'zhang-guihua', serviceKey: 'ltc-joint', parts: JOINT_PARTS, answers: JOINT_ANSWERS });

    const res = await worklist('mi');
    expect(res.statusCode).toBe(200);
    const list = res.json<WorklistResponse>();
    expect(list.department).toBe('medical-insurance');
    expect(list.departmentName.zh).toBe('医保部门');
    expect(list.parts.map((p) => p.applicationNo)).toEqual([first.applicationNo, second.applicationNo]);
    expect(list.parts[0]).toMatchObject({ partNo: 1, kind: 'assessment', status: 'submitted', nextStatuses: ['accepted', 'more-info-requested', 'rejected'] });
    expect(res.body).not.toContain('王建国');
    expect(res.body).not.toContain(demoPerson('wang-jianguo').idNumber);

    const page = (await worklist('mi', '?limit=1&offset=1')).json<WorklistResponse>();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.parts.map((p) => p.applicationNo)).toEqual([second.applicationNo]);
    // Parts waiting for the assessment are open too (an officer may reject one), and filterable.
    expect((await worklist('so', '?status=waiting-for-assessment')).json<WorklistResponse>().total).toBe(2);
    expect((await worklist('so', '?status=approved')).json<WorklistResponse>().total).toBe(0);
  });

  it('refuses another department’s worklist, other roles, officers without a department; supervisors name one', async () => {
    expect((await worklist('mi', '?department=civil-affairs')).json()).toMatchObject({ code: 'DEPARTMENT_NOT_YOURS' });
    expect((await worklist('mi', '?department=civil-affairs')).statusCode).toBe(403);
    expect((await worklist('nodept')).json()).toMatchObject({ code: 'OFFICER_WITHOUT_DEPARTMENT' });
    expect((await worklist('w1')).json()).toMatchObject({ code: 'STAFF_ROLE_FORBIDDEN' });
    expect((await get(null, '/api/v1/departments/worklist')).statusCode).toBe(401);
    const boss = await worklist('boss');
    expect([boss.statusCode, boss.json().code]).toEqual([400, 'DEPARTMENT_REQUIRED']);
    expect((await worklist('boss', '?department=medical-insurance')).json<WorklistResponse>().total).toBeGreaterThan(0);
    expect((await worklist('mi', '?limit=0')).statusCode).toBe(400);
    expect((await worklist('mi', '?status=nonsense')).statusCode).toBe(400);
  });

  it('shows one part with the masked application and its history, audited with who and why', async () => {
    const { applicationNo, applicationId } = await seedTestApplication(app, { residentKey: 'li-xiuying', serviceKey: 'senior-card', parts: CARD_PARTS, answers: { delivery: 'collect' } });
    for (const reason of ['', '%20%20']) {
      const res = await get('ca', `/api/v1/departments/parts/${applicationNo}/1?reason=${reason}`);
      expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await get('ca', `/api/v1/departments/parts/${applicationNo}/1`)).statusCode).toBe(400);
    const other = await read('mi', applicationNo, 1);
    expect([other.statusCode, other.json().code]).toEqual([403, 'PART_NOT_YOURS']);
    expect((await read('ca', applicationNo, 9)).json()).toMatchObject({ code: 'PART_NOT_FOUND' });

    const res = await read('ca', applicationNo, 1, '审核');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const detail = res.json<PartDetail>();
    expect(detail.part).toMatchObject({ applicationNo, partNo: 1, department: 'civil-affairs', status: 'submitted' });
    expect(detail.application.applicantNameMasked).toBe(maskName('李秀英'));
    expect(detail.application.parts).toHaveLength(2);
    expect(detail.history).toEqual([{ at: clock.now.toISOString(), actor: 'kiosk', fromStatus: null, toStatus: 'submitted', note: null }]);
    expect(res.body).not.toContain(demoPerson('li-xiuying').idNumber);
    // Supervisors read any department's part.
    expect((await read('boss', applicationNo, 2, '抽查')).statusCode).toBe(200);

    const audit = await app.db.query<{ username: string; reason: string; part_no: number; at: Date }>(
      `SELECT username, reason, part_no, at FROM staff_audit WHERE event = 'person_read' AND application_id = $1 ORDER BY id`,
      [applicationId],
    );
    // Refused reads left no row; each read left one.
    expect(audit.map((a) => [a.username, a.reason, a.part_no])).toEqual([
      ['ca', '审核', 1],
      ['boss', '抽查', 2],
    ]);
    expect(audit[0]!.at.toISOString()).toBe(clock.now.toISOString());
  });

  it('moves a part by canMovePart with its history; refuses other moves, stale views, other departments and roles', async () => {
    const { applicationNo, applicationId } = await seedTestApplication(app, { residentKey: 'chen-zhiqiang', serviceKey: 'senior-card', parts: CARD_PARTS, answers: { delivery: 'collect' } });
    const notAllowed = await move('ca', applicationNo, 1, { expectedStatus: 'submitted', to: 'approved' });
    expect([notAllowed.statusCode, notAllowed.json().code]).toEqual([409, 'PART_MOVE_NOT_ALLOWED']);
    const otherDepartment = await move('ca', applicationNo, 2, { expectedStatus: 'submitted', to: 'accepted' });
    expect([otherDepartment.statusCode, otherDepartment.json().code]).toEqual([403, 'PART_NOT_YOURS']);
    expect((await move('boss', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted' })).json()).toMatchObject({ code: 'STAFF_ROLE_FORBIDDEN' });
    expect((await move('ca', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted', extra: 1 })).statusCode).toBe(400);

    const accepted = await moved('ca', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted', note: '材料齐全' });
    expect(accepted.part).toMatchObject({ status: 'accepted', nextStatuses: ['approved', 'rejected', 'more-info-requested'] });
    expect(accepted.applicationStatus).toBe('in-progress');
    expect(accepted.history.at(-1)).toMatchObject({ actor: 'ca', fromStatus: 'submitted', toStatus: 'accepted', note: '材料齐全' });
    expect(await applicationStatus(applicationNo)).toBe('in-progress');

    // Two officers of one department looked at the same part: the second one's view is stale.
    const stale = await move('ca2', applicationNo, 1, { expectedStatus: 'submitted', to: 'rejected' });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'PART_CHANGED']);
    await moved('ca2', applicationNo, 1, { expectedStatus: 'accepted', to: 'approved' });

    const events = await app.db.query<{ actor: string; to_status: string }>(
      'SELECT actor, to_status FROM application_part_events WHERE application_id = $1 AND part_no = 1 ORDER BY id',
      [applicationId],
    );
    expect(events).toEqual([
      { actor: 'kiosk', to_status: 'submitted' },
      { actor: 'ca', to_status: 'accepted' },
      { actor: 'ca2', to_status: 'approved' },
    ]);
  });

  it('refuses officers a part an external system handles', async () => {
    const { applicationNo, applicationId } = await seedTestApplication(app, { residentKey: 'li-xiuying', serviceKey: 'senior-card', parts: CARD_PARTS, answers: { delivery: 'collect' } });
    await app.db.query('UPDATE application_parts SET handled_externally = true WHERE application_id = $1 AND part_no = 1', [applicationId]);
    const res = await move('ca', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'PART_HANDLED_EXTERNALLY']);
    expect((await read('ca', applicationNo, 1)).json<PartDetail>().part.nextStatuses).toEqual([]);
  });

  it('walks the assessment: visit, care level, 5 working days of notice, report → registry updated, waiting parts released', async () => {
    const { applicationNo, applicationId, residentId } = await seedTestApplication(app, { residentKey: 'gao-shulan', serviceKey: 'ltc-joint', parts: JOINT_PARTS, answers: JOINT_ANSWERS });
    const today = '2026-03-10'; // TEST_INSTANT, a Tuesday
    clock.now = new Date(TEST_INSTANT);
    await moved('mi', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted' });

    const noDate = await move('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'visit-scheduled' });
    expect([noDate.statusCode, noDate.json().code]).toEqual([400, 'VISIT_DATE_REQUIRED']);
    expect((await move('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'visit-scheduled', visitDate: '2026-03-09' })).json().code).toBe('VISIT_DATE_IN_PAST');
    expect((await move('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'visit-scheduled', visitDate: '2026-13-40' })).statusCode).toBe(400);
    expect((await moved('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'visit-scheduled', visitDate: today })).part.visitDate).toBe(today);
    // Moved to another day.
    const rescheduled = await moved('mi', applicationNo, 1, { expectedStatus: 'visit-scheduled', to: 'visit-scheduled', visitDate: '2026-03-12' });
    expect(rescheduled.part).toMatchObject({ visitDate: '2026-03-12', nextStatuses: ['visit-scheduled', 'assessed'] });

    const noLevel = await move('mi', applicationNo, 1, { expectedStatus: 'visit-scheduled', to: 'assessed' });
    expect([noLevel.statusCode, noLevel.json().code]).toEqual([400, 'CARE_LEVEL_REQUIRED']);
    expect((await move('mi', applicationNo, 1, { expectedStatus: 'visit-scheduled', to: 'assessed', careLevel: 7 })).statusCode).toBe(400);
    expect((await moved('mi', applicationNo, 1, { expectedStatus: 'visit-scheduled', to: 'assessed', careLevel: 3 })).part.careLevel).toBe(3);
    const unexpected = await move('mi', applicationNo, 1, { expectedStatus: 'assessed', to: 'public-notice', careLevel: 4 });
    expect([unexpected.statusCode, unexpected.json().code]).toEqual([400, 'MOVE_FIELD_UNEXPECTED']);

    const notice = await moved('mi', applicationNo, 1, { expectedStatus: 'assessed', to: 'public-notice' });
    // Five working days after Tuesday 10 March 2026.
    expect(notice.part.noticeEndsOn).toBe('2026-03-17');
    clock.advance(7 * DAY); // Tuesday 17 March: the last day of the notice
    const early = await move('mi', applicationNo, 1, { expectedStatus: 'public-notice', to: 'report-delivered' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'NOTICE_PERIOD_RUNNING']);
    // The subsidy waits for the report: the street office cannot accept it yet.
    expect((await move('so', applicationNo, 2, { expectedStatus: 'waiting-for-assessment', to: 'accepted' })).json().code).toBe('PART_MOVE_NOT_ALLOWED');

    clock.advance(DAY);
    const delivered = await moved('mi', applicationNo, 1, { expectedStatus: 'public-notice', to: 'report-delivered' });
    expect(delivered.part).toMatchObject({ status: 'report-delivered', careLevel: 3, nextStatuses: [] });
    expect(delivered.released).toEqual([
      { partNo: 2, status: 'submitted' },
      { partNo: 3, status: 'submitted' },
    ]);
    expect(delivered.applicationStatus).toBe('in-progress');
    const [resident] = await app.db.query<{ care_level: number; valid_until: string }>(
      'SELECT care_level, assessment_valid_until::text AS valid_until FROM residents WHERE id = $1',
      [residentId],
    );
    expect(resident).toEqual({ care_level: 3, valid_until: '2028-03-18' });
    const released = await app.db.query<{ actor: string; from_status: string; to_status: string; note: string }>(
      'SELECT actor, from_status, to_status, note FROM application_part_events WHERE application_id = $1 AND part_no = 2 ORDER BY id',
      [applicationId],
    );
    expect(released.at(-1)).toEqual({ actor: 'system', from_status: 'waiting-for-assessment', to_status: 'submitted', note: expect.stringContaining('3 级') });

    // Each department finishes its own part; the application completes with the last one.
    await moved('so', applicationNo, 2, { expectedStatus: 'submitted', to: 'accepted' });
    expect((await moved('so', applicationNo, 2, { expectedStatus: 'accepted', to: 'approved' })).applicationStatus).toBe('in-progress');
    expect((await moved('ca', applicationNo, 3, { expectedStatus: 'submitted', to: 'rejected', note: '床位已满' })).applicationStatus).toBe('completed');
    expect(await applicationStatus(applicationNo)).toBe('completed');
    const final = await read('mi', applicationNo, 1);
    expect(final.statusCode, final.body).toBe(200);
    const view = final.json<PartDetail>().application;
    expect(view.status).toBe('completed');
    expect(view.parts.map((p) => p.status)).toEqual(['report-delivered', 'approved', 'rejected']);
  });

  it('ends the parts that waited for an assessment that was rejected, and the application with them', async () => {
    const { applicationNo, applicationId } = await seedTestApplication(app, { residentKey: 'ma-guoqing', serviceKey: 'ltc-joint', parts: JOINT_PARTS, answers: JOINT_ANSWERS });
    await moved('mi', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted' });
    // Asking for more information keeps them waiting.
    expect((await moved('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'more-info-requested' })).released).toEqual([]);
    const rejected = await moved('mi', applicationNo, 1, { expectedStatus: 'more-info-requested', to: 'rejected', note: '材料不全' });
    expect(rejected.released).toEqual([
      { partNo: 2, status: 'rejected' },
      { partNo: 3, status: 'rejected' },
    ]);
    expect(rejected.applicationStatus).toBe('completed');
    const events = await app.db.query<{ part_no: number; actor: string; from_status: string; to_status: string; note: string }>(
      'SELECT part_no, actor, from_status, to_status, note FROM application_part_events WHERE application_id = $1 AND part_no > 1 ORDER BY id',
      [applicationId],
    );
    expect(events.slice(-2)).toEqual(
      [2, 3].map((partNo) => ({ part_no: partNo, actor: 'system', from_status: 'waiting-for-assessment', to_status: 'rejected', note: expect.stringContaining('评估不予通过') })),
    );
    // The street office finds its part among the rejected ones, with no move left.
    const ended = (await worklist('so', '?status=rejected&limit=100')).json<WorklistResponse>().parts.find((p) => p.applicationNo === applicationNo);
    expect(ended).toMatchObject({ status: 'rejected', nextStatuses: [] });
  });

  it('works a joint application submitted through POST /applications: three departments, each its own part', async () => {
    clock.now = new Date(TEST_INSTANT.getTime() + 30 * DAY);
    // The registry was seeded at TEST_INSTANT: the demo card of that day.
    const { identifyToken, joint } = await identify(app, demoPerson('he-fuxing', TEST_INSTANT).card);
    const services = joint!.options.filter((o) => o.availability !== 'no').map((o) => o.serviceKey);
    expect(services).toContain('ltc-assessment');
    const answers: JointAnswers = {
      services,
      phone: '13912345678',
      assessment: { reassessment: false, insurance: 'resident', mobility: 'needs-help', visitAt: 'registered-address' },
      ...(services.includes('care-subsidy') && { subsidy: { serviceForm: 'home-care' as const } }),
      ...(services.includes('care-home-admission') && { careHome: { preference: 'near-home' as const, acceptWaitingList: true } }),
    };
    const application: ApplicationView = asApplication(await postApplication(app, { serviceKey: 'ltc-joint', identifyToken, answers }, 'joint-1'));
    const waiting = application.parts.filter((p) => p.status === 'waiting-for-assessment').map((p) => p.partNo);
    expect(waiting.length).toBeGreaterThan(0);
    const assessment = application.parts.find((p) => p.kind === 'assessment')!;
    expect(assessment.department).toBe('medical-insurance');

    const no = application.applicationNo;
    await moved('mi', no, assessment.partNo, { expectedStatus: 'submitted', to: 'accepted' });
    await moved('mi', no, assessment.partNo, { expectedStatus: 'accepted', to: 'visit-scheduled', visitDate: '2026-04-10' });
    await moved('mi', no, assessment.partNo, { expectedStatus: 'visit-scheduled', to: 'assessed', careLevel: 2 });
    const notice = await moved('mi', no, assessment.partNo, { expectedStatus: 'assessed', to: 'public-notice' });
    clock.now = new Date(`${notice.part.noticeEndsOn}T02:00:00Z`);
    clock.advance(DAY);
    const delivered = await moved('mi', no, assessment.partNo, { expectedStatus: 'public-notice', to: 'report-delivered' });
    expect(delivered.released.map((r) => r.partNo)).toEqual(waiting);
    // The staff view of the application (GET /applications/:no, any role) sees every part's state.
    const progress = (await get('w1', `/api/v1/applications/${no}`)).json<ApplicationView>();
    expect(progress.status).toBe('in-progress');
    expect(progress.parts.map((p) => p.status)).toEqual(application.parts.map((p) => (p.kind === 'assessment' ? 'report-delivered' : 'submitted')));
  });

  it('records care level 0 (no care needed) as a conclusion in the registry', async () => {
    const { applicationNo, residentId } = await seedTestApplication(app, {
      residentKey: 'huang-yongfu',
      serviceKey: 'ltc-joint',
      parts: [JOINT_PARTS[0]!],
      answers: { services: ['ltc-assessment'] },
    });
    await moved('mi', applicationNo, 1, { expectedStatus: 'submitted', to: 'accepted' });
    const visit = clock.now.toISOString().slice(0, 10);
    await moved('mi', applicationNo, 1, { expectedStatus: 'accepted', to: 'visit-scheduled', visitDate: visit });
    await moved('mi', applicationNo, 1, { expectedStatus: 'visit-scheduled', to: 'assessed', careLevel: 0 });
    const notice = await moved('mi', applicationNo, 1, { expectedStatus: 'assessed', to: 'public-notice' });
    clock.now = new Date(`${notice.part.noticeEndsOn}T02:00:00Z`);
    clock.advance(DAY);
    const done = await moved('mi', applicationNo, 1, { expectedStatus: 'public-notice', to: 'report-delivered' });
    expect([done.applicationStatus, done.released]).toEqual(['completed', []]);
    const [resident] = await app.db.query<{ care_level: number | null }>('SELECT care_level FROM residents WHERE id = $1', [residentId]);
    expect(resident!.care_level).toBe(0);
  });
});
