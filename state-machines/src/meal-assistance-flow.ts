import type { MealMode } from '@eldercare/domain';
import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';
import { PHONE_STEP, textAnswer, type DigitsStep } from './flow-steps/form-step';

/**
 * 老年人助餐服务和优惠: 堂食 or 送餐, the settlement bank card typed on the keypad (16–19 digits,
 * checked with its check digit as it is typed), a phone number, 确认.
 */
export const MEAL_MODES: readonly MealMode[] = ['canteen', 'delivery'];

/** The bank card step, shared with the change of meal assistance. */
export function bankCardStep(field: string, when?: DigitsStep['when']): DigitsStep {
  return { kind: 'digits', state: 'enteringBankCard', field, rule: 'bank-card', ...(when ? { when } : {}) };
}

export const mealAssistanceFlowSpec: FormFlowSpec = {
  id: 'mealAssistanceFlow',
  serviceKey: 'meal-assistance',
  steps: [
    { kind: 'choose', state: 'choosingMode', field: 'mode', options: () => MEAL_MODES },
    bankCardStep('bankCardNo'),
    PHONE_STEP,
  ],
  request: ({ identity, answers }) => ({
    serviceKey: 'meal-assistance',
    identifyToken: identity.identifyToken,
    answers: {
      mode: textAnswer(answers, 'mode') as MealMode,
      bankCardNo: textAnswer(answers, 'bankCardNo'),
      phone: textAnswer(answers, 'phone'),
    },
  }),
};

export const mealAssistanceFlow = formFlow(mealAssistanceFlowSpec);
