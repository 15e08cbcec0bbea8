import type { AssistiveDevice, MessageKey } from '@eldercare/domain';
import { line, wordList, words } from '../details';
import type { ApplierFor } from '../service-applier';

/** 辅具租赁: eligibility (75+, or 60–74 with care level ≥ 2) is the catalogue's; civil affairs reviews. */
export const assistiveDeviceRentalApplier: ApplierFor<'assistive-device-rental'> = {
  async apply(request, { resident }) {
    const { devices, handover, phone } = request.answers;
    return {
      status: 'submitted',
      answers: { devices, handover },
      phone,
      // Delivered to the registered address (encrypted like the senior card's).
      mailingAddress: handover === 'deliver' ? resident.address : null,
      parts: [{ serviceKey: 'assistive-device-rental', department: 'civil-affairs', kind: 'review', status: 'submitted' }],
    };
  },

  describe({ answers }) {
    const devices = answers.devices as AssistiveDevice[];
    return [
      line('applications.details.devices', wordList(devices.map((d): MessageKey => `applications.details.device.${d}`))),
      line('applications.details.handover', words(`applications.details.handover.${answers.handover as 'collect' | 'deliver'}`)),
    ];
  },
};
