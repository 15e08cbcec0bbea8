import { describe, expect, it } from 'vitest';
import type { RegisteredServiceKey } from '../service-flows';
import { KIOSK_SERVICE_KEYS } from '../service-flows';
import { classifyEvent, countAllTaps, countFlowTaps, countSessionTaps, describeTapCount, TAP_BUDGETS } from './count-taps';
import { FLOW_TAP_SPECS } from './flow-tap-specs';

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

  it('reports every registered flow, alone and through the session, one line each', () => {
    const counts = countAllTaps();
    const submitting = KIOSK_SERVICE_KEYS.filter((key) => FLOW_TAP_SPECS[key].submits !== false);
    expect(counts.map((c) => `${c.serviceKey}/${c.scope}`)).toEqual(submitting.flatMap((key) => [`${key}/flow`, `${key}/session`]));
    const seniorCard = counts.find((c) => c.serviceKey === 'senior-card' && c.scope === 'session')!;
    expect(describeTapCount(seniorCard)).toMatch(/^senior-card \(session\): 5 taps \+ 11 digits typed — card\.read → /);
  });

  it('a service on a group page of the menu costs the tap that opens the group', () => {
    expect(countSessionTaps('sports-voucher').events.slice(0, 4)).toEqual([
      'card.read',
      'xstate.done.actor.identify',
      'menu.page',
      'service.select',
    ]);
  });

  it('stays within the issue budgets from the card read: allowance ≤ 5, senior card ≤ 8, joint trio ≤ 12', () => {
    for (const [key, budget] of Object.entries(TAP_BUDGETS) as [RegisteredServiceKey, number][]) {
      expect(countSessionTaps(key).taps, key).toBeLessThanOrEqual(budget);
    }
    expect(countSessionTaps('ltc-joint')).toMatchObject({ taps: 10, typed: 11 });
  });
});
