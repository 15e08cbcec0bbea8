import type { ApplicationRequest, ApplicationView, IdentifyResponse } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, demoPerson, identify, postApplication, TEST_INSTANT, TestClock } from '../testing/test-kiosk';

const PHONE = '13912345678';
/** Luhn-valid and -invalid settlement card numbers. */
const GOOD_CARD = '6222021234567890128';
const BAD_CARD = '6222021234567890123';

type Body = ApplicationRequest;

describeOnEachDatabase('applications of every service', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  let keyNo = 0;
  const key = () => `svc-${++keyNo}`;
  const who = (k: string): Promise<IdentifyResponse> => identify(app, demoPerson(k).card);
  const submit = (body: Body, k = key(), headers: Record<string, string> = {}) => postApplication(app, body, k, headers);
  const ok = async (body: Body, k?: string): Promise<ApplicationView> => asApplication(await submit(body, k));
  const refused = async (body: Body, status: number, code: string) => {
    const res = await submit(body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    return res.json();
  };
  const events = (applicationNo: string) =>
    app.db.query<{ part_no: number; actor: string; from_status: string | null; to_status: string }>(
      `SELECT e.part_no, e.actor, e.from_status, e.to_status FROM application_part_events e
       JOIN applications a ON a.id = e.application_id WHERE a.application_no = $1 ORDER BY e.part_no`,
      [applicationNo],
    );

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  describe('identify: the joint options', () => {
    it('an 83-year-old whose level-4 assessment ends in 30 days: re-assessment due, insurance pre-filled', async () => {
      const { joint } = await who('shen-guiying');
      expect(joint).toMatchObject({ reassessmentDue: true, insurance: 'employee' });
      expect(joint!.options.map((o) => [o.serviceKey, o.availability])).toEqual([
        ['ltc-assessment', 'now'],
        ['care-subsidy', 'no'],
        ['care-home-admission', 'now'],
      ]);
    });

    it('a 72-year-old with a valid level-2 assessment: no assessment, so no care home either', async () => {
      const { joint } = await who('lu-jianhua');
      expect(joint!.reassessmentDue).toBe(false);
      expect(joint!.options[0]).toMatchObject({ availability: 'no', reasons: [{ code: 'assessment-still-valid' }] });
      expect(joint!.options[2]!.availability).toBe('no');
    });

    it('a 58-year-old gets joint options too: too young for the assessment', async () => {
      const { joint } = await who('fang-xiaohong');
      expect(joint!.options[0]!.availability).toBe('no');
      expect(joint!.assessmentValidUntil).toBeNull();
    });
  });

  describe('ltc-joint (一件事一次办)', () => {
    const jointBody = (identifyToken: string, services: Body extends never ? never : ('ltc-assessment' | 'care-subsidy' | 'care-home-admission')[], reassessment = false): Body => ({
      serviceKey: 'ltc-joint',
      identifyToken,
      answers: {
        services,
        phone: PHONE,
        ...(services.includes('ltc-assessment')
          ? { assessment: { reassessment, insurance: 'resident', mobility: 'needs-help', visitAt: 'registered-address' } }
          : {}),
        ...(services.includes('care-subsidy') ? { subsidy: { serviceForm: 'home-care' } } : {}),
        ...(services.includes('care-home-admission') ? { careHome: { preference: 'near-home', acceptWaitingList: true } } : {}),
      },
    } as Body);

    it('never assessed, in hardship: one number, three parts; subsidy and care home wait for the assessment', async () => {
      const { identifyToken } = await who('he-fuxing');
      const view = await ok(jointBody(identifyToken, ['care-home-admission', 'ltc-assessment', 'care-subsidy']));
      expect(view).toMatchObject({ serviceKey: 'ltc-joint', status: 'submitted', answers: { phoneMasked: '139****5678' } });
      expect(view.serviceName.zh).toContain('一件事');
      expect(view.parts.map((p) => [p.partNo, p.serviceKey, p.department, p.kind, p.status])).toEqual([
        [1, 'ltc-assessment', 'medical-insurance', 'assessment', 'submitted'],
        [2, 'care-subsidy', 'street-office', 'review', 'waiting-for-assessment'],
        [3, 'care-home-admission', 'civil-affairs', 'review', 'waiting-for-assessment'],
      ]);
      expect(view.details[0]).toEqual({
        label: { zh: '申请事项', en: 'Services' },
        value: { zh: '长护险需求评估、养老服务补贴、入住养老机构', en: 'Care needs assessment, Care service subsidy, Care home place' },
      });
      expect(view.details).toContainEqual({ label: { zh: '评估类型', en: 'Assessment type' }, value: { zh: '首次评估', en: 'First assessment' } });
      expect(await events(view.applicationNo)).toEqual([
        { part_no: 1, actor: 'kiosk', from_status: null, to_status: 'submitted' },
        { part_no: 2, actor: 'system', from_status: null, to_status: 'waiting-for-assessment' },
        { part_no: 3, actor: 'system', from_status: null, to_status: 'waiting-for-assessment' },
      ]);
    });

    it('a part that needs the care level without the assessment is JOINT_NEEDS_ASSESSMENT', async () => {
      const { identifyToken } = await who('he-fuxing');
      const body = await refused(jointBody(identifyToken, ['care-home-admission']), 400, 'JOINT_NEEDS_ASSESSMENT');
      expect(body.message).toContain('长护险需求评估');
    });

    it('sections must match the chosen services: JOINT_FORM_MISMATCH', async () => {
      const { identifyToken } = await who('he-fuxing');
      const extra = jointBody(identifyToken, ['ltc-assessment']) as Extract<Body, { serviceKey: 'ltc-joint' }>;
      const withSubsidy = { ...extra, answers: { ...extra.answers, subsidy: { serviceForm: 'day-care' as const } } };
      const res = await refused(withSubsidy, 400, 'JOINT_FORM_MISMATCH');
      expect(res.details).toEqual([{ path: '/answers/subsidy', message: 'only when care-subsidy is chosen' }]);
      const missing = { ...extra, answers: { services: ['ltc-assessment' as const], phone: PHONE } };
      expect((await refused(missing, 400, 'JOINT_FORM_MISMATCH')).details[0].path).toBe('/answers/assessment');
      // Not due: a re-assessment flag is a mismatch too.
      await refused(jointBody(identifyToken, ['ltc-assessment'], true), 400, 'JOINT_FORM_MISMATCH');
    });

    it('a service that is not possible is 403 NOT_ELIGIBLE with its reasons; an assessment still valid too', async () => {
      const he = await who('he-fuxing');
      const zhou = await who('zhou-haiping');
      const res = await refused(jointBody(zhou.identifyToken, ['ltc-assessment', 'care-subsidy']), 403, 'NOT_ELIGIBLE');
      expect(res.serviceKey).toBe('care-subsidy');
      expect(res.reasons.map((r: { code: string }) => r.code)).toContain('not-shanghai-hukou');
      const lu = await who('lu-jianhua');
      const still = await refused(jointBody(lu.identifyToken, ['ltc-assessment']), 403, 'NOT_ELIGIBLE');
      expect(still.reasons[0].code).toBe('assessment-still-valid');
      expect(he.identifyToken).not.toBe(lu.identifyToken);
    });

    it('期末评估 by a daughter (代办): proxy stored and masked, eligibility is the senior\'s; a retry gives the same number', async () => {
      const daughter = await who('li-xiuying');
      const senior = await who('shen-guiying');
      const body: Body = {
        ...jointBody(senior.identifyToken, ['ltc-assessment', 'care-home-admission'], true),
        proxy: { identifyToken: daughter.identifyToken, relationship: 'child', consent: true },
      } as Body;
      const first = await submit(body, 'joint-retry');
      const view = asApplication(first);
      const again = await submit(body, 'joint-retry');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().applicationNo).toBe(view.applicationNo);
      const [{ count }] = (await app.db.query<{ count: number }>("SELECT count(*)::int AS count FROM applications WHERE service_key = 'ltc-joint' AND resident_id = (SELECT resident_id FROM applications WHERE application_no = $1)", [view.applicationNo])) as [{ count: number }];
      expect(count).toBe(1);

      const li = demoPerson('li-xiuying');
      expect(view.applicantNameMasked).toBe('沈**');
      expect(view.proxy).toEqual({ nameMasked: '李**', idNumberMasked: `${li.idNumber.slice(0, 3)}***********${li.idNumber.slice(-4)}`, relationship: 'child' });
      expect(first.body).not.toContain(li.idNumber);
      expect(view.parts.map((p) => p.status)).toEqual(['submitted', 'submitted']);
      expect(view.details).toContainEqual({
        label: { zh: '评估类型', en: 'Assessment type' },
        value: { zh: '期末评估（到期重新评估）', en: 'Re-assessment (conclusion expiring)' },
      });
      const [row] = await app.db.query<{ proxy_relationship: string; proxy_consented_at: Date; proxy_resident_id: number | null }>(
        'SELECT proxy_relationship, proxy_consented_at, proxy_resident_id FROM applications WHERE application_no = $1',
        [view.applicationNo],
      );
      expect(row).toMatchObject({ proxy_relationship: 'child', proxy_consented_at: TEST_INSTANT });
      expect(row!.proxy_resident_id).not.toBeNull();
    });
  });

  describe('代办 refusals', () => {
    it('the proxy and the senior being one person is 400 PROXY_SAME_PERSON', async () => {
      const first = await who('gao-shulan');
      const second = await who('gao-shulan');
      await refused(
        { serviceKey: 'sports-voucher', identifyToken: first.identifyToken, answers: {}, proxy: { identifyToken: second.identifyToken, relationship: 'relative', consent: true } },
        400,
        'PROXY_SAME_PERSON',
      );
    });

    it('an invalid proxy token is refused like an invalid token (401)', async () => {
      const { identifyToken } = await who('gao-shulan');
      await refused(
        { serviceKey: 'sports-voucher', identifyToken, answers: {}, proxy: { identifyToken: 'B'.repeat(43), relationship: 'spouse', consent: true } },
        401,
        'IDENTIFY_TOKEN_INVALID',
      );
    });

    it('eligibility is the senior\'s: a 62-year-old proxy can apply for a 55+ voucher of an 86-year-old, not the reverse', async () => {
      const chen = await who('chen-zhiqiang');
      const gao = await who('gao-shulan');
      const view = await ok({ serviceKey: 'sports-voucher', identifyToken: gao.identifyToken, answers: {}, proxy: { identifyToken: chen.identifyToken, relationship: 'eldercare-adviser', consent: true } });
      expect(view.proxy?.relationship).toBe('eldercare-adviser');
      await refused(
        { serviceKey: 'allowance-channel', identifyToken: chen.identifyToken, answers: { channel: 'senior-card' }, proxy: { identifyToken: gao.identifyToken, relationship: 'child', consent: true } },
        403,
        'NOT_ELIGIBLE',
      );
    });
  });

  describe('the other services', () => {
    it('home adaptation: the subsidy category comes from the registry', async () => {
      const lu = await who('lu-jianhua');
      const view = await ok({ serviceKey: 'home-adaptation', identifyToken: lu.identifyToken, answers: { tenure: 'owner', items: ['grab-bars', 'non-slip-floor'], phone: PHONE } });
      expect(view.parts).toMatchObject([{ department: 'civil-affairs', kind: 'review', status: 'submitted' }]);
      expect(view.details).toEqual([
        { label: { zh: '住房情况', en: 'Home' }, value: { zh: '拥有产权', en: 'Owned' } },
        { label: { zh: '改造项目', en: 'Adaptations' }, value: { zh: '扶手、防滑地面', en: 'Grab bars, Non-slip floor' } },
        { label: { zh: '补贴类别', en: 'Subsidy category' }, value: { zh: '高龄或失能老人（部分补贴）', en: 'Aged 80+ or care level 2+ (partial subsidy)' } },
      ]);
      const he = await who('he-fuxing');
      const full = await ok({ serviceKey: 'home-adaptation', identifyToken: he.identifyToken, answers: { tenure: 'long-term-use', items: ['shower-seat'], phone: PHONE } });
      expect(full.details[2]!.value.zh).toBe('困难老人（全额补贴）');
      const liu = await who('liu-dahai');
      await refused({ serviceKey: 'home-adaptation', identifyToken: liu.identifyToken, answers: { tenure: 'owner', items: ['grab-bars'], phone: PHONE } }, 403, 'NOT_ELIGIBLE');
    });

    it('meal assistance: Luhn-checked card, stored encrypted and masked; a pending first application blocks a second', async () => {
      const { identifyToken } = await who('zhu-wenhua');
      const bad = await refused({ serviceKey: 'meal-assistance', identifyToken, answers: { mode: 'canteen', bankCardNo: BAD_CARD, phone: PHONE } }, 400, 'BANK_CARD_INVALID');
      expect(bad.details[0].path).toBe('/answers/bankCardNo');
      const res = await submit({ serviceKey: 'meal-assistance', identifyToken, answers: { mode: 'delivery', bankCardNo: GOOD_CARD, phone: PHONE } });
      const view = asApplication(res);
      expect(res.body).not.toContain(GOOD_CARD);
      expect(view.details).toContainEqual({ label: { zh: '结算银行卡', en: 'Settlement bank card' }, value: { zh: '****0128', en: '****0128' } });
      expect(view.parts.map((p) => p.department)).toEqual(['street-office', 'civil-affairs']);
      const stored = await app.db.query<{ answers: unknown; private_answers_enc: Buffer }>('SELECT answers, private_answers_enc FROM applications WHERE application_no = $1', [view.applicationNo]);
      expect(JSON.stringify(stored[0]!.answers)).not.toContain(GOOD_CARD);
      expect(stored[0]!.private_answers_enc.toString('latin1')).not.toContain(GOOD_CARD);
      await refused({ serviceKey: 'meal-assistance', identifyToken, answers: { mode: 'canteen', bankCardNo: GOOD_CARD, phone: PHONE } }, 409, 'MEAL_ASSISTANCE_PENDING');
    });

    it('meal assistance change: a street of the district, at least one change, address and card masked', async () => {
      const tang = await who('tang-yumei');
      const t = tang.identifyToken;
      await refused({ serviceKey: 'meal-assistance', identifyToken: t, answers: { mode: 'canteen', bankCardNo: GOOD_CARD, phone: PHONE } }, 403, 'NOT_ELIGIBLE');
      await refused({ serviceKey: 'meal-assistance-change', identifyToken: t, answers: {} }, 400, 'MEAL_CHANGE_EMPTY');
      await refused({ serviceKey: 'meal-assistance-change', identifyToken: t, answers: { newAddress: { streetKey: 'nanjing-xilu', building: '8', room: '301' } } }, 400, 'STREET_NOT_IN_DISTRICT');
      await refused({ serviceKey: 'meal-assistance-change', identifyToken: t, answers: { newBankCardNo: BAD_CARD } }, 400, 'BANK_CARD_INVALID');
      const res = await submit({ serviceKey: 'meal-assistance-change', identifyToken: t, answers: { newAddress: { streetKey: 'tianshan-lu', lane: '345', building: '12', room: '301' }, newBankCardNo: GOOD_CARD } });
      const view = asApplication(res);
      expect(view.details).toEqual([
        { label: { zh: '新的现居住地', en: 'New address' }, value: { zh: '上海市长宁区天山路***弄**号***室', en: '上海市长宁区天山路***弄**号***室' } },
        { label: { zh: '新的结算银行卡', en: 'New settlement bank card' }, value: { zh: '****0128', en: '****0128' } },
      ]);
      expect(res.body).not.toContain('345弄');
    });

    it('assistive devices: 72 with care level 2 yes, 58 no', async () => {
      const lu = await who('lu-jianhua');
      const view = await ok({ serviceKey: 'assistive-device-rental', identifyToken: lu.identifyToken, answers: { devices: ['wheelchair', 'walker'], handover: 'deliver', phone: PHONE } });
      expect(view.answers.mailingAddressMasked).toMatch(/^上海市徐汇区/);
      expect(view.details[0]!.value.zh).toBe('轮椅、助行器');
      const fang = await who('fang-xiaohong');
      await refused({ serviceKey: 'assistive-device-rental', identifyToken: fang.identifyToken, answers: { devices: ['walker'], handover: 'collect', phone: PHONE } }, 403, 'NOT_ELIGIBLE');
    });

    it('sports voucher: completed at once with a voucher number, once per calendar year', async () => {
      const fang = await who('fang-xiaohong');
      const view = await ok({ serviceKey: 'sports-voucher', identifyToken: fang.identifyToken, answers: {} });
      expect(view.status).toBe('completed');
      expect(view.parts).toMatchObject([{ department: 'sports', kind: 'instant', status: 'completed' }]);
      expect(view.details[0]!.value.zh).toMatch(/^TY2026\d{10}$/);
      expect(await events(view.applicationNo)).toEqual([{ part_no: 1, actor: 'system', from_status: null, to_status: 'completed' }]);
      await refused({ serviceKey: 'sports-voucher', identifyToken: fang.identifyToken, answers: {} }, 409, 'VOUCHER_ALREADY_CLAIMED');
      // The next calendar year: again.
      clock.now = new Date('2027-01-02T02:00:00Z');
      try {
        const next = await identify(app, demoPerson('fang-xiaohong', clock.now).card);
        const again = await ok({ serviceKey: 'sports-voucher', identifyToken: next.identifyToken, answers: {} });
        expect(again.details[0]!.value.zh).toMatch(/^TY2027/);
      } finally {
        clock.now = TEST_INSTANT;
      }
    });

    it('home visit: 80+ by age, bedridden declared; a 62-year-old claiming 80+ is 422', async () => {
      const zhang = await who('zhang-guihua');
      const view = await ok({ serviceKey: 'home-visit', identifyToken: zhang.identifyToken, answers: { reason: 'age-80-plus', services: ['senior-card', 'ltc-assessment'], period: 'morning', phone: PHONE } });
      expect(view.parts).toMatchObject([{ serviceKey: 'home-visit', department: 'street-office', kind: 'home-visit', status: 'submitted' }]);
      expect(view.details[1]!.value.zh).toBe('申领敬老卡、长护险需求评估');
      const chen = await who('chen-zhiqiang');
      await refused({ serviceKey: 'home-visit', identifyToken: chen.identifyToken, answers: { reason: 'age-80-plus', services: ['senior-card'], period: 'afternoon', phone: PHONE } }, 422, 'HOME_VISIT_NOT_ELIGIBLE');
      await ok({ serviceKey: 'home-visit', identifyToken: chen.identifyToken, answers: { reason: 'bedridden', services: ['senior-card'], period: 'afternoon', phone: PHONE } });
      await refused({ serviceKey: 'home-visit', identifyToken: chen.identifyToken, answers: { reason: 'disabled', services: ['flying-car'], period: 'morning', phone: PHONE } }, 400, 'HOME_VISIT_UNKNOWN_SERVICE');
    });
  });

  it('GET /services: every service in the kiosk, with its commitments; the joint trio in handling order', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/services' });
    const services = res.json().services as { key: string; kioskFlow: boolean; commitments: unknown[]; handlingOrder?: { step: number } }[];
    expect(services).toHaveLength(12);
    expect(services.every((s) => s.kioskFlow && s.commitments.length > 0)).toBe(true);
    expect(services.filter((s) => s.handlingOrder).map((s) => [s.key, s.handlingOrder!.step])).toEqual([
      ['ltc-assessment', 1],
      ['care-subsidy', 2],
      ['care-home-admission', 3],
    ]);
  });
});
