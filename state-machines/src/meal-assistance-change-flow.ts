import { DISTRICT_STREETS } from '@eldercare/domain';
import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';
import { optionalNumber, textAnswer, type FormAnswers } from './flow-steps/form-step';
import { bankCardStep } from './meal-assistance-flow';

/**
 * 助餐信息变更: what changes (the address where the senior lives now, the settlement bank card,
 * or both), then the street from the district's list, 弄 (optional), 号 and 室 on the keypad,
 * and/or the new bank card, 确认.
 */
export const MEAL_CHANGES = ['address', 'bank-card', 'both'] as const;
export type MealChange = (typeof MEAL_CHANGES)[number];

const changesAddress = (answers: FormAnswers) => answers['change'] !== 'bank-card';
const changesBankCard = (answers: FormAnswers) => answers['change'] !== 'address';

export const mealAssistanceChangeFlowSpec: FormFlowSpec = {
  id: 'mealAssistanceChangeFlow',
  serviceKey: 'meal-assistance-change',
  steps: [
    { kind: 'choose', state: 'choosingChange', field: 'change', options: () => MEAL_CHANGES },
    {
      kind: 'choose',
      state: 'choosingStreet',
      field: 'street',
      options: () => DISTRICT_STREETS.map((s) => s.key),
      when: changesAddress,
    },
    { kind: 'digits', state: 'enteringLane', field: 'lane', rule: 'lane', when: changesAddress },
    { kind: 'digits', state: 'enteringBuilding', field: 'building', rule: 'building', when: changesAddress },
    { kind: 'digits', state: 'enteringRoom', field: 'room', rule: 'room', when: changesAddress },
    bankCardStep('newBankCardNo', changesBankCard),
  ],
  request: ({ identity, answers }) => {
    const lane = optionalNumber(textAnswer(answers, 'lane'));
    return {
      serviceKey: 'meal-assistance-change',
      identifyToken: identity.identifyToken,
      answers: {
        ...(changesAddress(answers)
          ? {
              newAddress: {
                streetKey: textAnswer(answers, 'street'),
                ...(lane === undefined ? {} : { lane }),
                building: textAnswer(answers, 'building'),
                room: textAnswer(answers, 'room'),
              },
            }
          : {}),
        ...(changesBankCard(answers) ? { newBankCardNo: textAnswer(answers, 'newBankCardNo') } : {}),
      },
    };
  },
};

export const mealAssistanceChangeFlow = formFlow(mealAssistanceChangeFlowSpec);
