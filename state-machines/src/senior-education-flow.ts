import {
  isMainlandMobileNumber,
  type ApplicationRequest,
  type ApplicationView,
  type EducationCatalogue,
  type EducationCourse,
  type EligibilityView,
  type IdentifyResponse,
  type ProxyRequest,
} from '@eldercare/domain';
import { assign, not, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from './senior-card-flow';
import {
  eligibilityFor,
  withProxy,
  type OptionFlowEvent,
  type ServiceFlowInput,
  type ServiceFlowOutput,
  type SubmitApplicationInput,
} from './service-flow-types';
import { submissionStates } from './submission-states';

/**
 * 老年教育报名: enrol in a course or register as a part-time teacher. The courses are loaded
 * (with seats left) when the flow starts; then one decision per screen: enrol or teach →
 * school → course (a full course cannot be chosen) or subject → mobile number → 确认.
 */

export type EducationMode = 'enrol' | 'teacher';

export interface SeniorEducationFlowContext {
  identity: IdentifyResponse;
  proxy: ProxyRequest | null;
  eligibility: EligibilityView;
  catalogue: EducationCatalogue | null;
  loadErrorCode: string | null;
  mode: EducationMode | null;
  institutionId: string | null;
  courseId: string | null;
  subjectKey: string | null;
  phone: string;
  phoneError: PhoneError | null;
  idempotencyKeys: IdempotencyKeys;
  submission: SubmitApplicationInput | null;
  application: ApplicationView | null;
  submitErrorCode: string | null;
}

export type SeniorEducationFlowEvent =
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'keypad.digit'; digit: KeypadDigit }
  | { type: 'keypad.delete' }
  | { type: 'keypad.clear' }
  | OptionFlowEvent;

type SeniorEducationRequest = Extract<ApplicationRequest, { serviceKey: 'senior-education' }>;

/** The open courses of a school, in the catalogue's order (weekday, then time). */
export function coursesOf(catalogue: EducationCatalogue | null, institutionId: string | null): EducationCourse[] {
  return catalogue?.courses.filter((c) => c.institutionId === institutionId) ?? [];
}

/** The schools that have courses to show. */
export function institutionsWithCourses(catalogue: EducationCatalogue | null) {
  return catalogue?.institutions.filter((i) => coursesOf(catalogue, i.id).length > 0) ?? [];
}

/** The chosen course, when the flow is enrolling. */
export function chosenCourse(context: Pick<SeniorEducationFlowContext, 'catalogue' | 'courseId'>): EducationCourse | undefined {
  return context.catalogue?.courses.find((c) => c.id === context.courseId);
}

function requestFor(context: SeniorEducationFlowContext): SeniorEducationRequest {
  const { identifyToken } = context.identity;
  if (context.mode === 'enrol' && context.courseId !== null) {
    return { serviceKey: 'senior-education', identifyToken, answers: { mode: 'enrol', courseId: context.courseId, phone: context.phone } };
  }
  if (context.mode === 'teacher' && context.subjectKey !== null) {
    return { serviceKey: 'senior-education', identifyToken, answers: { mode: 'teacher', subjectKey: context.subjectKey, phone: context.phone } };
  }
  throw new Error('seniorEducationFlow: confirmed without a course or a subject');
}

function pendingSubmission(context: SeniorEducationFlowContext): SubmitApplicationInput {
  if (context.submission === null) throw new Error('seniorEducationFlow: submitting without a submission');
  return context.submission;
}

function submittedApplication(context: SeniorEducationFlowContext): ApplicationView {
  if (context.application === null) throw new Error('seniorEducationFlow: submitted without an application');
  return context.application;
}

const chosen = ({ event }: { event: SeniorEducationFlowEvent }) => ({ value: event.type === 'option.choose' ? event.value : '' });

export const seniorEducationFlow = setup({
  types: {} as {
    context: SeniorEducationFlowContext;
    events: SeniorEducationFlowEvent;
    input: ServiceFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: GET /api/v1/education/courses. */
    loadCourses: hostActorMissing<EducationCatalogue, void>('loadCourses'),
    /** Host: POST /api/v1/applications with the Idempotency-Key header; resolves the 201 body. */
    submitApplication: hostActorMissing<ApplicationView, SubmitApplicationInput>('submitApplication'),
  },
  guards: {
    isEligible: ({ context }) => context.eligibility.eligible,
    choosesMode: (_, params: { value: string; mode: EducationMode }) => params.value === params.mode,
    isEnrolling: ({ context }) => context.mode === 'enrol',
    isInstitution: ({ context }, params: { value: string }) => institutionsWithCourses(context.catalogue).some((i) => i.id === params.value),
    /** A course of the chosen school with a seat left. */
    isOpenCourse: ({ context }, params: { value: string }) =>
      coursesOf(context.catalogue, context.institutionId).some((c) => c.id === params.value && c.seatsLeft > 0),
    isSubject: ({ context }, params: { value: string }) => context.catalogue?.subjects.some((s) => s.key === params.value) ?? false,
    canTypeDigit: ({ context }, params: { digit: string }) => context.phone.length < PHONE_DIGITS && /^[0-9]$/.test(params.digit),
    phoneIsValid: ({ context }) => isMainlandMobileNumber(context.phone),
  },
  actions: {
    storeCatalogue: assign((_, params: { catalogue: EducationCatalogue }) => ({ catalogue: params.catalogue, loadErrorCode: null })),
    storeLoadError: assign((_, params: { error: unknown }) => ({ loadErrorCode: errorCode(params.error) })),
    chooseMode: assign((_, params: { value: string }) => ({ mode: params.value as EducationMode })),
    chooseInstitution: assign((_, params: { value: string }) => ({ institutionId: params.value })),
    chooseCourse: assign((_, params: { value: string }) => ({ courseId: params.value })),
    chooseSubject: assign((_, params: { value: string }) => ({ subjectKey: params.value })),
    typeDigit: assign(({ context }, params: { digit: string }) => ({ phone: context.phone + params.digit, phoneError: null })),
    deleteDigit: assign(({ context }) => ({ phone: context.phone.slice(0, -1), phoneError: null })),
    clearPhone: assign({ phone: '', phoneError: null }),
    flagPhone: assign(({ context }) => ({
      phoneError: context.phone.length < PHONE_DIGITS ? ('too-short' as const) : ('not-a-mobile-number' as const),
    })),
    prepareSubmission: assign(({ context }) => {
      const request = withProxy(requestFor(context), context);
      const { key, keys } = idempotencyKeyFor(context.idempotencyKeys, request.answers);
      return { idempotencyKeys: keys, submission: { request, idempotencyKey: key } };
    }),
    clearSubmitError: assign({ submitErrorCode: null }),
    storeApplication: assign((_, params: { application: ApplicationView }) => ({ application: params.application })),
    storeSubmitError: assign((_, params: { error: unknown }) => ({ submitErrorCode: errorCode(params.error) })),
  },
}).createMachine({
  id: 'seniorEducationFlow',
  context: ({ input }) => ({
    identity: input.identity,
    proxy: input.proxy ?? null,
    eligibility: eligibilityFor(input.identity, 'senior-education'),
    catalogue: null,
    loadErrorCode: null,
    mode: null,
    institutionId: null,
    courseId: null,
    subjectKey: null,
    phone: '',
    phoneError: null,
    idempotencyKeys: {},
    submission: null,
    application: null,
    submitErrorCode: null,
  }),
  initial: 'checkingEligibility',
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as ServiceFlowOutput,
  states: {
    checkingEligibility: {
      always: [{ guard: not('isEligible'), target: 'notEligible' }, { target: 'loading' }],
    },
    notEligible: { on: { 'flow.back': 'back' } },
    loading: {
      invoke: {
        id: 'loadCourses',
        src: 'loadCourses',
        onDone: { target: 'choosingMode', actions: { type: 'storeCatalogue', params: ({ event }) => ({ catalogue: event.output }) } },
        onError: { target: 'loadFailed', actions: { type: 'storeLoadError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    loadFailed: { on: { 'flow.retry': 'loading', 'flow.back': 'back' } },
    choosingMode: {
      on: {
        'option.choose': [
          {
            guard: { type: 'choosesMode', params: ({ event }) => ({ value: event.value, mode: 'enrol' as const }) },
            actions: { type: 'chooseMode', params: chosen },
            target: 'choosingInstitution',
          },
          {
            guard: { type: 'choosesMode', params: ({ event }) => ({ value: event.value, mode: 'teacher' as const }) },
            actions: { type: 'chooseMode', params: chosen },
            target: 'choosingSubject',
          },
        ],
        'flow.back': 'back',
      },
    },
    choosingInstitution: {
      on: {
        'option.choose': {
          guard: { type: 'isInstitution', params: chosen },
          actions: { type: 'chooseInstitution', params: chosen },
          target: 'choosingCourse',
        },
        'flow.back': 'choosingMode',
      },
    },
    choosingCourse: {
      on: {
        'option.choose': {
          guard: { type: 'isOpenCourse', params: chosen },
          actions: { type: 'chooseCourse', params: chosen },
          target: 'enteringPhone',
        },
        'flow.back': 'choosingInstitution',
      },
    },
    choosingSubject: {
      on: {
        'option.choose': {
          guard: { type: 'isSubject', params: chosen },
          actions: { type: 'chooseSubject', params: chosen },
          target: 'enteringPhone',
        },
        'flow.back': 'choosingMode',
      },
    },
    enteringPhone: {
      on: {
        'keypad.digit': {
          guard: { type: 'canTypeDigit', params: ({ event }) => ({ digit: event.digit }) },
          actions: { type: 'typeDigit', params: ({ event }) => ({ digit: event.digit }) },
        },
        'keypad.delete': { actions: 'deleteDigit' },
        'keypad.clear': { actions: 'clearPhone' },
        'flow.next': [{ guard: 'phoneIsValid', target: 'confirming' }, { actions: 'flagPhone' }],
        'flow.back': [{ guard: 'isEnrolling', target: 'choosingCourse' }, { target: 'choosingSubject' }],
      },
    },
    confirming: {
      on: {
        'flow.confirm': { target: 'submitting', actions: 'prepareSubmission' },
        'flow.back': 'enteringPhone',
      },
    },
    ...submissionStates(pendingSubmission, submittedApplication),
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
