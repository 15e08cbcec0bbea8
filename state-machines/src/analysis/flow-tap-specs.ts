import type { AnyMachineSnapshot } from 'xstate';
import type { RegisteredServiceKey } from '../service-flows';
import { ANALYSIS_PHONE, nextDigit, type FlowTapSpec } from './flow-tap-spec';

function contextOf(snapshot: AnyMachineSnapshot): Record<string, unknown> {
  return snapshot.context as Record<string, unknown>;
}

/** One spec per registered flow (see FlowTapSpec). Add one entry per flow. */
export const FLOW_TAP_SPECS: Record<RegisteredServiceKey, FlowTapSpec> = {
  'allowance-channel': {
    cases: () => ({
      'channel.choose': [
        { type: 'channel.choose', channel: 'senior-card' },
        { type: 'channel.choose', channel: 'social-security-card' },
      ],
    }),
    stateKey: (snapshot) => contextOf(snapshot)['channel'],
  },
  'senior-card': {
    cases: (snapshot) => ({
      'keypad.digit': nextDigit(contextOf(snapshot)['phone'] as string, ANALYSIS_PHONE),
      'delivery.choose': [
        { type: 'delivery.choose', delivery: 'collect' },
        { type: 'delivery.choose', delivery: 'mail' },
      ],
    }),
    stateKey: (snapshot) => {
      const { phone, phoneError, delivery } = contextOf(snapshot);
      return { phone, phoneError, delivery };
    },
  },
};
