import { describe, expect, it } from 'vitest';
import { homeAdaptationFlow } from './home-adaptation-flow';
import { identityOf } from './testing/fixtures';
import { startFormFlow, typeDigits } from './testing/form-flow-harness';

describe('homeAdaptationFlow', () => {
  it('都没有 explains who may apply instead: back to the choice, or 知道了 leaves', () => {
    const { actor } = startFormFlow(homeAdaptationFlow, identityOf('firstTimer'));
    actor.send({ type: 'option.choose', value: 'none' });
    expect(actor.getSnapshot().value).toBe('tenureNotHeld');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('choosingTenure');
    actor.send({ type: 'option.choose', value: 'none' });
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('items in the shown order, an error without any, the request', () => {
    const { actor, submit } = startFormFlow(homeAdaptationFlow, identityOf('firstTimer'));
    actor.send({ type: 'option.choose', value: 'long-term-use' });
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('choose-one');
    actor.send({ type: 'option.toggle', value: 'emergency-alarm' });
    expect(actor.getSnapshot().context.fieldError).toBeNull();
    actor.send({ type: 'option.toggle', value: 'grab-bars' });
    actor.send({ type: 'flow.next' });
    typeDigits(actor, '13912345678');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.cancel' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
    expect(submit.calls).toHaveLength(0);
    const again = startFormFlow(homeAdaptationFlow, identityOf('firstTimer'));
    again.actor.send({ type: 'option.choose', value: 'owner' });
    again.actor.send({ type: 'option.toggle', value: 'night-lights' });
    again.actor.send({ type: 'option.toggle', value: 'grab-bars' });
    again.actor.send({ type: 'flow.next' });
    typeDigits(again.actor, '13912345678');
    again.actor.send({ type: 'flow.next' });
    again.actor.send({ type: 'flow.confirm' });
    expect(again.submit.last.input.request.answers).toEqual({ tenure: 'owner', items: ['grab-bars', 'night-lights'], phone: '13912345678' });
  });
});
