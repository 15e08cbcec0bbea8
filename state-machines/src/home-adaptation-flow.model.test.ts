import { isMainlandMobileNumber, type IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { FieldError } from './flow-steps/form-step';
import { homeAdaptationFlow } from './home-adaptation-flow';
import { countFailingPaths } from './testing/count-failing-paths';
import { identityOf, type FixturePerson } from './testing/fixtures';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, withVerdict, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 居家环境适老化改造, from the spec: tenure (产权 / 长期使用权 go on; 都没有 explains who
 * may apply instead), at least one item, an 11-digit mobile number, 确认, submit (retry on failure).
 * `tooYoung` stands for a person the server says no to.
 */
const ITEMS = ['night-lights'] as const;
const ITEM_ORDER = ['grab-bars', 'non-slip-floor', 'shower-seat', 'threshold-removal', 'night-lights', 'emergency-alarm'];
const PHONES = ['13912345678', '02161234567'] as const;

const identity = (person: FixturePerson): IdentifyResponse =>
  person === 'tooYoung' ? withVerdict(identityOf(person), 'home-adaptation', false) : identityOf(person);

const phoneError = (phone: string): FieldError => (phone.length < 11 ? 'too-short' : 'not-a-mobile-number');

const model = setup({
  types: {} as { context: FormModelContext; events: FormModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person !== 'tooYoung',
    isValue: ({ event }, params: { value: string }) => event.type === 'option.choose' && event.value === params.value,
    hasItems: ({ context }) => ((context.answers['items'] ?? []) as string[]).length > 0,
    phoneValid: ({ context }) => isMainlandMobileNumber((context.answers['phone'] ?? '') as string),
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
          { guard: 'eligible', target: 'choosingTenure', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
        'flow.cancel': {},
      },
    },
    notEligible: { on: { 'flow.back': 'back' } },
    choosingTenure: {
      entry: 'clearError',
      on: {
        'option.choose': [
          { guard: { type: 'isValue', params: { value: 'none' } }, target: 'tenureNotHeld', actions: { type: 'answer', params: { field: 'tenure' } } },
          { target: 'choosingItems', actions: { type: 'answer', params: { field: 'tenure' } } },
        ],
        'flow.back': 'back',
      },
    },
    tenureNotHeld: { on: { 'flow.back': 'choosingTenure', 'flow.next': 'back' } },
    choosingItems: {
      entry: 'clearError',
      on: {
        'option.toggle': { actions: { type: 'answer', params: { field: 'items', order: ITEM_ORDER } } },
        'flow.next': [{ guard: 'hasItems', target: 'enteringPhone' }, { actions: { type: 'flag', params: { error: 'choose-one' } } }],
        'flow.back': 'choosingTenure',
      },
    },
    enteringPhone: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'phone', max: 11 } } },
        'flow.next': [
          { guard: 'phoneValid', target: 'confirming' },
          {
            actions: {
              type: 'flag',
              params: ({ context }) => ({ error: phoneError((context.answers['phone'] ?? '') as string) }),
            },
          },
        ],
        'flow.back': 'choosingItems',
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
    ...['owner', 'long-term-use', 'none'].map((value) => ({ type: 'option.choose' as const, value })),
    ...ITEMS.map((value) => ({ type: 'option.toggle' as const, value })),
    ...PHONES.map((digits) => ({ type: 'digits.enter' as const, digits })),
  ],
  // Only events the model takes in a state, and none after the flow ended.
  filterEvents: (state, event) => state.status === 'active' && state.can(event),
});

const harness = (machine: typeof homeAdaptationFlow) =>
  formModelHarness({
    machine,
    identityOf: identity,
    expectedRequest: (answers, who) => ({
      serviceKey: 'home-adaptation',
      identifyToken: who.identifyToken,
      answers: { tenure: answers['tenure'], items: answers['items'], phone: answers['phone'] } as never,
    }),
  });

const paths = testModel.getShortestPaths();

describe('homeAdaptationFlow against its model', () => {
  it('reaches every final state and every error', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    for (const state of ['notEligible', 'tenureNotHeld', 'submitFailed']) expect(seen.states).toContain(state);
    expect(seen.errors).toEqual(new Set([null, 'choose-one', 'too-short', 'not-a-mobile-number']));
  });

  it('the real machine passes every path', async () => {
    expect(await countFailingPaths(paths, harness(homeAdaptationFlow))).toBe(0);
  });

  it.each([
    ['no items goes on', ['choosingItems'], 'flow.next', 'enteringPhone'],
    ['都没有 is ignored', ['choosingTenure'], 'option.choose', { target: 'choosingItems' }],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(homeAdaptationFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});
