import { describe, expect, it } from 'vitest';
import { mealAssistanceChangeFlow } from './meal-assistance-change-flow';
import { identityOf } from './testing/fixtures';
import { startFormFlow, typeDigits, withVerdict } from './testing/form-flow-harness';

const approved = () => withVerdict(identityOf('firstTimer'), 'meal-assistance-change', true);
const VALID_CARD = '6222020200112233446';

function start() {
  return startFormFlow(mealAssistanceChangeFlow, approved());
}

describe('mealAssistanceChangeFlow', () => {
  it('without approved meal assistance it is not eligible', () => {
    const { actor } = startFormFlow(mealAssistanceChangeFlow, identityOf('firstTimer'));
    expect(actor.getSnapshot().value).toBe('notEligible');
  });

  it('an address change: street, no lane, 号, 室 — the lane is left out', () => {
    const { actor, submit } = start();
    actor.send({ type: 'option.choose', value: 'address' });
    actor.send({ type: 'option.choose', value: 'no-such-street' });
    expect(actor.getSnapshot().value).toBe('choosingStreet');
    actor.send({ type: 'option.choose', value: 'xianxia-lu' });
    expect(actor.getSnapshot().value).toBe('enteringLane');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('empty');
    typeDigits(actor, '00');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('empty');
    actor.send({ type: 'keypad.clear' });
    typeDigits(actor, '123456');
    expect(actor.getSnapshot().context.answers['building']).toBe('1234');
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '502');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request.answers).toEqual({ newAddress: { streetKey: 'xianxia-lu', building: '1234', room: '502' } });
  });

  it('a bank card change skips the address; back from the card returns to the choice', () => {
    const { actor, submit } = start();
    actor.send({ type: 'option.choose', value: 'bank-card' });
    expect(actor.getSnapshot().value).toBe('enteringBankCard');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('choosingChange');
    actor.send({ type: 'option.choose', value: 'bank-card' });
    typeDigits(actor, VALID_CARD);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request.answers).toEqual({ newBankCardNo: VALID_CARD });
  });

  it('both: the address then the card, with the lane; switching to the address only drops the card', () => {
    const { actor, submit } = start();
    actor.send({ type: 'option.choose', value: 'both' });
    actor.send({ type: 'option.choose', value: 'tianshan-lu' });
    typeDigits(actor, '345');
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '12');
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '301');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('enteringBankCard');
    typeDigits(actor, VALID_CARD);
    actor.send({ type: 'flow.next' });
    const back = ['enteringBankCard', 'enteringRoom', 'enteringBuilding', 'enteringLane', 'choosingStreet', 'choosingChange'];
    for (const state of back) {
      actor.send({ type: 'flow.back' });
      expect(actor.getSnapshot().value).toBe(state);
    }
    actor.send({ type: 'option.choose', value: 'address' });
    actor.send({ type: 'option.choose', value: 'tianshan-lu' });
    for (let i = 0; i < 3; i++) actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request.answers).toEqual({ newAddress: { streetKey: 'tianshan-lu', lane: '345', building: '12', room: '301' } });
  });
});
