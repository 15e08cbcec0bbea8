import { describe, expect, it } from 'vitest';
import { countFlowTaps, countSessionTaps } from './analysis/count-taps';

/**
 * The joint application's tap budget: from the menu to the submitted application at most 12
 * taps (the phone's 11 digits are counted apart), with all three services chosen, so every
 * question is asked (the registry knows the insurance, as for most seniors).
 */
describe('taps to a submitted joint application', () => {
  it('in the flow: 下一步, 我已知晓, five answers, 下一步 after the phone, 确认提交', () => {
    const count = countFlowTaps('ltc-joint');
    expect(count).toMatchObject({ taps: 9, typed: 11 });
    expect(count.events.filter((e) => e !== 'keypad.digit')).toEqual([
      'flow.next',
      'flow.next',
      ...Array<string>(5).fill('option.choose'),
      'flow.next',
      'flow.confirm',
      'xstate.done.actor.submitApplication',
    ]);
  });

  it('through the session: one more tap on the menu, at most 12', () => {
    const count = countSessionTaps('ltc-joint');
    expect(count).toMatchObject({ taps: 10, typed: 11 });
    expect(count.taps).toBeLessThanOrEqual(12);
  });
});
