import { randomInt } from 'node:crypto';
import { VoucherAlreadyClaimedError } from '../application-errors';
import { line, verbatim } from '../details';
import type { ApplierFor } from '../service-applier';

/** TY + year + 10 random digits: not guessable from another senior's voucher. */
function voucherNo(year: string): string {
  return `TY${year}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
}

/** 助老体育消费券: one per person per calendar year (Shanghai date), issued at once. */
export const sportsVoucherApplier: ApplierFor<'sports-voucher'> = {
  async apply(_request, { tx, resident, today }) {
    const year = today.slice(0, 4);
    // The resident row is locked: two claims of one person take turns and the second sees the first.
    const claimed = await tx.query(
      `SELECT 1 FROM applications WHERE resident_id = $1 AND service_key = 'sports-voucher' AND result->>'year' = $2 LIMIT 1`,
      [resident.id, year],
    );
    if (claimed.length > 0) throw new VoucherAlreadyClaimedError(year);
    return {
      status: 'completed',
      answers: {},
      phone: null,
      mailingAddress: null,
      result: { voucherNo: voucherNo(year), year },
      parts: [{ serviceKey: 'sports-voucher', department: 'sports', kind: 'instant', status: 'completed' }],
    };
  },

  describe({ result }) {
    return [
      line('applications.details.voucherNo', verbatim(String(result.voucherNo))),
      line('applications.details.voucherYear', verbatim(String(result.year))),
    ];
  },
};
