import type { IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { sportsVoucherFlow } from './sports-voucher-flow';
import { countFailingPaths } from './testing/count-failing-paths';
import { identityOf, type FixturePerson } from './testing/fixtures';
import { FORM_MODEL_CONTEXT, formModelActions, formModelHarness, withVerdict, type FormModelContext, type FormModelEvent, visited } from './testing/form-flow-harness';
import { mutantMachine } from './testing/mutant-machine';

/**
 * Model of 领取助老体育消费券, from the spec: one screen, 领取 submits (nothing is asked), retry on
 * failure; 返回 or 取消 leave. `tooYoung` stands for a person the server says no to (under 55 or
 * the voucher already claimed).
 */
const identity = (person: FixturePerson): IdentifyResponse => withVerdict(identityOf(person), 'sports-voucher', person !== 'tooYoung');

const model = setup({
  types: {} as { context: FormModelContext; events: FormModelEvent },
  guards: {
    eligible: ({ event }) => event.type === 'identity.given' && event.person !== 'tooYoung',
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
          { guard: 'eligible', target: 'confirming', actions: 'takePerson' },
          { target: 'notEligible', actions: 'takePerson' },
        ],
        'flow.cancel': {},
      },
    },
    notEligible: { on: { 'flow.back': 'back' } },
    confirming: { on: { 'flow.confirm': 'submitting', 'flow.back': 'back' } },
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
  ],
  // Only events the model takes in a state, and none after the flow ended.
  filterEvents: (state, event) => state.status === 'active' && state.can(event),
});

const harness = (machine: typeof sportsVoucherFlow) =>
  formModelHarness({
    machine,
    identityOf: identity,
    expectedRequest: (_, who) => ({ serviceKey: 'sports-voucher', identifyToken: who.identifyToken, answers: {} }),
  });

const paths = testModel.getShortestPaths();

describe('sportsVoucherFlow against its model', () => {
  it('reaches every final state', () => {
    const seen = visited(paths);
    expect(seen.ends).toEqual(new Set(['submitted', 'back']));
    for (const state of ['notEligible', 'submitFailed']) expect(seen.states).toContain(state);
  });

  it('the real machine passes every path', async () => {
    expect(await countFailingPaths(paths, harness(sportsVoucherFlow))).toBe(0);
  });

  it.each([
    ['领取 is ignored', ['confirming'], 'flow.confirm', undefined],
    ['back from the failure leaves', ['submitFailed'], 'flow.back', 'back'],
    ['retry is ignored', ['submitFailed'], 'flow.retry', undefined],
    ['someone refused cannot leave', ['notEligible'], 'flow.back', undefined],
  ] as const)('fails when %s', async (_, path, eventType, transition) => {
    const failing = await countFailingPaths(paths, harness(mutantMachine(sportsVoucherFlow, path, eventType, transition)), { stopAtFirst: true });
    expect(failing).toBeGreaterThan(0);
  });
});
