import { describe, expect, it } from 'vitest';
import { mealAssistanceFlow } from './meal-assistance-flow';
import { settle } from './testing/controllable-actor';
import { applicationFor, identityOf } from './testing/fixtures';
import { startFormFlow, typeDigits, withVerdict } from './testing/form-flow-harness';

const VALID_CARD = '6222020200112233446'; // 19 digits, check digit right
const PROXY = { identifyToken: 'proxy-token-0123456789', relationship: 'child', consent: true } as const;

describe('mealAssistanceFlow', () => {
  it('someone already approved is not eligible', () => {
    const { actor } = startFormFlow(mealAssistanceFlow, withVerdict(identityOf('firstTimer'), 'meal-assistance', false));
    expect(actor.getSnapshot().value).toBe('notEligible');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('the bank card takes up to 19 digits and is checked: too short, then a mistyped digit', () => {
    const { actor } = startFormFlow(mealAssistanceFlow, identityOf('firstTimer'));
    actor.send({ type: 'option.choose', value: 'delivery' });
    expect(actor.getSnapshot().value).toBe('enteringBankCard');
    typeDigits(actor, '622202020011223');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('too-short');
    typeDigits(actor, '3445'); // 19 digits, wrong check digit
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('bank-card-check');
    typeDigits(actor, '9');
    expect(actor.getSnapshot().context.answers['bankCardNo']).toHaveLength(19);
    actor.send({ type: 'keypad.delete' });
    expect(actor.getSnapshot().context.fieldError).toBeNull();
    typeDigits(actor, '6');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('enteringPhone');
  });

  it('an unknown mode is ignored; the request carries mode, card, phone and the proxy', async () => {
    const { actor, submit } = startFormFlow(mealAssistanceFlow, identityOf('firstTimer'), { proxy: PROXY });
    actor.send({ type: 'option.choose', value: 'takeaway' });
    expect(actor.getSnapshot().value).toBe('choosingMode');
    actor.send({ type: 'option.choose', value: 'canteen' });
    typeDigits(actor, VALID_CARD);
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '13912345678');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({
      serviceKey: 'meal-assistance',
      identifyToken: identityOf('firstTimer').identifyToken,
      proxy: PROXY,
      answers: { mode: 'canteen', bankCardNo: VALID_CARD, phone: '13912345678' },
    });
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
    expect(actor.getSnapshot().output?.kind).toBe('submitted');
  });

  it('retry sends the same key; changed answers get a new one', async () => {
    const { actor, submit } = startFormFlow(mealAssistanceFlow, identityOf('firstTimer'));
    actor.send({ type: 'option.choose', value: 'canteen' });
    typeDigits(actor, VALID_CARD);
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '13912345678');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    submit.last.reject(new Error('lost'));
    await settle();
    actor.send({ type: 'flow.retry' });
    submit.last.reject(new Error('lost'));
    await settle();
    for (let i = 0; i < 4; i++) actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('choosingMode');
    actor.send({ type: 'option.choose', value: 'delivery' });
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    const [first, retry, changed] = submit.calls.map((c) => c.input.idempotencyKey);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });
});
