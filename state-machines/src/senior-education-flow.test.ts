import type { ApplicationView, EducationCatalogue, ProxyRequest } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { countFlowTaps, countSessionTaps } from './analysis/count-taps';
import { chosenCourse, coursesOf, institutionsWithCourses, seniorEducationFlow } from './senior-education-flow';
import { MODEL_CATALOGUE } from './senior-education-flow-fixtures';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, identityOf } from './testing/fixtures';

const PROXY: ProxyRequest = { identifyToken: 'proxy-token-0123456789', relationship: 'child', consent: true };

function start(proxy: ProxyRequest | null = null) {
  const load = controllableActor<EducationCatalogue, void>();
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(seniorEducationFlow.provide({ actors: { loadCourses: load.logic, submitApplication: submit.logic } }), {
    input: { identity: identityOf('firstTimer'), proxy, centreId: 'xuhui-tianping' },
  }).start();
  const type = (digits: string) => digits.split('').forEach((d) => actor.send({ type: 'keypad.digit', digit: d as never }));
  const choose = (value: string) => actor.send({ type: 'option.choose', value });
  return { actor, load, submit, type, choose };
}

describe('seniorEducationFlow', () => {
  it('loads the courses first; a failed load is retried with 再试一次', async () => {
    const { actor, load } = start();
    expect(actor.getSnapshot().value).toBe('loading');
    load.last.reject(new CodedError('NETWORK_UNREACHABLE'));
    await settle();
    expect(actor.getSnapshot().value).toBe('loadFailed');
    actor.send({ type: 'flow.retry' });
    load.last.resolve(MODEL_CATALOGUE);
    await settle();
    expect(actor.getSnapshot().value).toBe('choosingMode');
    expect(load.calls).toHaveLength(2);
  });

  it('a school without courses and a full course cannot be chosen', async () => {
    const { actor, load, choose } = start();
    load.last.resolve(MODEL_CATALOGUE);
    await settle();
    choose('enrol');
    choose('empty-school');
    expect(actor.getSnapshot().value).toBe('choosingInstitution');
    choose('school');
    choose('full-course');
    choose('another-schools-course');
    expect(actor.getSnapshot().value).toBe('choosingCourse');
    choose('open-course');
    expect(actor.getSnapshot().value).toBe('enteringPhone');
    expect(chosenCourse(actor.getSnapshot().context)?.title.zh).toBe('书法');
  });

  it('enrols with the proxy (代办) and sends the same Idempotency-Key again on 再试一次', async () => {
    const { actor, load, submit, type, choose } = start(PROXY);
    load.last.resolve(MODEL_CATALOGUE);
    await settle();
    choose('enrol');
    choose('school');
    choose('open-course');
    type('13912345678');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({
      serviceKey: 'senior-education',
      identifyToken: identityOf('firstTimer').identifyToken,
      proxy: PROXY,
      answers: { mode: 'enrol', courseId: 'open-course', phone: '13912345678' },
    });
    submit.last.reject(new CodedError('COURSE_FULL'));
    await settle();
    expect(actor.getSnapshot().context.submitErrorCode).toBe('COURSE_FULL');
    actor.send({ type: 'flow.retry' });
    expect(submit.calls[1]!.input.idempotencyKey).toBe(submit.calls[0]!.input.idempotencyKey);
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
    expect(actor.getSnapshot().output).toMatchObject({ kind: 'submitted' });
  });

  it('registers a teacher: subject, phone, confirm', async () => {
    const { actor, load, submit, type, choose } = start();
    load.last.resolve(MODEL_CATALOGUE);
    await settle();
    choose('teacher');
    choose('juggling');
    expect(actor.getSnapshot().value).toBe('choosingSubject');
    choose('calligraphy');
    type('13812345678');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request.answers).toEqual({ mode: 'teacher', subjectKey: 'calligraphy', phone: '13812345678' });
  });

  it('helpers list a school’s courses and only schools that have some', () => {
    expect(coursesOf(MODEL_CATALOGUE, 'school').map((c) => c.id)).toEqual(['open-course', 'full-course']);
    expect(institutionsWithCourses(MODEL_CATALOGUE).map((i) => i.id)).toEqual(['school']);
    expect(coursesOf(null, 'school')).toEqual([]);
  });

  it('enrolling takes 5 taps in the flow (mode, school, course, 下一步, 确认) plus the 11 digits', () => {
    const count = countFlowTaps('senior-education');
    expect(count).toMatchObject({ taps: 5, typed: 11 });
    expect(countSessionTaps('senior-education').taps).toBeGreaterThan(5);
  });
});
