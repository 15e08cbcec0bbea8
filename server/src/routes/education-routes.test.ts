import type { EducationCatalogue } from '@eldercare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, identify, postApplication, strangerCard, TEST_INSTANT, TestClock } from '../testing/test-kiosk';

describeOnEachDatabase('senior education', (target) => {
  let app: FastifyInstance;
  const clock = new TestClock(TEST_INSTANT);
  let sequence = 300;
  /** A fresh 76-year-old (eligible: 60+) for each enrolment. */
  const freshToken = async () => (await identify(app, strangerCard({ birthDate: '1950-01-01', sequence: sequence++ }))).identifyToken;
  let keys = 0;
  const enrol = (identifyToken: string, courseId: string, key = `enrol-${keys++}`) =>
    postApplication(app, { serviceKey: 'senior-education', identifyToken, answers: { mode: 'enrol', courseId, phone: '13912345678' } }, key);
  const catalogue = async () => (await app.inject({ method: 'GET', url: '/api/v1/education/courses' })).json<EducationCatalogue>();
  const seatsOf = async (courseId: string) => (await catalogue()).courses.find((c) => c.id === courseId)!.seatsLeft;

  beforeAll(async () => {
    app = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(() => app?.close());

  it('GET /education/courses lists institutions, courses with time and seats, and teaching subjects, without personal data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/education/courses' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<EducationCatalogue>();
    expect(body.institutions.map((i) => i.id)).toEqual(['xuhui-senior-university', 'tianping-community-school', 'hunan-road-senior-school']);
    expect(body.courses.find((c) => c.id === 'xh-calligraphy')).toEqual({
      id: 'xh-calligraphy',
      institutionId: 'xuhui-senior-university',
      title: { zh: '书法入门', en: 'Calligraphy for beginners' },
      weekday: 1,
      startsAt: '09:00',
      endsAt: '11:00',
      term: { zh: '2027年春季学期', en: 'Spring term 2027' },
      capacity: 30,
      seatsLeft: 30,
    });
    expect(body.subjects.length).toBeGreaterThanOrEqual(5);
    expect(body.subjects[0]).toEqual({ key: 'calligraphy', name: { zh: '书法', en: 'Calligraphy' } });
  });

  it('enrolling takes a seat and gives a review part for education, with the course on the receipt', async () => {
    const before = await seatsOf('xh-taichi');
    const view = asApplication(await enrol(await freshToken(), 'xh-taichi'));
    expect(view).toMatchObject({ serviceKey: 'senior-education', status: 'submitted' });
    expect(view.parts).toMatchObject([{ department: 'education', kind: 'review', status: 'submitted' }]);
    expect(view.details.map((d) => d.label.zh)).toEqual(['办理内容', '学校', '课程', '上课时间', '学期']);
    expect(view.details.find((d) => d.label.zh === '上课时间')!.value).toEqual({ zh: '每周五 08:30–10:00', en: 'Fridays 08:30–10:00' });
    expect(JSON.stringify(view.details)).not.toContain('13912345678');
    expect(await seatsOf('xh-taichi')).toBe(before - 1);
  });

  it('one enrolment per person and course: ALREADY_ENROLLED (409); another course is fine', async () => {
    const token = await freshToken();
    asApplication(await enrol(token, 'hn-english'));
    const again = await enrol(token, 'hn-english');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_ENROLLED' });
    asApplication(await enrol(token, 'hn-health'));
  });

  it('the last seat goes to one of two people racing for it; the other gets COURSE_FULL (409)', async () => {
    await app.db.query(`UPDATE education_courses SET capacity = 1 WHERE id = 'tp-photography'`);
    const [a, b] = [await freshToken(), await freshToken()];
    const results = await Promise.all([enrol(a, 'tp-photography'), enrol(b, 'tp-photography')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'COURSE_FULL' });
    expect(await seatsOf('tp-photography')).toBe(0);
  });

  it('a rejected enrolment gives its seat back', async () => {
    await app.db.query(`UPDATE education_courses SET capacity = 1 WHERE id = 'tp-painting'`);
    const first = asApplication(await enrol(await freshToken(), 'tp-painting'));
    expect((await enrol(await freshToken(), 'tp-painting')).json()).toMatchObject({ code: 'COURSE_FULL' });
    await app.db.query(
      `UPDATE application_parts SET status = 'rejected' WHERE application_id = (SELECT id FROM applications WHERE application_no = $1)`,
      [first.applicationNo],
    );
    expect(await seatsOf('tp-painting')).toBe(1);
    asApplication(await enrol(await freshToken(), 'tp-painting'));
  });

  it('an unknown or closed course is COURSE_NOT_FOUND (400)', async () => {
    const unknown = await enrol(await freshToken(), 'no-such-course');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'COURSE_NOT_FOUND' });
    await app.db.query(`UPDATE education_courses SET open = false WHERE id = 'xh-choir'`);
    expect((await enrol(await freshToken(), 'xh-choir')).json()).toMatchObject({ code: 'COURSE_NOT_FOUND' });
    expect((await catalogue()).courses.some((c) => c.id === 'xh-choir')).toBe(false);
  });

  it('registers a part-time teacher for a subject; twice is TEACHER_ALREADY_REGISTERED, an unknown subject 400', async () => {
    const token = await freshToken();
    const teach = (subjectKey: string, key: string) =>
      postApplication(app, { serviceKey: 'senior-education', identifyToken: token, answers: { mode: 'teacher', subjectKey, phone: '13812345678' } }, key);
    const view = asApplication(await teach('calligraphy', 'teach-1'));
    expect(view.parts).toMatchObject([{ department: 'education', kind: 'review', status: 'submitted' }]);
    expect(view.details).toEqual([
      { label: { zh: '办理内容', en: 'Request' }, value: { zh: '兼职教师注册', en: 'Part-time teacher registration' } },
      { label: { zh: '授课科目', en: 'Subject to teach' }, value: { zh: '书法', en: 'Calligraphy' } },
    ]);
    expect((await teach('calligraphy', 'teach-2')).json()).toMatchObject({ code: 'TEACHER_ALREADY_REGISTERED' });
    const unknown = await teach('juggling', 'teach-3');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'TEACHER_SUBJECT_NOT_FOUND' });
  });

  it('under 60 is NOT_ELIGIBLE', async () => {
    const { identifyToken } = await identify(app, strangerCard({ birthDate: '1970-05-05', sequence: 1 }));
    const res = await enrol(identifyToken, 'xh-calligraphy');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'NOT_ELIGIBLE' });
  });
});
