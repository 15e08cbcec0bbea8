import { isMainlandMobileNumber, isValidBankCardNo } from '@eldercare/domain';
import type { FormFlowContext } from './form-flow-context';

/**
 * The steps a form flow is made of, as data: one decision per screen. A flow lists its steps in
 * order; the builder (form-flow.ts) turns them into states, with the moves forward and back
 * skipping the steps whose `when` does not hold for the answers so far.
 */

/** What was answered so far: a choice (string), a multi-choice (string[]) or typed digits (string). */
export type FormAnswers = Readonly<Record<string, string | readonly string[]>>;

/**
 * Why `flow.next` did not leave a step:
 * - `too-short`: fewer digits than needed (a phone has 11, a bank card 16–19);
 * - `not-a-mobile-number`: 11 digits that are no mainland mobile number;
 * - `bank-card-check`: the bank card number fails its check digit (a digit was mistyped);
 * - `empty`: a required number (号, 室) is missing or zero;
 * - `choose-one`: a multi-choice step needs at least one item.
 */
export type FieldError = 'too-short' | 'not-a-mobile-number' | 'bank-card-check' | 'empty' | 'choose-one';

/** Numbers typed on the keypad, each with its length and check. */
export type DigitRule = 'phone' | 'bank-card' | 'lane' | 'building' | 'room';

const zeroOrEmpty = (value: string) => /^0*$/.test(value);

export const DIGIT_RULES: Record<DigitRule, { max: number; check(value: string): FieldError | null }> = {
  phone: {
    max: 11,
    check: (v) => (v.length < 11 ? 'too-short' : isMainlandMobileNumber(v) ? null : 'not-a-mobile-number'),
  },
  'bank-card': {
    max: 19,
    check: (v) => (v.length < 16 ? 'too-short' : isValidBankCardNo(v) ? null : 'bank-card-check'),
  },
  // 弄 is optional: not every address has a lane (nothing or 0 means none).
  lane: { max: 4, check: () => null },
  building: { max: 4, check: (v) => (zeroOrEmpty(v) ? 'empty' : null) },
  room: { max: 5, check: (v) => (zeroOrEmpty(v) ? 'empty' : null) },
};

/** The typed lane, or undefined when none was typed (or only zeros). */
export function optionalNumber(value: string): string | undefined {
  return zeroOrEmpty(value) ? undefined : value;
}

interface StepBase {
  /** The flow state (and screen) of this step. */
  state: string;
  /** The answer it sets. */
  field: string;
  /** The step is asked only when this holds for the answers so far (default: always). */
  when?: (answers: FormAnswers) => boolean;
}

/** Tap one option (option.choose): the answer is set and the flow moves on. */
export interface ChooseStep extends StepBase {
  kind: 'choose';
  options(context: FormFlowContext): readonly string[];
  /** Options that do not go on but to a state explaining why (e.g. 都没有 → who can apply instead). */
  explain?: Readonly<Record<string, string>>;
}

/** Tap items on and off (option.toggle), then 下一步 (flow.next) with at least `min` chosen. */
export interface ToggleStep extends StepBase {
  kind: 'toggle';
  options(context: FormFlowContext): readonly string[];
  min: number;
}

/** Type digits on the keypad, then 下一步 once they pass the rule. */
export interface DigitsStep extends StepBase {
  kind: 'digits';
  rule: DigitRule;
}

export type FormStep = ChooseStep | ToggleStep | DigitsStep;

/** The phone step every flow that asks for a contact number shares. */
export const PHONE_STEP: DigitsStep = { kind: 'digits', state: 'enteringPhone', field: 'phone', rule: 'phone' };

export function applies(step: FormStep, answers: FormAnswers): boolean {
  return step.when?.(answers) ?? true;
}

/** The string answer of a field ('' when not answered). */
export function textAnswer(answers: FormAnswers, field: string): string {
  const value = answers[field];
  return typeof value === 'string' ? value : '';
}

/** The multi-choice answer of a field ([] when not answered). */
export function listAnswer(answers: FormAnswers, field: string): readonly string[] {
  const value = answers[field];
  return Array.isArray(value) ? (value as readonly string[]) : [];
}

/** Why the step's answer cannot go on yet; null when it can. */
export function stepError(step: FormStep, answers: FormAnswers): FieldError | null {
  switch (step.kind) {
    case 'digits':
      return DIGIT_RULES[step.rule].check(textAnswer(answers, step.field));
    case 'toggle':
      return listAnswer(answers, step.field).length >= step.min ? null : 'choose-one';
    case 'choose':
      return textAnswer(answers, step.field) === '' ? 'choose-one' : null;
  }
}

/** The step shown in a state, if that state is one of the steps. */
export function stepInState(steps: readonly FormStep[], state: unknown): FormStep | undefined {
  return steps.find((s) => s.state === state);
}
