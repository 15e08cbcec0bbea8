import { isValidBankCardNo, type IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { FieldError, FormAnswers } from './flow-steps/form-step';
import { mealAssistanceChangeFlow } from './meal-assistance-change-flow';
import { countFailingPaths } from './testing/count-failing-paths';
import { identityOf, type FixturePerson } from './testing/fixtures';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, withVerdict, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 助餐信息变更, from the spec: what changes (地址, 银行卡 or both); for an address the
 * street from the district's list, 弄 (optional), 号 and 室 (not empty or zero); for a card the
 * new settlement bank card (16–19 digits, check digit right); 确认, submit (retry on failure).
 * Only someone whose meal assistance was approved may use it: `firstTimer` stands for such a
 * person, `tooYoung` for one the server says no to.
 */
const CHANGES = ['address', 'bank-card', 'both'] as const;
const STREET = 'xianxia-lu';
const VALID_CARD = '6222020200112233446';
const BAD_CARDS = ['622202020011223', '6222020200112233445'] as const; // too short, mistyped
const NUMBERS = { lane: '12', building: ['0', '12'], room: '301' } as const;

const identity = (person: FixturePerson): IdentifyResponse =>
  withVerdict(identityOf(person), 'meal-assistance-change', person !== 'tooYoung');

const text = (answers: FormAnswers, field: string) => (answers[field] ?? '') as string;
const filled = (value: string) => !/^0*$/.test(value);
const cardError = (card: string): FieldError => (card.length < 16 ? 'too-short' : 'bank-card-check');

const model = setup({
  types: {} as { context: FormModelContext; events: FormModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person !== 'tooYoung',
    chose: ({ event }, params: { value: string }) => event.type === 'option.choose' && event.value === params.value,
    changing: ({ context }, params: { value: string }) => context.answers['change'] === params.value,
    filled: ({ context }, params: { field: string }) => filled(text(context.answers, params.field)),
    cardValid: ({ context }) => isValidBankCardNo(text(context.answers, 'newBankCardNo')),
  },
  // 取消 is one move of the whole flow: leaving forgets the answers, so it is walked once per
  // screen and change rather than once per set of typed numbers (which only multiplies the paths).
  actions: { ...formModelActions, forget: assign(({ context }) => ({ answers: { change: context.answers['change'] ?? '' }, fieldError: null })) },
}).createMachine({
  context: FORM_MODEL_CONTEXT,
  initial: 'start',
  on: { 'flow.cancel': '.back' },
  states: {
    start: {
      on: {
        'identity.given': [
          { guard: 'eligible', target: 'choosingChange', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
        'flow.cancel': {},
      },
    },
    notEligible: { on: { 'flow.back': 'back' } },
    choosingChange: {
      entry: 'clearError',
      on: {
        'option.choose': [
          { guard: { type: 'chose', params: { value: 'bank-card' } }, target: 'enteringBankCard', actions: { type: 'answer', params: { field: 'change' } } },
          { target: 'choosingStreet', actions: { type: 'answer', params: { field: 'change' } } },
        ],
        'flow.back': 'back',
      },
    },
    choosingStreet: {
      entry: 'clearError',
      on: {
        'option.choose': { target: 'enteringLane', actions: { type: 'answer', params: { field: 'street' } } },
        'flow.back': 'choosingChange',
      },
    },
    enteringLane: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'lane', max: 4 } } },
        'flow.next': 'enteringBuilding',
        'flow.back': 'choosingStreet',
      },
    },
    enteringBuilding: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'building', max: 4 } } },
        'flow.next': [{ guard: { type: 'filled', params: { field: 'building' } }, target: 'enteringRoom' }, { actions: { type: 'flag', params: { error: 'empty' } } }],
        'flow.back': 'enteringLane',
      },
    },
    enteringRoom: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'room', max: 5 } } },
        'flow.next': [
          { guard: { type: 'filled', params: { field: 'room' } }, target: 'fromRoom' },
          { actions: { type: 'flag', params: { error: 'empty' } } },
        ],
        'flow.back': 'enteringBuilding',
      },
    },
    // After the address: the card too when both change.
    fromRoom: { always: [{ guard: { type: 'changing', params: { value: 'both' } }, target: 'enteringBankCard' }, { target: 'confirming' }] },
    enteringBankCard: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'newBankCardNo', max: 19 } } },
        'flow.next': [
          { guard: 'cardValid', target: 'confirming' },
          { actions: { type: 'flag', params: ({ context }) => ({ error: cardError(text(context.answers, 'newBankCardNo')) }) } },
        ],
        'flow.back': [{ guard: { type: 'changing', params: { value: 'bank-card' } }, target: 'choosingChange' }, { target: 'enteringRoom' }],
      },
    },
    confirming: {
      on: {
        'flow.confirm': 'submitting',
        'flow.back': [{ guard: { type: 'changing', params: { value: 'address' } }, target: 'enteringRoom' }, { target: 'enteringBankCard' }],
      },
    },
    submitting: { on: { 'submit.resolve': 'submitted', 'submit.reject': 'submitFailed', 'flow.cancel': {} } },
    submitFailed: { on: { 'flow.retry': 'submitting', 'flow.back': 'confirming' } },
    submitted: { type: 'final' },
    back: { type: 'final', entry: 'forget' },
  },
});

type ModelState = { value: unknown; context: FormModelContext };

/**
 * Which numbers are typed where, so the paths stay few: the wrong cards only on a card-only
 * change, 号 0 only on an address-only change, 弄 only when both change (else it is skipped).
 */
function typedHere(state: ModelState, digits: string): boolean {
  const change = state.context.answers['change'];
  switch (state.value) {
    case 'enteringLane':
      return digits === NUMBERS.lane && change === 'both';
    case 'enteringBuilding':
      return digits === '12' || (digits === '0' && change === 'address');
    case 'enteringRoom':
      return digits === NUMBERS.room;
    case 'enteringBankCard':
      return digits === VALID_CARD || (change === 'bank-card' && (BAD_CARDS as readonly string[]).includes(digits));
    default:
      return false;
  }
}

const DIGIT_FIELDS = ['lane', 'building', 'room', 'newBankCardNo'];

/**
 * The change is chosen once, or again before any number is typed, or from 两者 to 地址 with the
 * card typed (the card must then be left out): other switches only multiply the paths.
 */
function mayChoose(state: ModelState, value: string): boolean {
  const { answers } = state.context;
  if (!DIGIT_FIELDS.some((field) => field in answers)) return true;
  return answers['change'] === 'both' && value === 'address' && 'newBankCardNo' in answers;
}

const testModel = createTestModel(model, {
  events: [
    { type: 'identity.given', person: 'firstTimer' },
    { type: 'identity.given', person: 'tooYoung' },
    ...[...CHANGES, STREET].map((value) => ({ type: 'option.choose' as const, value })),
    ...[NUMBERS.lane, ...NUMBERS.building, NUMBERS.room, VALID_CARD, ...BAD_CARDS].map((digits) => ({ type: 'digits.enter' as const, digits })),
  ],
  // Only events the model takes in a state (a change on its screen, the street on its own), none after the end.
  filterEvents: (state, event) => {
    if (state.status !== 'active' || !state.can(event)) return false;
    if (event.type === 'option.choose') return state.value === 'choosingStreet' ? event.value === STREET : event.value !== STREET && mayChoose(state, event.value);
    return event.type !== 'digits.enter' || typedHere(state, event.digits);
  },
});

/** The request the spec asks for: the address (弄 only when one was typed) and/or the card. */
function expectedAnswers(answers: FormAnswers): object {
  const change = answers['change'];
  const lane = text(answers, 'lane');
  const address = { streetKey: answers['street'], ...(filled(lane) ? { lane } : {}), building: answers['building'], room: answers['room'] };
  return {
    ...(change === 'bank-card' ? {} : { newAddress: address }),
    ...(change === 'address' ? {} : { newBankCardNo: answers['newBankCardNo'] }),
  };
}

const harness = (machine: typeof mealAssistanceChangeFlow) =>
  formModelHarness({
    machine,
    identityOf: identity,
    expectedRequest: (answers, who) => ({
      serviceKey: 'meal-assistance-change',
      identifyToken: who.identifyToken,
      answers: expectedAnswers(answers) as never,
    }),
  });

const paths = testModel.getShortestPaths();

describe('mealAssistanceChangeFlow against its model', () => {
  it('reaches every final state, every change and every error', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    for (const state of ['notEligible', 'submitFailed', 'enteringLane', 'enteringBankCard']) expect(seen.states).toContain(state);
    expect(seen.errors).toEqual(new Set([null, 'empty', 'too-short', 'bank-card-check']));
    const submittedChanges = new Set(paths.filter((p) => p.state.value === 'submitted').map((p) => p.state.context.answers['change']));
    expect(submittedChanges).toEqual(new Set(CHANGES));
  });

  // Alone it takes 1–3 s; the limit leaves room for a loaded machine running the whole suite.
  it('the real machine passes every path', { timeout: 20_000 }, async () => {
    expect(await countFailingPaths(paths, harness(mealAssistanceChangeFlow))).toBe(0);
  });

  it.each([
    ['an address change asks the card first', ['choosingChange'], 'option.choose', { target: 'enteringBankCard', actions: { type: 'choose', params: { step: 0 } } }],
    ['both skip the card', ['enteringRoom'], 'flow.next', 'confirming'],
    ['号 may be empty', ['enteringBuilding'], 'flow.next', 'enteringRoom'],
    ['back from the card always returns to the choice', ['enteringBankCard'], 'flow.back', 'choosingChange'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(mealAssistanceChangeFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});

