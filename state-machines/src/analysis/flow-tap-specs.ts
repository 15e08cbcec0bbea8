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
  'home-adaptation': formFlowTapSpec(homeAdaptationFlowSpec),
  'meal-assistance': formFlowTapSpec(mealAssistanceFlowSpec),
  'meal-assistance-change': formFlowTapSpec(mealAssistanceChangeFlowSpec),
  'assistive-device-rental': formFlowTapSpec(assistiveDeviceRentalFlowSpec),
  'sports-voucher': formFlowTapSpec(sportsVoucherFlowSpec),
  'home-visit': formFlowTapSpec(homeVisitFlowSpec),
};
  // 进度查询 submits nothing: it shows and prints progress, so there is no path to count.
  progress: { cases: () => ({}), stateKey: (snapshot) => contextOf(snapshot)['index'], submits: false },
