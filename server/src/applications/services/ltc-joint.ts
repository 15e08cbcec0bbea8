import {
  findService,
  isReassessmentDue,
  JOINT_SERVICE_KEYS,
  jointOptions,
  type DepartmentKey,
  type JointAnswers,
  type JointServiceKey,
  type MessageKey,
  type PartKind,
} from '@eldercare/domain';
import type { ErrorDetail } from '../../errors/api-error';
import { NotEligibleError } from '../../errors/api-errors';
import { toEligibilityView } from '../../identify/eligibility-views';
import { JointFormMismatchError, JointNeedsAssessmentError } from '../application-errors';
import { joinLocalized, line, words, yesNo, type DetailLine } from '../details';
import type { ApplierFor, PartPlan } from '../service-applier';

/** 一表申请: the form section each service needs, and the department and kind of its part (分别办理). */
const JOINT_PARTS: Record<JointServiceKey, { section: 'assessment' | 'subsidy' | 'careHome'; department: DepartmentKey; kind: PartKind }> = {
  'ltc-assessment': { section: 'assessment', department: 'medical-insurance', kind: 'assessment' },
  'care-subsidy': { section: 'subsidy', department: 'street-office', kind: 'review' },
  'care-home-admission': { section: 'careHome', department: 'civil-affairs', kind: 'review' },
};

/** The sections present must be exactly those of the chosen services. */
function formMismatches(answers: JointAnswers, reassessmentDue: boolean): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const key of JOINT_SERVICE_KEYS) {
    const { section } = JOINT_PARTS[key];
    const chosen = answers.services.includes(key);
    const present = answers[section] !== undefined;
    if (chosen && !present) details.push({ path: `/answers/${section}`, message: `required when ${key} is chosen` });
    if (!chosen && present) details.push({ path: `/answers/${section}`, message: `only when ${key} is chosen` });
  }
  // 期末评估 only when the current conclusion ends within the window; then it is one.
  if (answers.assessment && answers.assessment.reassessment !== reassessmentDue) {
    details.push({ path: '/answers/assessment/reassessment', message: reassessmentDue ? 'must be true: a re-assessment is due' : 'no re-assessment is due' });
  }
  return details;
}

/**
 * 一件事一次办: the LTC needs assessment, the care subsidy and a care-home place in one
 * application, one part per chosen service. A part whose care level is still to be assessed
 * waits for the assessment in the same application.
 */
export const ltcJointApplier: ApplierFor<'ltc-joint'> = {
  async apply(request, { facts, today }) {
    const { answers } = request;
    const reassessmentDue = isReassessmentDue(facts, today);
    const mismatches = formMismatches(answers, reassessmentDue);
    if (mismatches.length > 0) throw new JointFormMismatchError(mismatches);

    const options = jointOptions(facts, today);
    const chosen = JOINT_SERVICE_KEYS.filter((key) => answers.services.includes(key));
    const parts: PartPlan[] = [];
    const needAssessment: string[] = [];
    for (const key of chosen) {
      const option = options.find((o) => o.serviceKey === key)!;
      if (option.availability === 'no') {
        throw new NotEligibleError(key, toEligibilityView({ serviceKey: key, eligible: false, reasons: option.reasons }).reasons);
      }
      const waits = option.availability === 'with-assessment';
      if (waits && !chosen.includes('ltc-assessment')) needAssessment.push(key);
      const { department, kind } = JOINT_PARTS[key];
      parts.push({ serviceKey: key, department, kind, status: waits ? 'waiting-for-assessment' : 'submitted' });
    }
    if (needAssessment.length > 0) throw new JointNeedsAssessmentError(needAssessment);

    const { phone, services: _services, ...sections } = answers;
    return { status: 'submitted', answers: { services: chosen, ...sections }, phone, mailingAddress: null, parts };
  },

  describe({ answers }) {
    const a = answers as Omit<JointAnswers, 'phone'>;
    const lines: DetailLine[] = [line('applications.details.services', joinLocalized(a.services.map((key) => findService(key).shortName)))];
    const value = (prefix: string, v: string) => words(`${prefix}.${v}` as MessageKey);
    if (a.assessment) {
      lines.push(
        line('applications.details.reassessment', words(a.assessment.reassessment ? 'applications.details.reassessment.yes' : 'applications.details.reassessment.no')),
        line('applications.details.insurance', value('applications.details.insurance', a.assessment.insurance)),
        line('applications.details.mobility', value('applications.details.mobility', a.assessment.mobility)),
        line('applications.details.visitAt', value('applications.details.visitAt', a.assessment.visitAt)),
      );
    }
    if (a.subsidy) lines.push(line('applications.details.serviceForm', value('applications.details.serviceForm', a.subsidy.serviceForm)));
    if (a.careHome) {
      lines.push(
        line('applications.details.careHomePreference', value('applications.details.careHomePreference', a.careHome.preference)),
        line('applications.details.acceptWaitingList', yesNo(a.careHome.acceptWaitingList)),
      );
    }
    return lines;
  },
};
