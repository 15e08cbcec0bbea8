import {
  isMainlandMobileNumber,
  JOINT_SERVICE_KEYS,
  type JointAnswers,
  type JointOptionsView,
  type JointServiceKey,
  type MedicalInsurance,
  type Mobility,
} from '@eldercare/domain';

/**
 * 一表申请 of the joint application (一件事一次办): which questions the chosen services ask, the
 * choices of each, the rules of choosing services, and the answers sent. Pure functions: the
 * machine (joint-application-flow.ts) and its screens use them, the tests check them.
 */

/** One question per screen, in this order; each belongs to one of the three services. */
export const JOINT_QUESTIONS = ['mobility', 'visitAt', 'insurance', 'serviceForm', 'carePreference', 'waitingList'] as const;
export type JointQuestion = (typeof JOINT_QUESTIONS)[number];

/** The service whose form section a question fills. */
export const JOINT_QUESTION_SERVICE: Record<JointQuestion, JointServiceKey> = {
  mobility: 'ltc-assessment',
  visitAt: 'ltc-assessment',
  insurance: 'ltc-assessment',
  serviceForm: 'care-subsidy',
  carePreference: 'care-home-admission',
  waitingList: 'care-home-admission',
};

/** What a person may tap on each question's screen (the request's values; waitingList is yes/no). */
export const JOINT_QUESTION_CHOICES = {
  mobility: ['walks', 'needs-help', 'bedridden'],
  visitAt: ['registered-address', 'agree-by-phone'],
  insurance: ['employee', 'resident'],
  serviceForm: ['home-care', 'day-care'],
  carePreference: ['near-home', 'anywhere-in-district'],
  waitingList: ['yes', 'no'],
} as const satisfies Record<JointQuestion, readonly string[]>;

export type JointChoice<Q extends JointQuestion> = (typeof JOINT_QUESTION_CHOICES)[Q][number];

/** The answers given so far (kept when a service is deselected, sent only for chosen ones). */
export type JointDraft = { [Q in JointQuestion]: JointChoice<Q> | null };

export function isJointChoice(question: JointQuestion, value: string): boolean {
  return (JOINT_QUESTION_CHOICES[question] as readonly string[]).includes(value);
}

/** The registry's medical insurance pre-fills the form; the question is asked only when it is unknown. */
export function emptyJointDraft(insurance: MedicalInsurance | null): JointDraft {
  return { mobility: null, visitAt: null, insurance, serviceForm: null, carePreference: null, waitingList: null };
}

export function asksJointQuestion(question: JointQuestion, selected: readonly JointServiceKey[], joint: JointOptionsView | null): boolean {
  if (!selected.includes(JOINT_QUESTION_SERVICE[question])) return false;
  return question !== 'insurance' || joint?.insurance == null;
}

/** The questions the chosen services ask, in order. */
export function jointQuestionsFor(selected: readonly JointServiceKey[], joint: JointOptionsView | null): JointQuestion[] {
  return JOINT_QUESTIONS.filter((q) => asksJointQuestion(q, selected, joint));
}

export function availabilityOf(joint: JointOptionsView | null, key: string) {
  return joint?.options.find((o) => o.serviceKey === key)?.availability ?? 'no';
}

/** Every service that may be applied for (now or together with the assessment) is pre-selected. */
export function preselectedServices(joint: JointOptionsView | null): JointServiceKey[] {
  return JOINT_SERVICE_KEYS.filter((key) => availabilityOf(joint, key) !== 'no');
}

export function canToggleService(joint: JointOptionsView | null, value: string): boolean {
  return (JOINT_SERVICE_KEYS as readonly string[]).includes(value) && availabilityOf(joint, value) !== 'no';
}

/**
 * Tapping a service on the choice screen. A service that waits for the assessment result cannot
 * go without the assessment: choosing it chooses the assessment too, and dropping the
 * assessment drops it (the server refuses the pair otherwise, JOINT_NEEDS_ASSESSMENT).
 */
export function toggleService(joint: JointOptionsView | null, selected: readonly JointServiceKey[], key: JointServiceKey): JointServiceKey[] {
  const waitsForAssessment = (k: JointServiceKey) => availabilityOf(joint, k) === 'with-assessment';
  let next = new Set(selected);
  if (next.has(key)) {
    next.delete(key);
    if (key === 'ltc-assessment') next = new Set([...next].filter((k) => !waitsForAssessment(k)));
  } else {
    next.add(key);
    if (waitsForAssessment(key)) next.add('ltc-assessment');
  }
  return JOINT_SERVICE_KEYS.filter((k) => next.has(k));
}

/**
 * The 一表申请 answers of exactly the chosen services, or null when the form is not complete: a
 * chosen service's question unanswered, no valid phone, nothing chosen, or a service waiting for
 * the assessment without it. Checked before submitting, so the request meets the domain's rules
 * (JointAnswersSchema, sections exactly those of the chosen services).
 */
export function jointAnswersFor(
  joint: JointOptionsView | null,
  selected: readonly JointServiceKey[],
  draft: JointDraft,
  phone: string,
): JointAnswers | null {
  const services = JOINT_SERVICE_KEYS.filter((k) => selected.includes(k) && availabilityOf(joint, k) !== 'no');
  if (joint === null || services.length === 0 || services.length !== selected.length || !isMainlandMobileNumber(phone)) return null;
  if (!services.includes('ltc-assessment') && services.some((k) => availabilityOf(joint, k) === 'with-assessment')) return null;
  const answers: JointAnswers = { services, phone };
  if (services.includes('ltc-assessment')) {
    const { insurance, mobility, visitAt } = draft;
    if (insurance === null || mobility === null || visitAt === null) return null;
    answers.assessment = { reassessment: joint.reassessmentDue, insurance, mobility: mobility satisfies Mobility, visitAt };
  }
  if (services.includes('care-subsidy')) {
    if (draft.serviceForm === null) return null;
    answers.subsidy = { serviceForm: draft.serviceForm };
  }
  if (services.includes('care-home-admission')) {
    if (draft.carePreference === null || draft.waitingList === null) return null;
    answers.careHome = { preference: draft.carePreference, acceptWaitingList: draft.waitingList === 'yes' };
  }
  return answers;
}
