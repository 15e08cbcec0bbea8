import { describe, expect, it } from 'vitest';
import { assistiveDeviceRentalFlow } from './assistive-device-rental-flow';
import { identityOf } from './testing/fixtures';
import { startFormFlow, typeDigits } from './testing/form-flow-harness';

describe('assistiveDeviceRentalFlow', () => {
  it('67 without a care level is not eligible (75+, or 60–74 with level 2)', () => {
    expect(startFormFlow(assistiveDeviceRentalFlow, identityOf('firstTimer')).actor.getSnapshot().value).toBe('notEligible');
  });

  it('devices toggle on and off in the shown order; collect or deliver; phone', () => {
    const { actor, submit } = startFormFlow(assistiveDeviceRentalFlow, identityOf('hasChannel'));
    for (const value of ['walker', 'wheelchair', 'bath-chair', 'walker', 'rocket']) actor.send({ type: 'option.toggle', value });
    expect(actor.getSnapshot().context.answers['devices']).toEqual(['wheelchair', 'bath-chair']);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'option.choose', value: 'deliver' });
    typeDigits(actor, '02161234567');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('not-a-mobile-number');
    actor.send({ type: 'keypad.clear' });
    typeDigits(actor, '15800001111');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request.answers).toEqual({ devices: ['wheelchair', 'bath-chair'], handover: 'deliver', phone: '15800001111' });
  });
});
