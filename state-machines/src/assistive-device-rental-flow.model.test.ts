import { isMainlandMobileNumber } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { assistiveDeviceRentalFlow } from './assistive-device-rental-flow';
import type { FieldError } from './flow-steps/form-step';
import { countFailingPaths } from './testing/count-failing-paths';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 康复辅助器具社区租赁, from the spec: at least one device (kept in the order shown), 自取
 * or 送货上门, an 11-digit mobile number, 确认, submit (retry on failure). Who may rent is the
 * rules function's: `hasChannel` is 75 (may), `tooYoung` is 62 without a care level (may not).
 */
const DEVICE_ORDER = ['wheelchair', 'walker', 'nursing-bed', 'commode-chair', 'bath-chair'];
const DEVICES = ['walker', 'wheelchair'] as const;
const PHONES = ['13912345678', '02161234567'] as const;

const phoneError = (phone: string): FieldError => (phone.length < 11 ? 'too-short' : 'not-a-mobile-number');

const model = setup({
  types: {} as { context: FormModelContext; events: FormModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person === 'hasChannel',
    hasDevices: ({ context }) => ((context.answers['devices'] ?? []) as string[]).length > 0,
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
          { guard: 'eligible', target: 'choosingDevices', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
        'flow.cancel': {},
      },
    },
    notEligible: { on: { 'flow.back': 'back' } },
    choosingDevices: {
      entry: 'clearError',
      on: {
        'option.toggle': { actions: { type: 'answer', params: { field: 'devices', order: DEVICE_ORDER } } },
        'flow.next': [{ guard: 'hasDevices', target: 'choosingHandover' }, { actions: { type: 'flag', params: { error: 'choose-one' } } }],
        'flow.back': 'back',
      },
    },
    choosingHandover: {
      entry: 'clearError',
      on: {
        'option.choose': { target: 'enteringPhone', actions: { type: 'answer', params: { field: 'handover' } } },
        'flow.back': 'choosingDevices',
      },
    },
    enteringPhone: {
      entry: 'clearError',
      on: {
        'digits.enter': { actions: { type: 'answer', params: { field: 'phone', max: 11 } } },
        'flow.next': [
          { guard: 'phoneValid', target: 'confirming' },
          { actions: { type: 'flag', params: ({ context }) => ({ error: phoneError((context.answers['phone'] ?? '') as string) }) } },
        ],
        'flow.back': 'choosingHandover',
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
    { type: 'identity.given', person: 'hasChannel' },
    { type: 'identity.given', person: 'tooYoung' },
    ...DEVICES.map((value) => ({ type: 'option.toggle' as const, value })),
    ...['collect', 'deliver'].map((value) => ({ type: 'option.choose' as const, value })),
    ...PHONES.map((digits) => ({ type: 'digits.enter' as const, digits })),
  ],
  // Only events the model takes in a state, and none after the flow ended.
  filterEvents: (state, event) => state.status === 'active' && state.can(event),
});

const harness = (machine: typeof assistiveDeviceRentalFlow) =>
  formModelHarness({
    machine,
    expectedRequest: (answers, who) => ({
      serviceKey: 'assistive-device-rental',
      identifyToken: who.identifyToken,
      answers: { devices: answers['devices'], handover: answers['handover'], phone: answers['phone'] } as never,
    }),
  });

const paths = testModel.getShortestPaths();

describe('assistiveDeviceRentalFlow against its model', () => {
  it('reaches every final state and every error', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    for (const state of ['notEligible', 'submitFailed']) expect(seen.states).toContain(state);
    expect(seen.errors).toEqual(new Set([null, 'choose-one', 'too-short', 'not-a-mobile-number']));
  });

  // Alone it takes 1–3 s; the limit leaves room for a loaded machine running the whole suite.
  it('the real machine passes every path', { timeout: 20_000 }, async () => {
    expect(await countFailingPaths(paths, harness(assistiveDeviceRentalFlow))).toBe(0);
  });

  it.each([
    ['no device goes on', ['choosingDevices'], 'flow.next', 'choosingHandover'],
    ['a toggle is ignored', ['choosingDevices'], 'option.toggle', undefined],
    ['back from the handover leaves', ['choosingHandover'], 'flow.back', 'back'],
    ['a failed submission cannot be retried', ['submitFailed'], 'flow.retry', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(assistiveDeviceRentalFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});
