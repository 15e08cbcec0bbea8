import type { HomeVisitReason, ServiceKey } from '@eldercare/domain';
import type { FormFlowContext } from './flow-steps/form-flow-context';
import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';
import { listAnswer, PHONE_STEP, textAnswer } from './flow-steps/form-step';

/**
 * 上门办: staff come to the home of someone who cannot come to the centre (80 or older,
 * bedridden, disabled). Why, what to handle there, morning or afternoon, a phone number, 确认.
 * Usually asked for by a family member (代办); the age is checked against the ID number, so
 * 80岁以上 is offered only to those who are.
 */
export const HOME_VISIT_MIN_AGE = 80;
export const HOME_VISIT_PERIODS = ['morning', 'afternoon'] as const;

/** The services staff can handle at home: the applications, not the on-the-spot ones (taxi, voucher, courses). */
export const HOME_VISIT_SERVICES: readonly ServiceKey[] = [
  'ltc-assessment',
  'care-subsidy',
  'care-home-admission',
  'home-adaptation',
  'meal-assistance',
  'meal-assistance-change',
  'assistive-device-rental',
  'allowance-channel',
  'senior-card',
];

export function homeVisitReasons(context: Pick<FormFlowContext, 'identity'>): readonly HomeVisitReason[] {
  return context.identity.person.age >= HOME_VISIT_MIN_AGE ? ['age-80-plus', 'bedridden', 'disabled'] : ['bedridden', 'disabled'];
}

/** The services this senior may use, or all of them when the registry knows of none (staff check at home). */
export function homeVisitServices(context: Pick<FormFlowContext, 'identity'>): readonly ServiceKey[] {
  const eligible = new Set(context.identity.eligibility.filter((e) => e.eligible).map((e) => e.serviceKey));
  const offered = HOME_VISIT_SERVICES.filter((key) => eligible.has(key));
  return offered.length > 0 ? offered : HOME_VISIT_SERVICES;
}

export const homeVisitFlowSpec: FormFlowSpec = {
  id: 'homeVisitFlow',
  serviceKey: 'home-visit',
  // Not a catalogue service: anyone may ask; the reason step offers only what applies.
  eligibility: () => ({ serviceKey: 'home-visit', eligible: true, reasons: [] }),
  steps: [
    { kind: 'choose', state: 'choosingReason', field: 'reason', options: homeVisitReasons },
    { kind: 'toggle', state: 'choosingServices', field: 'services', options: homeVisitServices, min: 1 },
    { kind: 'choose', state: 'choosingPeriod', field: 'period', options: () => HOME_VISIT_PERIODS },
    PHONE_STEP,
  ],
  request: ({ identity, answers }) => ({
    serviceKey: 'home-visit',
    identifyToken: identity.identifyToken,
    answers: {
      reason: textAnswer(answers, 'reason') as HomeVisitReason,
      services: [...listAnswer(answers, 'services')],
      period: textAnswer(answers, 'period') as (typeof HOME_VISIT_PERIODS)[number],
      phone: textAnswer(answers, 'phone'),
    },
  }),
};

export const homeVisitFlow = formFlow(homeVisitFlowSpec);
