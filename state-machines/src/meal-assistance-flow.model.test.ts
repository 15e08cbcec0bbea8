import { isMainlandMobileNumber, isValidBankCardNo, type IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { FieldError } from './flow-steps/form-step';
import { mealAssistanceFlow } from './meal-assistance-flow';
import { countFailingPaths } from './testing/count-failing-paths';
import { identityOf, type FixturePerson } from './testing/fixtures';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, withVerdict, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 老年人助餐服务和优惠, from the spec: 堂食 or 送餐, the settlement bank card (16–19 digits
 * whose check digit is right), an 11-digit mobile number, 确认, submit (retry on failure).
 * `tooYoung` stands for a person the server says no to (e.g. already approved).
 */
const CARDS = ['622202020011223', '6222020200112233445', '6222020200112233446'] as const; // too short, mistyped, right
const PHONES = ['13912345678', '02161234567'] as const;

const identity = (person: FixturePerson): IdentifyResponse =>
  withVerdict(identityOf(person), 'meal-assistance', person !== 'tooYoung');

const text = (context: FormModelContext, field: string) => (context.answers[field] ?? '') as string;
const cardError = (card: string): FieldError => (card.length < 16 ? 'too-short' : 'bank-card-check');
const phoneError = (phone: string): FieldError => (phone.length < 11 ? 'too-short' : 'not-a-mobile-number');

const model = setup({
  types: {} as { context: FormModelContext; events: FormModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person !== 'tooYoung',
    cardValid: ({ context }) => text(context, 'bankCardNo').length >= 16 && isValidBankCardNo(text(context, 'bankCardNo')),
    phoneValid: ({ context }) => isMainlandMobileNumber(text(context, 'phone')),
  },
  actions: formModelActions,
}).createMachine({
  context: FORM_MODEL_CONTEXT,
  initial: 'start',
  on: { 'flow.cancel': '.back' },
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'eligible', target: 'choosingMode', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
        'flow.cancel': {},
      },
    },
    notEligible: { on: { 'flow.back': 'back' } },
    choosingMode: {
      entry: 'clearError',
      on: {
        'option.choose': { target: 'enteringBankCard', actions: { type: 'answer', params: { field: 'mode' } } },
        'flow.back': 'back',
      },
    },
    enteringBankCard: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'bankCardNo', max: 19 } } },
        'flow.next': [
          { guard: 'cardValid', target: 'enteringPhone' },
          { actions: { type: 'flag', params: ({ context }) => ({ error: cardError(text(context, 'bankCardNo')) }) } },
        ],
        'flow.back': 'choosingMode',
      },
    },
    enteringPhone: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'phone', max: 11 } } },
        'flow.next': [
          { guard: 'phoneValid', target: 'confirming' },
          { actions: { type: 'flag', params: ({ context }) => ({ error: phoneError(text(context, 'phone')) }) } },
        ],
        'flow.back': 'enteringBankCard',
      },
    },
    confirming: { on: { 'flow.confirm': 'submitting', 'flow.back': 'enteringPhone' } },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': 'submitFailed', 'flow.cancel': {} } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming' } },
    submitted: { type: 'final' },
    back: { type: 'final' },
  },
});

const testModel = createTestModel(model, {
  events: [
    { type: 'identity.given', person: 'firstTimer' },
    { type: 'identity.given', person: 'tooYoung' },
    ...['canteen', 'delivery'].map((value) => ({ type: 'option.choose' as const, value })),
    ...[...CARDS, ...PHONES].map((digits) => ({ type: 'digits.enter' as const, digits })),
  ],
  // Only events the model takes in a state, and none after the flow ended.
  filterEvents: (state, event) => state.status === 'active' && state.can(event),
});

const harness = (machine: typeof mealAssistanceFlow) =>
  formModelHarness({
    machine,
    identityOf: identity,
    expectedRequest: (answers, who) => ({
      serviceKey: 'meal-assistance',
      identifyToken: who.identifyToken,
      answers: { mode: answers['mode'], bankCardNo: answers['bankCardNo'], phone: answers['phone'] } as never,
    }),
  });

const paths = testModel.getShortestPaths();

describe('mealAssistanceFlow against its model', () => {
  it('reaches every final state and every error', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    for (const state of ['notEligible', 'submitFailed']) expect(seen.states).toContain(state);
    expect(seen.errors).toEqual(new Set([null, 'too-short', 'bank-card-check', 'not-a-mobile-number']));
  });

  // Alone it takes 1–3 s; the limit leaves room for a loaded machine running the whole suite.
  it('the real machine passes every path', { timeout: 20_000 }, async () => {
    expect(await countFailingPaths(paths, harness(mealAssistanceFlow))).toBe(0);
  });

  it.each([
    ['a mistyped card goes on', ['enteringBankCard'], 'flow.next', 'enteringPhone'],
    ['back from the phone skips the card', ['enteringPhone'], 'flow.back', 'choosingMode'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(mealAssistanceFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});
