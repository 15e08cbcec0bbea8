import type { AssistiveDevice } from '@eldercare/domain';
import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';
import { listAnswer, PHONE_STEP, textAnswer } from './flow-steps/form-step';

/** 康复辅助器具社区租赁: which devices, collect them or have them delivered, a phone number, 确认. */
export const ASSISTIVE_DEVICES: readonly AssistiveDevice[] = ['wheelchair', 'walker', 'nursing-bed', 'commode-chair', 'bath-chair'];
export const DEVICE_HANDOVERS = ['collect', 'deliver'] as const;

export const assistiveDeviceRentalFlowSpec: FormFlowSpec = {
  id: 'assistiveDeviceRentalFlow',
  serviceKey: 'assistive-device-rental',
  steps: [
    { kind: 'toggle', state: 'choosingDevices', field: 'devices', options: () => ASSISTIVE_DEVICES, min: 1 },
    { kind: 'choose', state: 'choosingHandover', field: 'handover', options: () => DEVICE_HANDOVERS },
    PHONE_STEP,
  ],
  request: ({ identity, answers }) => ({
    serviceKey: 'assistive-device-rental',
    identifyToken: identity.identifyToken,
    answers: {
      devices: listAnswer(answers, 'devices') as AssistiveDevice[],
      handover: textAnswer(answers, 'handover') as (typeof DEVICE_HANDOVERS)[number],
      phone: textAnswer(answers, 'phone'),
    },
  }),
};

export const assistiveDeviceRentalFlow = formFlow(assistiveDeviceRentalFlowSpec);
