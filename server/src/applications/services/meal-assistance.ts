import { isValidBankCardNo, maskBankCardNo, type MealMode } from '@eldercare/domain';
import { BankCardInvalidError, MealAssistancePendingError } from '../application-errors';
import { line, verbatim, words } from '../details';
import type { ApplierFor } from '../service-applier';

/** 老年人助餐 first application: the street office and district civil affairs each review it. */
export const mealAssistanceApplier: ApplierFor<'meal-assistance'> = {
  async apply(request, { tx, resident }) {
    const { mode, bankCardNo, phone } = request.answers;
    if (!isValidBankCardNo(bankCardNo)) throw new BankCardInvalidError('/answers/bankCardNo');
    // The resident row is locked, so two first applications of one person cannot both pass here.
    const pending = await tx.query(
      `SELECT 1 FROM applications WHERE resident_id = $1 AND service_key = 'meal-assistance' AND status <> 'completed' LIMIT 1`,
      [resident.id],
    );
    if (pending.length > 0) throw new MealAssistancePendingError();
    return {
      status: 'submitted',
      answers: { mode },
      phone,
      mailingAddress: null,
      privateAnswers: { bankCardNo },
      parts: (['street-office', 'civil-affairs'] as const).map((department) => ({
        serviceKey: 'meal-assistance',
        department,
        kind: 'review' as const,
        status: 'submitted' as const,
      })),
    };
  },

  describe({ answers, privateAnswers }) {
    const lines = [line('applications.details.mealMode', words(`applications.details.mealMode.${answers.mode as MealMode}`))];
    const card = privateAnswers?.bankCardNo;
    if (typeof card === 'string') lines.push(line('applications.details.bankCard', verbatim(maskBankCardNo(card))));
    return lines;
  },
};
