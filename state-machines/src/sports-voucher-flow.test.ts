import { describe, expect, it } from 'vitest';
import { sportsVoucherFlow } from './sports-voucher-flow';
import { settle } from './testing/controllable-actor';
import { applicationFor, identityOf } from './testing/fixtures';
import { startFormFlow, withVerdict } from './testing/form-flow-harness';

describe('sportsVoucherFlow', () => {
  it('one tap: 领取 submits an empty answer and the voucher comes back', async () => {
    const { actor, submit } = startFormFlow(sportsVoucherFlow, identityOf('tooYoung'));
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({ serviceKey: 'sports-voucher', identifyToken: identityOf('tooYoung').identifyToken, answers: {} });
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
    expect(actor.getSnapshot().output?.kind).toBe('submitted');
  });

  it('back from the one screen leaves; someone too young sees why', () => {
    const { actor } = startFormFlow(sportsVoucherFlow, identityOf('firstTimer'));
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
    const young = startFormFlow(sportsVoucherFlow, withVerdict(identityOf('firstTimer'), 'sports-voucher', false));
    expect(young.actor.getSnapshot().value).toBe('notEligible');
  });

  it('an already-claimed voucher shows its code on the failure screen', async () => {
    const { actor, submit } = startFormFlow(sportsVoucherFlow, identityOf('firstTimer'));
    actor.send({ type: 'flow.confirm' });
    submit.last.reject(Object.assign(new Error('claimed'), { code: 'VOUCHER_ALREADY_CLAIMED' }));
    await settle();
    expect(actor.getSnapshot().value).toBe('submitFailed');
    expect(actor.getSnapshot().context.submitErrorCode).toBe('VOUCHER_ALREADY_CLAIMED');
  });
});
