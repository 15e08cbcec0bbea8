import type { ApplicationView, ProxyRequest } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { jointApplicationFlow } from './joint-application-flow';
import { jointIdentityOf, type JointFixturePerson } from './joint-application-flow.fixtures';
import { emptyJointDraft, jointAnswersFor } from './joint-application-flow-form';
import type { KeypadDigit } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor } from './testing/fixtures';

function start(person: JointFixturePerson = 'hardship', proxy: ProxyRequest | null = null) {
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(jointApplicationFlow.provide({ actors: { submitApplication: submit.logic } }), {
    input: { identity: jointIdentityOf(person), proxy },
  });
  actor.start();
  const send = (...events: Parameters<typeof actor.send>[0][]) => events.forEach((e) => actor.send(e));
  const choose = (...values: string[]) => values.forEach((value) => actor.send({ type: 'option.choose', value }));
  const toggle = (value: string) => actor.send({ type: 'option.toggle', value });
  const type = (digits: string) => {
    for (const digit of digits) actor.send({ type: 'keypad.digit', digit: digit as KeypadDigit });
  };
  const screen = () => (actor.getSnapshot().status === 'done' ? 'done' : actor.getSnapshot().value);
  return { actor, submit, send, choose, toggle, type, screen, context: () => actor.getSnapshot().context };
}

describe('jointApplicationFlow: choosing the services (一次告知)', () => {
  it('nobody can apply for nothing: every service says why, and 返回 leaves', () => {
    const f = start('nothing');
    expect(f.screen()).toBe('notEligible');
    expect(f.context().eligibility.reasons.map((r) => r.code)).toEqual(['assessment-still-valid', 'no-financial-hardship', 'care-level-too-low']);
    f.send({ type: 'flow.back' });
    expect(f.actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('a person without joint options (an old server) cannot apply', () => {
    const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
    const { joint: _joint, ...identity } = jointIdentityOf('hardship');
    const actor = createActor(jointApplicationFlow.provide({ actors: { submitApplication: submit.logic } }), { input: { identity } }).start();
    expect(actor.getSnapshot().value).toBe('notEligible');
  });

  it.each([
    ['hardship', ['ltc-assessment', 'care-subsidy', 'care-home-admission']],
    ['firstTimer', ['ltc-assessment', 'care-home-admission']],
    ['reassessment', ['ltc-assessment', 'care-home-admission']],
  ] as const)('%s: every available service is pre-selected', (person, selected) => {
    const f = start(person);
    expect(f.screen()).toBe('choosing');
    expect(f.context().selected).toEqual(selected);
  });

  it('a service that is not possible cannot be chosen', () => {
    const f = start('firstTimer');
    f.toggle('care-subsidy');
    f.toggle('not-a-service');
    expect(f.context().selected).toEqual(['ltc-assessment', 'care-home-admission']);
  });

  it('a service waiting for the assessment brings the assessment along, and goes when it goes', () => {
    const f = start('hardship');
    f.toggle('ltc-assessment');
    expect(f.context().selected).toEqual([]);
    f.toggle('care-subsidy');
    expect(f.context().selected).toEqual(['ltc-assessment', 'care-subsidy']);
  });

  it('a service available now stays when the assessment goes', () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    expect(f.context().selected).toEqual(['care-home-admission']);
  });

  it('下一步 with nothing chosen stays and says so; choosing again clears it', () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    f.toggle('care-home-admission');
    f.send({ type: 'flow.next' });
    expect(f.screen()).toBe('choosing');
    expect(f.context().choiceError).toBe('none-chosen');
    f.toggle('care-home-admission');
    expect(f.context().choiceError).toBeNull();
    f.send({ type: 'flow.next' });
    expect(f.screen()).toBe('notice');
  });
});

describe('jointApplicationFlow: one form (一表申请)', () => {
  it('asks only the questions of the chosen services, in order; insurance comes from the registry', () => {
    const f = start('hardship');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    const screens = [f.screen()];
    for (const value of ['bedridden', 'agree-by-phone', 'day-care', 'anywhere-in-district', 'no']) {
      f.choose(value);
      screens.push(f.screen());
    }
    expect(screens).toEqual(['mobility', 'visitAt', 'serviceForm', 'carePreference', 'waitingList', 'enteringPhone']);
    expect(f.context().draft).toEqual({
      mobility: 'bedridden',
      visitAt: 'agree-by-phone',
      insurance: 'resident',
      serviceForm: 'day-care',
      carePreference: 'anywhere-in-district',
      waitingList: 'no',
    });
  });

  it('asks the insurance when the registry does not know it', () => {
    const f = start('firstTimer');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('walks', 'registered-address');
    expect(f.screen()).toBe('insurance');
    f.choose('employee');
    expect(f.screen()).toBe('carePreference');
  });

  it('only the care home chosen: its two questions, then the phone', () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    expect(f.screen()).toBe('carePreference');
    f.choose('near-home', 'yes');
    expect(f.screen()).toBe('enteringPhone');
  });

  it('a tap that is no choice of the question is ignored', () => {
    const f = start('hardship');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('day-care');
    expect(f.screen()).toBe('mobility');
    expect(f.context().draft.mobility).toBeNull();
  });

  it('back goes one screen at a time over the questions asked, keeping the answers', () => {
    const f = start('firstTimer');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('needs-help', 'registered-address', 'resident', 'near-home', 'yes');
    f.type('13912345678');
    f.send({ type: 'flow.next' });
    expect(f.screen()).toBe('confirming');
    const screens = [];
    for (let i = 0; i < 9; i++) {
      f.send({ type: 'flow.back' });
      screens.push(f.screen());
    }
    expect(screens).toEqual(['enteringPhone', 'waitingList', 'carePreference', 'insurance', 'visitAt', 'mobility', 'notice', 'choosing', 'done']);
    expect(f.context().draft.mobility).toBe('needs-help');
  });

  it('the phone keypad: 11 digits at most, delete, clear, and why an invalid number stays', () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('near-home', 'yes');
    f.type('139123456789');
    expect(f.context().phone).toBe('13912345678');
    f.send({ type: 'keypad.delete' });
    f.send({ type: 'flow.next' });
    expect(f.context().phoneError).toBe('too-short');
    f.send({ type: 'keypad.clear' });
    f.type('02161234567');
    f.send({ type: 'flow.next' });
    expect(f.screen()).toBe('enteringPhone');
    expect(f.context().phoneError).toBe('not-a-mobile-number');
  });
});

describe('jointApplicationFlow: submitting', () => {
  const proxy: ProxyRequest = { identifyToken: 'proxy-token-0123456789', relationship: 'child', consent: true };

  it('sends the sections of exactly the chosen services, a re-assessment when due, and the proxy', async () => {
    const f = start('reassessment', proxy);
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('bedridden', 'registered-address', 'near-home', 'yes');
    f.type('13764502318');
    f.send({ type: 'flow.next' }, { type: 'flow.confirm' });
    expect(f.screen()).toBe('submitting');
    expect(f.submit.last.input.request).toEqual({
      serviceKey: 'ltc-joint',
      identifyToken: jointIdentityOf('reassessment').identifyToken,
      proxy,
      answers: {
        services: ['ltc-assessment', 'care-home-admission'],
        phone: '13764502318',
        assessment: { reassessment: true, insurance: 'employee', mobility: 'bedridden', visitAt: 'registered-address' },
        careHome: { preference: 'near-home', acceptWaitingList: true },
      },
    });
    f.submit.last.resolve(applicationFor(f.submit.last.input.request));
    await settle();
    expect(f.actor.getSnapshot().output?.kind).toBe('submitted');
  });

  it('answers of a service dropped on the way back are not sent', () => {
    const f = start('hardship');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('walks', 'registered-address', 'home-care', 'near-home', 'yes');
    f.type('13912345678');
    f.send({ type: 'flow.next' });
    for (let i = 0; i < 8; i++) f.send({ type: 'flow.back' });
    expect(f.screen()).toBe('choosing');
    f.toggle('care-home-admission');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('walks', 'registered-address', 'home-care');
    f.send({ type: 'flow.next' }, { type: 'flow.confirm' });
    const { answers } = f.submit.last.input.request as Extract<SubmitApplicationInput['request'], { serviceKey: 'ltc-joint' }>;
    expect(answers.services).toEqual(['ltc-assessment', 'care-subsidy']);
    expect(answers.careHome).toBeUndefined();
    expect(answers.subsidy).toEqual({ serviceForm: 'home-care' });
  });

  it('retry resends with the same key; changed answers get a new one', async () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('near-home', 'yes');
    f.type('13912345678');
    f.send({ type: 'flow.next' }, { type: 'flow.confirm' });
    f.submit.last.reject(new CodedError('NETWORK_UNREACHABLE'));
    await settle();
    expect(f.screen()).toBe('submitFailed');
    expect(f.context().submitErrorCode).toBe('NETWORK_UNREACHABLE');
    f.send({ type: 'flow.retry' });
    f.submit.last.reject(new Error('lost'));
    await settle();
    f.send({ type: 'flow.back' }, { type: 'flow.back' }, { type: 'flow.back' });
    f.choose('no');
    f.send({ type: 'flow.next' }, { type: 'flow.confirm' });
    const [first, retry, changed] = f.submit.calls.map((c) => c.input.idempotencyKey);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('cannot be cancelled while the request is out', () => {
    const f = start('reassessment');
    f.toggle('ltc-assessment');
    f.send({ type: 'flow.next' }, { type: 'flow.next' });
    f.choose('near-home', 'yes');
    f.type('13912345678');
    f.send({ type: 'flow.next' }, { type: 'flow.confirm' }, { type: 'flow.cancel' });
    expect(f.screen()).toBe('submitting');
    expect(f.actor.getSnapshot().hasTag('inFlight')).toBe(true);
  });
});

describe('jointAnswersFor', () => {
  const joint = jointIdentityOf('hardship').joint ?? null;
  const full = { ...emptyJointDraft('resident'), mobility: 'walks', visitAt: 'registered-address', serviceForm: 'home-care' } as const;

  it('is null while a chosen service has an unanswered question, or the phone is no mobile number', () => {
    expect(jointAnswersFor(joint, ['ltc-assessment', 'care-subsidy'], { ...full, serviceForm: null }, '13912345678')).toBeNull();
    expect(jointAnswersFor(joint, ['ltc-assessment', 'care-subsidy'], full, '02161234567')).toBeNull();
    expect(jointAnswersFor(joint, [], full, '13912345678')).toBeNull();
  });

  it('is null for a service waiting for the assessment without it, or one not possible', () => {
    expect(jointAnswersFor(joint, ['care-subsidy'], full, '13912345678')).toBeNull();
    const firstTimer = jointIdentityOf('firstTimer').joint ?? null;
    expect(jointAnswersFor(firstTimer, ['ltc-assessment', 'care-subsidy'], full, '13912345678')).toBeNull();
  });

  it('has a section for each chosen service and no other', () => {
    expect(jointAnswersFor(joint, ['ltc-assessment', 'care-subsidy'], full, '13912345678')).toEqual({
      services: ['ltc-assessment', 'care-subsidy'],
      phone: '13912345678',
      assessment: { reassessment: false, insurance: 'resident', mobility: 'walks', visitAt: 'registered-address' },
      subsidy: { serviceForm: 'home-care' },
    });
  });
});
