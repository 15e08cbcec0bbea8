import type { AnyMachineSnapshot } from 'xstate';
import { ANALYSIS_PHONE, nextDigit, optionEvents, type FlowTapSpec } from '../analysis/flow-tap-spec';
import type { FormFlowContext } from './form-flow-context';
import type { FormFlowSpec } from './form-flow';
import { stepInState, textAnswer } from './form-step';

/** A bank card number whose check digit is right (19 digits). */
export const ANALYSIS_BANK_CARD = '6222020200112233446';

/** What the analysis types on the keypad for each kind of number (the lane is left empty: it is optional). */
const TYPED: Record<string, string> = { phone: ANALYSIS_PHONE, 'bank-card': ANALYSIS_BANK_CARD, lane: '', building: '12', room: '301' };

/** The tap analysis of a form flow: the options of the current step, or the next digit of its number. */
export function formFlowTapSpec(spec: FormFlowSpec): FlowTapSpec {
  return {
    cases: (snapshot: AnyMachineSnapshot) => {
      const context = snapshot.context as FormFlowContext;
      const step = stepInState(spec.steps, snapshot.value);
      if (!step) return {};
      if (step.kind === 'digits') return { 'keypad.digit': nextDigit(textAnswer(context.answers, step.field), TYPED[step.rule] ?? '') };
      const options = step.options(context);
      // The first option stands for all: every option of these flows costs one tap, and offering
      // them all would walk every combination of answers (the streets times the bank card digits).
      return { [step.kind === 'choose' ? 'option.choose' : 'option.toggle']: optionEvents(step.kind === 'choose' ? 'option.choose' : 'option.toggle', options.slice(0, 1)) };
    },
    stateKey: (snapshot: AnyMachineSnapshot) => {
      const { answers, fieldError } = snapshot.context as FormFlowContext;
      return { answers, fieldError };
    },
  };
}
