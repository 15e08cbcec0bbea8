import { isMainlandMobileNumber, type ApplicationView, type EducationCatalogue, type IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from './senior-card-flow';
import { seniorEducationFlow } from './senior-education-flow';
import { MODEL_CATALOGUE } from './senior-education-flow-fixtures';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { countFailingPaths } from './testing/count-failing-paths';
import { applicationFor, identityOf } from './testing/fixtures';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model-based test of seniorEducationFlow, written from the spec: the courses load (or fail and
 * are retried), then enrol → school → course (a full one cannot be chosen, a school without
 * courses neither) or teach → subject, then the phone (typed whole as one model event), 确认,
 * and the server's answer. Every shortest path is replayed on a live actor.
 */


const VALID_PHONE = '13912345678';
/** A valid number and a short one (the not-a-mobile-number check is senior-card's model's). */
const PHONES = [VALID_PHONE, '1391234'] as const;
/** Refusals (a full course, a school without courses) change nothing; the behaviour tests cover them. */
const CHOICES = ['enrol', 'teacher', 'school', 'open-course', 'calligraphy'] as const;
type Person = 'eligible' | 'tooYoung';

/** 李秀英 (67) may enrol; the same card with the server saying no stands for someone under 60. */
function identityFor(person: Person): IdentifyResponse {
  const identity = identityOf('firstTimer');
  if (person === 'eligible') return identity;
  return {
    ...identity,
    eligibility: identity.eligibility.map((e) =>
      e.serviceKey === 'senior-education' ? { ...e, eligible: false, reasons: [{ code: 'too-young', text: { zh: '年满60周岁可办理', en: 'From age 60' } }] } : e,
    ),
  };
}

type ModelEvent =
  | { type: 'identity.given'; person: Person }
  | { type: 'load.resolve' }
  | { type: 'load.reject' }
  | { type: 'option.choose'; value: string }
  | { type: 'phone.enter'; phone: string }
  | { type: 'flow.next' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'submit.resolve' }
  | { type: 'submit.reject' };

interface ModelContext {
  person: Person | null;
  mode: 'enrol' | 'teacher' | null;
  courseId: string | null;
  subjectKey: string | null;
  phone: string;
  phoneError: PhoneError | null;
  /** The courses failed to load once / a submission failed once (then recovered, or not). */
  loadFailed: boolean;
  submitFailed: boolean;
}

const chose = (value: string) => ({ event }: { event: ModelEvent }) => event.type === 'option.choose' && event.value === value;

const model = setup({
  types: {} as { context: ModelContext; events: ModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person === 'eligible',
    enrol: chose('enrol'),
    teacher: chose('teacher'),
    school: chose('school'),
    openCourse: chose('open-course'),
    subject: chose('calligraphy'),
    enrolling: ({ context }) => context.mode === 'enrol',
    phoneValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    takePerson: assign(({ event }) => (event.type === 'identity.given' ? { person: event.person } : {})),
    mode: assign(({ event }) => (event.type === 'option.choose' ? { mode: event.value as 'enrol' | 'teacher' } : {})),
    course: assign(({ event }) => (event.type === 'option.choose' ? { courseId: event.value } : {})),
    subject: assign(({ event }) => (event.type === 'option.choose' ? { subjectKey: event.value } : {})),
    enterPhone: assign(({ event }) => (event.type === 'phone.enter' ? { phone: event.phone.slice(0, PHONE_DIGITS), phoneError: null } : {})),
    loadFailed: assign({ loadFailed: true }),
    submitFailed: assign({ submitFailed: true }),
    flagPhone: assign(({ context }) => ({ phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const) })),
  },
}).createMachine({
  id: 'seniorEducationModel',
  context: { person: null, mode: null, courseId: null, subjectKey: null, phone: '', phoneError: null, loadFailed: false, submitFailed: false },
  initial: 'start',
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'eligible', target: 'loading', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
      },
    },
    notEligible: { on: { 'flow.back': 'back', 'flow.cancel': 'back' } },
    loading: { on: { 'load.resolve': 'choosingMode', 'load.reject': { target: 'loadFailed', actions: 'loadFailed' }, 'flow.cancel': 'back' } },
    loadFailed: { on: { 'flow.retry': 'loading', 'flow.back': 'back', 'flow.cancel': 'back' } },
    choosingMode: {
      on: {
        'option.choose': [
          { guard: 'enrol', target: 'choosingInstitution', actions: 'mode' },
          { guard: 'teacher', target: 'choosingSubject', actions: 'mode' },
        ],
        'flow.back': 'back',
        'flow.cancel': 'back',
      },
    },
    choosingInstitution: {
      on: { 'option.choose': { guard: 'school', target: 'choosingCourse' }, 'flow.back': 'choosingMode', 'flow.cancel': 'back' },
    },
    choosingCourse: {
      on: { 'option.choose': { guard: 'openCourse', target: 'enteringPhone', actions: 'course' }, 'flow.back': 'choosingInstitution', 'flow.cancel': 'back' },
    },
    choosingSubject: {
      on: { 'option.choose': { guard: 'subject', target: 'enteringPhone', actions: 'subject' }, 'flow.back': 'choosingMode', 'flow.cancel': 'back' },
    },
    enteringPhone: {
      on: {
        'phone.enter': { actions: 'enterPhone' },
        'flow.next': [{ guard: 'phoneValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': [{ guard: 'enrolling', target: 'choosingCourse' }, { target: 'choosingSubject' }],
        'flow.cancel': 'back',
      },
    },
    confirming: { on: { 'flow.confirm': 'submitting', 'flow.back': 'enteringPhone', 'flow.cancel': 'back' } },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': { target: 'submitFailed', actions: 'submitFailed' } } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming', 'flow.cancel': 'back' } },
    submitted: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    { type: 'identity.given', person: 'eligible' },
    { type: 'identity.given', person: 'tooYoung' },
    ...CHOICES.map((value) => ({ type: 'option.choose' as const, value })),
    ...PHONES.map((phone) => ({ type: 'phone.enter' as const, phone })),
  ],
  limit: 50_000,
  filterEvents: (state, event) => {
    if (!state.can(event)) return false;
    // After a failure, only the way to a submission is walked again (going back up the screens
    // with the flag set would only repeat paths already walked without it).
    const { loadFailed, submitFailed } = state.context;
    if ((loadFailed || submitFailed) && event.type === 'flow.back' && !state.matches('submitFailed') && !state.matches('loadFailed')) return false;
    if (loadFailed && ((event.type === 'phone.enter' && event.phone !== VALID_PHONE) || event.type === 'submit.reject')) return false;
    // Going back up past the course or subject with a number typed repeats the upper screens.
    if (state.context.phone !== '' && event.type === 'flow.back' && (state.matches('choosingCourse') || state.matches('choosingSubject'))) return false;
    if (state.context.phone !== '' && event.type === 'option.choose' && (state.matches('choosingCourse') || state.matches('choosingSubject'))) return false;
    return true;
  },
});

function harness(machine: typeof seniorEducationFlow) {
  let sut: Actor<typeof seniorEducationFlow> | undefined;
  let load = controllableActor<EducationCatalogue, void>();
  let submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  let lastApplication: ApplicationView | undefined;
  let expectedSubmits = 0;
  let expectedLoads = 0;
  const live = () => {
    if (!sut) throw new Error('no live actor yet');
    return sut;
  };
  const forward = (step: { event: { type: string } }) => {
    const event = step.event as ModelEvent;
    if (event.type === 'flow.confirm' || (event.type === 'flow.retry' && live().getSnapshot().matches('submitFailed'))) expectedSubmits++;
    if (event.type === 'flow.retry' && live().getSnapshot().matches('loadFailed')) expectedLoads++;
    live().send(event as never);
  };
  return {
    reset() {
      sut?.stop();
      sut = undefined;
      load = controllableActor<EducationCatalogue, void>();
      submit = controllableActor<ApplicationView, SubmitApplicationInput>();
      lastApplication = undefined;
      expectedSubmits = 0;
      expectedLoads = 0;
    },
    params: {
      events: {
        'identity.given': (step: { event: { type: string } }) => {
          const { person } = step.event as Extract<ModelEvent, { type: 'identity.given' }>;
          if (person === 'eligible') expectedLoads++;
          sut = createActor(machine.provide({ actors: { loadCourses: load.logic, submitApplication: submit.logic } }), {
            input: { identity: identityFor(person), proxy: null, centreId: 'xuhui-tianping' },
          });
          sut.start();
        },
        'load.resolve': async () => {
          load.last.resolve(MODEL_CATALOGUE);
          await settle();
        },
        'load.reject': async () => {
          load.last.reject(new CodedError('NETWORK_UNREACHABLE'));
          await settle();
        },
        'phone.enter': (step: { event: { type: string } }) => {
          const { phone } = step.event as Extract<ModelEvent, { type: 'phone.enter' }>;
          live().send({ type: 'keypad.clear' });
          for (const digit of phone) live().send({ type: 'keypad.digit', digit: digit as KeypadDigit });
        },
        'option.choose': forward,
        'flow.next': forward,
        'flow.confirm': forward,
        'flow.retry': forward,
        'flow.back': forward,
        'flow.cancel': forward,
        'submit.resolve': async () => {
          lastApplication = applicationFor(submit.last.input.request, submit.calls.length);
          submit.last.resolve(lastApplication);
          await settle();
        },
        'submit.reject': async () => {
          submit.last.reject(new CodedError('COURSE_FULL'));
          await settle();
        },
      },
      states: {
        '*': (state: ReturnType<typeof model.transition>) => {
          if (state.matches('start')) {
            expect(sut).toBeUndefined();
            return;
          }
          const snapshot = live().getSnapshot();
          expect(submit.calls).toHaveLength(expectedSubmits);
          expect(load.calls).toHaveLength(expectedLoads);
          if (state.status === 'done') {
            expect(snapshot.status).toBe('done');
            expect(snapshot.output?.kind).toBe(state.value);
            if (snapshot.output?.kind === 'submitted') expect(snapshot.output.application).toBe(lastApplication);
            return;
          }
          expect(snapshot.value).toBe(state.value);
          const { context } = snapshot;
          expect({ mode: context.mode, phone: context.phone, phoneError: context.phoneError }).toEqual({
            mode: state.context.mode,
            phone: state.context.phone,
            phoneError: state.context.phoneError,
          });
          if (state.context.mode === 'enrol' && state.context.courseId) expect(context.courseId).toBe(state.context.courseId);
          if (state.context.mode === 'teacher' && state.context.subjectKey) expect(context.subjectKey).toBe(state.context.subjectKey);
          if (state.matches('submitting')) {
            const answers =
              state.context.mode === 'enrol'
                ? { mode: 'enrol', courseId: state.context.courseId, phone: state.context.phone }
                : { mode: 'teacher', subjectKey: state.context.subjectKey, phone: state.context.phone };
            expect(submit.last.input.request).toEqual({ serviceKey: 'senior-education', identifyToken: context.identity.identifyToken, answers });
          }
          if (state.matches('loadFailed')) expect(context.loadErrorCode).toBe('NETWORK_UNREACHABLE');
          if (state.matches('submitFailed')) expect(context.submitErrorCode).toBe('COURSE_FULL');
        },
      },
    },
  };
}

const paths = testModel.getShortestPaths();

describe('seniorEducationFlow against its model', () => {
  it('the model and the machine have the same screens', () => {
    const names = (machine: AnyStateMachine) => getStateNodes(machine.root).map((node) => node.key).sort();
    expect(names(seniorEducationFlow)).toEqual([...names(model).filter((k) => k !== 'start'), 'checkingEligibility'].sort());
  });

  it('reaches every final state: submitted by enrolling and by teaching, back from every screen, and after a failed load and a failed submission', () => {
    const finals = paths.filter((p) => p.state.status === 'done');
    for (const mode of ['enrol', 'teacher'] as const) {
      expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.mode === mode)).toBe(true);
    }
    expect(finals.some((p) => p.state.value === 'back' && p.state.context.person === 'tooYoung')).toBe(true);
    // Failures are remembered by the model, so recovering from each is a state of its own.
    expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.loadFailed)).toBe(true);
    expect(finals.some((p) => p.state.value === 'submitted' && p.state.context.submitFailed)).toBe(true);
    expect(new Set(paths.map((p) => p.state.context.phoneError))).toEqual(new Set([null, 'too-short']));
  });

  const h = harness(seniorEducationFlow);
  for (const path of paths) {
    it(path.description, async () => {
      h.reset();
      await path.test(h.params);
    });
  }
});

describe('the model-based test catches a broken transition', () => {
  const failures = (machine: typeof seniorEducationFlow) => countFailingPaths(paths, harness(machine), { stopAtFirst: true });

  // The real machine passing every path is the per-path tests above.
  it.each([
    ['back from the phone always goes to the subjects', ['enteringPhone'], 'flow.back', 'choosingSubject'],
    ['a failed load cannot be retried', ['loadFailed'], 'flow.retry', undefined],
    ['retrying a failed submission does nothing', ['submitFailed'], 'flow.retry', undefined],
    ['an invalid phone moves on', ['enteringPhone'], 'flow.next', 'confirming'],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    expect(await failures(mutantMachine(seniorEducationFlow, path, eventType, transition))).toBeGreaterThan(0);
  });
});
