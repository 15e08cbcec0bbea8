import type { AdaptationItem, HomeTenure } from '@eldercare/domain';
import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';
import { listAnswer, PHONE_STEP, textAnswer } from './flow-steps/form-step';

/**
 * 居家环境适老化改造: whose home it is (产权 / 长期使用权; 都没有 explains who may apply instead),
 * which items to adapt, a phone number, 确认. The subsidy category is worked out by the server
 * from the registry and comes back in the application's details (the receipt shows it).
 */
export const HOME_TENURE_OPTIONS = ['owner', 'long-term-use', 'none'] as const satisfies readonly (HomeTenure | 'none')[];
export const ADAPTATION_ITEMS: readonly AdaptationItem[] = [
  'grab-bars',
  'non-slip-floor',
  'shower-seat',
  'threshold-removal',
  'night-lights',
  'emergency-alarm',
];

export const homeAdaptationFlowSpec: FormFlowSpec = {
  id: 'homeAdaptationFlow',
  serviceKey: 'home-adaptation',
  steps: [
    { kind: 'choose', state: 'choosingTenure', field: 'tenure', options: () => HOME_TENURE_OPTIONS, explain: { none: 'tenureNotHeld' } },
    { kind: 'toggle', state: 'choosingItems', field: 'items', options: () => ADAPTATION_ITEMS, min: 1 },
    PHONE_STEP,
  ],
  request: ({ identity, answers }) => ({
    serviceKey: 'home-adaptation',
    identifyToken: identity.identifyToken,
    answers: {
      tenure: textAnswer(answers, 'tenure') as HomeTenure,
      items: listAnswer(answers, 'items') as AdaptationItem[],
      phone: textAnswer(answers, 'phone'),
    },
  }),
};

export const homeAdaptationFlow = formFlow(homeAdaptationFlowSpec);
