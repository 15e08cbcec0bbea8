import type { ApplierFor } from '../service-applier';

/** The card is made by civil affairs and the partner bank: one part each. */
export const seniorCardApplier: ApplierFor<'senior-card'> = {
  async apply(request, { resident }) {
    const { phone, delivery } = request.answers;
    return {
      status: 'submitted',
      answers: { delivery },
      phone,
      mailingAddress: delivery === 'mail' ? resident.address : null,
      parts: (['civil-affairs', 'bank'] as const).map((department) => ({
        serviceKey: 'senior-card',
        department,
        kind: 'review' as const,
        status: 'submitted' as const,
      })),
    };
  },
  // Phone, delivery and address come from `answers`.
  describe: () => [],
};
