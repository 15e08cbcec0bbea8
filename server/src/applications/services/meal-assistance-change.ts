import { findDistrictStreet, formatResidenceAddress, isValidBankCardNo, maskAddress, maskBankCardNo } from '@eldercare/domain';
import { BankCardInvalidError, MealChangeEmptyError, StreetNotInDistrictError } from '../application-errors';
import { line, verbatim } from '../details';
import type { ApplierFor } from '../service-applier';

/** 助餐信息变更: a new residence in the district and/or a new settlement card; both stored encrypted. */
export const mealAssistanceChangeApplier: ApplierFor<'meal-assistance-change'> = {
  async apply(request) {
    const { newAddress, newBankCardNo } = request.answers;
    if (newAddress === undefined && newBankCardNo === undefined) throw new MealChangeEmptyError();
    const privateAnswers: Record<string, string> = {};
    const changes: string[] = [];
    if (newAddress !== undefined) {
      const street = findDistrictStreet(newAddress.streetKey);
      if (!street) throw new StreetNotInDistrictError(newAddress.streetKey);
      privateAnswers.newAddress = formatResidenceAddress(street, newAddress);
      changes.push('address');
    }
    if (newBankCardNo !== undefined) {
      if (!isValidBankCardNo(newBankCardNo)) throw new BankCardInvalidError('/answers/newBankCardNo');
      privateAnswers.newBankCardNo = newBankCardNo;
      changes.push('bank-card');
    }
    return {
      status: 'submitted',
      answers: { changes },
      phone: null,
      mailingAddress: null,
      privateAnswers,
      parts: (['street-office', 'civil-affairs'] as const).map((department) => ({
        serviceKey: 'meal-assistance-change',
        department,
        kind: 'review' as const,
        status: 'submitted' as const,
      })),
    };
  },

  describe({ privateAnswers }) {
    const lines = [];
    if (typeof privateAnswers?.newAddress === 'string') {
      lines.push(line('applications.details.newAddress', verbatim(maskAddress(privateAnswers.newAddress))));
    }
    if (typeof privateAnswers?.newBankCardNo === 'string') {
      lines.push(line('applications.details.newBankCard', verbatim(maskBankCardNo(privateAnswers.newBankCardNo))));
    }
    return lines;
  },
};
