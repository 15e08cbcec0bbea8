import { AlreadyChosenError } from '../../errors/api-errors';
import type { ApplierFor } from '../service-applier';

/** 免申即享: choosing the channel is the whole service, done at once. */
export const allowanceChannelApplier: ApplierFor<'allowance-channel'> = {
  async apply(request, { tx, resident, registry, now }) {
    const { channel } = request.answers;
    if (resident.allowanceChannel === channel) throw new AlreadyChosenError();
    await registry.setAllowanceChannel(tx, resident.id, channel, now);
    return {
      status: 'completed',
      answers: { channel, previousChannel: resident.allowanceChannel },
      phone: null,
      mailingAddress: null,
      parts: [{ serviceKey: 'allowance-channel', department: 'civil-affairs', kind: 'instant', status: 'completed' }],
    };
  },
  // The channel lines come from `answers` (the receipt has printed them since the first version).
  describe: () => [],
};
