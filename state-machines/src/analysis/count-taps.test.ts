import { describe, expect, it } from 'vitest';
import { classifyEvent, countAllTaps, countFlowTaps, countSessionTaps, describeTapCount } from './count-taps';

describe('classifyEvent', () => {
  it.each([
    ['flow.next', 'tap'],
    ['channel.choose', 'tap'],
    ['service.select', 'tap'],
    ['keypad.delete', 'tap'],
    ['keypad.digit', 'typing'],
    ['card.read', 'device'],
    ['card.placed', 'device'],
    ['device.status', 'device'],
    ['xstate.done.actor.identify', 'system'],
    ['xstate.after.goodbyeDuration.kioskSession.session.main.goodbye', 'system'],
    ['user.activity', 'system'],
  ] as const)('%s is %s', (type, kind) => {
    expect(classifyEvent(type)).toBe(kind);
  });
});

describe('taps to a submitted application', () => {
  it('allowance channel: choose, confirm', () => {
    const count = countFlowTaps('allowance-channel');
    expect(count).toMatchObject({ taps: 2, typed: 0 });
    expect(count.events).toEqual(['channel.choose', 'flow.confirm', 'xstate.done.actor.submitApplication']);
  });

  it('senior card: next, 11 digits, next, delivery, confirm', () => {
    const count = countFlowTaps('senior-card');
    expect(count).toMatchObject({ taps: 4, typed: 11 });
    expect(count.events.filter((e) => e !== 'keypad.digit')).toEqual([
      'flow.next',
      'flow.next',
      'delivery.choose',
      'flow.confirm',
      'xstate.done.actor.submitApplication',
    ]);
  });

  it('through the session the card read is free and the menu costs one tap', () => {
    const allowance = countSessionTaps('allowance-channel');
    expect(allowance).toMatchObject({ taps: 3, typed: 0 });
    expect(allowance.events.slice(0, 3)).toEqual(['card.read', 'xstate.done.actor.identify', 'service.select']);
    expect(allowance.events.at(-1)).toBe('xstate.done.actor.flow');
    expect(countSessionTaps('senior-card')).toMatchObject({ taps: 5, typed: 11 });
  });

  it('reports both flows, alone and through the session, one line each', () => {
    const lines = countAllTaps().map(describeTapCount);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^senior-card \(session\): 5 taps \+ 11 digits typed — card\.read → /);
  });
});
