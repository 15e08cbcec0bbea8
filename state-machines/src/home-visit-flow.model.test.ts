import { isMainlandMobileNumber } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { and, assign, setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { FieldError } from './flow-steps/form-step';
import { homeVisitFlow } from './home-visit-flow';
import { countFailingPaths } from './testing/count-failing-paths';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 上门办, from the spec: anyone may ask (no verdict); why (80岁以上 only for those 80 or
 * older, 卧床, 残疾), at least one service this senior may use, 上午 or 下午, an 11-digit mobile
 * number, 确认, submit (retry on failure). `cardHolder` is 82 and holds a senior card (so 老年综合津贴
 * is offered, 老年人综合津贴卡 is not); `firstTimer` is 67 and may apply for both.
 * `refused` records, until the screen is left, that a tap on an option not offered was ignored (a
 * state of its own, so the paths send such a tap).
 */
type HomeVisitModelContext = FormModelContext;

const REASONS = ['age-80-plus', 'bedridden'];
const PERIODS = ['morning'];
const SERVICE_ORDER = ['allowance-channel', 'senior-card'];
const PHONES = ['13912345678', '02161234567'] as const;

const text = (context: FormModelContext, field: string) => (context.answers[field] ?? '') as string;
const phoneError = (phone: string): FieldError => (phone.length < 11 ? 'too-short' : 'not-a-mobile-number');
const optionValue = (event: FormModelEvent) => (event.type === 'option.choose' || event.type === 'option.toggle' ? event.value : null);

const model = setup({
  types: {} as { context: HomeVisitModelContext; events: FormModelEvent },
  guards: {
    isReason: ({ event }) => REASONS.includes(optionValue(event) ?? ''),
    isPeriod: ({ event }) => PERIODS.includes(optionValue(event) ?? ''),
    reasonOffered: ({ context, event }) => optionValue(event) !== 'age-80-plus' || context.person === 'cardHolder',
    serviceOffered: ({ context, event }) => optionValue(event) !== 'senior-card' || context.person !== 'cardHolder',
    hasServices: ({ context }) => ((context.answers['services'] ?? []) as string[]).length > 0,
    phoneValid: ({ context }) => isMainlandMobileNumber(text(context, 'phone')),
  },
  actions: { ...formModelActions, refuse: assign({ refused: true }), forgetRefusal: assign({ refused: false }) },
}).createMachine({
  context: { ...FORM_MODEL_CONTEXT, refused: false },
  initial: 'start',
  on: { 'flow.cancel': '.back' },
  states: {
    start: {
      on: { 'identity.given': { target: 'choosingReason', actions: 'takePerson' }, 'flow.cancel': {} },
    },
    choosingReason: {
      entry: ['clearError', 'forgetRefusal'],
      on: {
        'option.choose': [
          { guard: and(['isReason', 'reasonOffered']), target: 'choosingServices', actions: { type: 'answer', params: { field: 'reason' } } },
          { guard: 'isReason', actions: 'refuse' },
        ],
        'flow.back': 'back',
      },
    },
    choosingServices: {
      entry: ['clearError', 'forgetRefusal'],
      on: {
        'option.toggle': [
          { guard: 'serviceOffered', actions: { type: 'answer', params: { field: 'services', order: SERVICE_ORDER } } },
          { actions: 'refuse' },
        ],
        'flow.next': [{ guard: 'hasServices', target: 'choosingPeriod' }, { actions: { type: 'flag', params: { error: 'choose-one' } } }],
        'flow.back': 'choosingReason',
      },
    },
    choosingPeriod: {
      entry: ['clearError', 'forgetRefusal'],
      on: {
        'option.choose': { guard: 'isPeriod', target: 'enteringPhone', actions: { type: 'answer', params: { field: 'period' } } },
        'flow.back': 'choosingServices',
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
        'flow.back': 'choosingPeriod',
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
    { type: 'identity.given', person: 'cardHolder' },
    { type: 'identity.given', person: 'firstTimer' },
    ...[...REASONS, ...PERIODS].map((value) => ({ type: 'option.choose' as const, value })),
    ...SERVICE_ORDER.map((value) => ({ type: 'option.toggle' as const, value })),
    ...PHONES.map((digits) => ({ type: 'digits.enter' as const, digits })),
  ],
  // Only events the model takes in a state, none after the flow ended, and each ignored tap once.
  // 卧床 is chosen by the 67-year-old only: the paths stay few, and each reason is still taken.
  filterEvents: (state, event) =>
    state.status === 'active' &&
    state.can(event) &&
    !(state.context.refused && isRefusal(state.context, String(state.value), event)) &&
    !(state.context.person === 'cardHolder' && optionValue(event) === 'bedridden'),
});

/** A tap the model ignores in this state (taken once; after that it would only repeat the same state). */
function isRefusal(context: HomeVisitModelContext, state: string, event: FormModelEvent): boolean {
  const value = optionValue(event);
  if (state === 'choosingReason') return value === 'age-80-plus' && context.person !== 'cardHolder';
  if (state === 'choosingServices') return value === 'senior-card' && context.person === 'cardHolder';
  return false;
}

const harness = (machine: typeof homeVisitFlow) =>
  formModelHarness({
    machine,
    expectedRequest: (answers, who) => ({
      serviceKey: 'home-visit',
      identifyToken: who.identifyToken,
      answers: { reason: answers['reason'], services: answers['services'], period: answers['period'], phone: answers['phone'] } as never,
    }),
  });

const paths = testModel.getShortestPaths();

describe('homeVisitFlow against its model', () => {
  it('reaches every final state, every error and both refused taps', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    expect(seen.states).toContain('submitFailed');
    expect(seen.errors).toEqual(new Set([null, 'choose-one', 'too-short', 'not-a-mobile-number']));
    const refusedIn = new Set(paths.flatMap((p) => p.steps.filter((s) => s.state.context.refused).map((s) => `${String(s.state.context.person)}:${String(s.state.value)}`)));
    expect(refusedIn).toContain('firstTimer:choosingReason');
    expect(refusedIn).toContain('cardHolder:choosingServices');
  });

  // Alone it takes 1–3 s; the limit leaves room for a loaded machine running the whole suite.
  it('the real machine passes every path', { timeout: 20_000 }, async () => {
    expect(await countFailingPaths(paths, harness(homeVisitFlow))).toBe(0);
  });

  it.each([
    ['no service goes on', ['choosingServices'], 'flow.next', 'choosingPeriod'],
    ['any reason is taken', ['choosingReason'], 'option.choose', { target: 'choosingServices', actions: { type: 'choose', params: { step: 0 } } }],
    ['back from the period skips the services', ['choosingPeriod'], 'flow.back', 'choosingReason'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(homeVisitFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});
