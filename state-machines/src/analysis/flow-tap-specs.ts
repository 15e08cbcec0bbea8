import type { EducationCatalogue } from '@eldercare/domain';
import type { AnyMachineSnapshot } from 'xstate';
import type { RegisteredServiceKey } from '../service-flows';
import { formFlowTapSpec } from '../flow-steps/form-flow-tap-spec';
import { assistiveDeviceRentalFlowSpec } from '../assistive-device-rental-flow';
import { homeAdaptationFlowSpec } from '../home-adaptation-flow';
import { homeVisitFlowSpec } from '../home-visit-flow';
import { mealAssistanceChangeFlowSpec } from '../meal-assistance-change-flow';
import { mealAssistanceFlowSpec } from '../meal-assistance-flow';
import { sportsVoucherFlowSpec } from '../sports-voucher-flow';
import { ANALYSIS_PHONE, nextDigit, optionEvents, type FlowTapSpec } from './flow-tap-spec';
import { JOINT_QUESTION_CHOICES } from '../joint-application-flow-form';

function contextOf(snapshot: AnyMachineSnapshot): Record<string, unknown> {
  return snapshot.context as Record<string, unknown>;
}

/** What GET /education/courses answers for the analysis: one school, one course with seats. */
const ANALYSIS_COURSES: EducationCatalogue = {
  institutions: [{ id: 'analysis-school', kind: 'community-school', name: { zh: '社区学校', en: 'Community school' }, address: { zh: '', en: '' } }],
  courses: [
    {
      id: 'analysis-course',
      institutionId: 'analysis-school',
      title: { zh: '书法', en: 'Calligraphy' },
      weekday: 1,
      startsAt: '09:00',
      endsAt: '11:00',
      term: { zh: '春季', en: 'Spring' },
      capacity: 20,
      seatsLeft: 20,
    },
  ],
  subjects: [{ key: 'calligraphy', name: { zh: '书法', en: 'Calligraphy' } }],
};

/** One spec per registered flow (see FlowTapSpec). Add one entry per flow. */
export const FLOW_TAP_SPECS: Record<RegisteredServiceKey, FlowTapSpec> = {
  'allowance-channel': {
    cases: () => ({
      'channel.choose': [
        { type: 'channel.choose', channel: 'senior-card' },
        { type: 'channel.choose', channel: 'social-security-card' },
      ],
    }),
    stateKey: (snapshot) => contextOf(snapshot)['channel'],
  },
  'senior-card': {
    cases: (snapshot) => ({
      'keypad.digit': nextDigit(contextOf(snapshot)['phone'] as string, ANALYSIS_PHONE),
      'delivery.choose': [
        { type: 'delivery.choose', delivery: 'collect' },
        { type: 'delivery.choose', delivery: 'mail' },
      ],
    }),
    stateKey: (snapshot) => {
      const { phone, phoneError, delivery } = contextOf(snapshot);
      return { phone, phoneError, delivery };
    },
  },
  // All three services stay chosen (no option.toggle): the longest form, every question asked.
  // Any answer costs one tap, so the first choice of each question stands for all.
  'ltc-joint': {
    cases: (snapshot) => {
      const question = snapshot.value as string;
      const choices = (JOINT_QUESTION_CHOICES as Record<string, readonly string[]>)[question] ?? [];
      return {
        'option.toggle': [],
        'option.choose': optionEvents('option.choose', choices.slice(0, 1)),
        'keypad.digit': nextDigit(contextOf(snapshot)['phone'] as string, ANALYSIS_PHONE),
      };
    },
    stateKey: (snapshot) => {
      const { selected, draft, phone, phoneError, choiceError } = contextOf(snapshot);
      return { selected, draft, phone, phoneError, choiceError };
    },
  },
  // Enrolling in a course (teaching registration is one tap shorter, but seniors come to learn).
  'senior-education': {
    cases: (snapshot) => ({
      'xstate.done.actor.loadCourses': [{ type: 'xstate.done.actor.loadCourses', output: ANALYSIS_COURSES }],
      'option.choose': optionEvents('option.choose', snapshot.matches('choosingMode') ? ['enrol'] : ['analysis-school', 'analysis-course']),
      'keypad.digit': nextDigit(contextOf(snapshot)['phone'] as string, ANALYSIS_PHONE),
    }),
    stateKey: (snapshot) => {
      const { catalogue, mode, institutionId, courseId, subjectKey, phone, phoneError } = contextOf(snapshot);
      return { loaded: catalogue !== null, mode, institutionId, courseId, subjectKey, phone, phoneError };
    },
  },
  'taxi-hailing': {
    cases: (snapshot) => ({
      'option.choose': optionEvents('option.choose', ['home', 'tell-driver']),
      'keypad.digit': nextDigit(contextOf(snapshot)['phone'] as string, ANALYSIS_PHONE),
    }),
    stateKey: (snapshot) => {
      const { destination, phone, phoneError } = contextOf(snapshot);
      return { destination, phone, phoneError };
    },
  },
  'home-adaptation': formFlowTapSpec(homeAdaptationFlowSpec),
  'meal-assistance': formFlowTapSpec(mealAssistanceFlowSpec),
  'meal-assistance-change': formFlowTapSpec(mealAssistanceChangeFlowSpec),
  'assistive-device-rental': formFlowTapSpec(assistiveDeviceRentalFlowSpec),
  'sports-voucher': formFlowTapSpec(sportsVoucherFlowSpec),
  'home-visit': formFlowTapSpec(homeVisitFlowSpec),
  // 进度查询 submits nothing: it shows and prints progress, so there is no path to count.
  progress: { cases: () => ({}), stateKey: (snapshot) => contextOf(snapshot)['index'], submits: false },
};
