import { HOME_ADAPTATION_SUBSIDY_CATEGORIES, homeAdaptationCategory, type AdaptationItem, type HomeTenure, type MessageKey } from '@eldercare/domain';
import { line, words, wordList } from '../details';
import type { ApplierFor } from '../service-applier';

/**
 * 居家环境适老化改造: the subsidy category is computed from the registry (系统自动比对补贴类别),
 * never chosen by the applicant; civil affairs reviews and surveys the home.
 */
export const homeAdaptationApplier: ApplierFor<'home-adaptation'> = {
  async apply(request, { facts, today }) {
    const { tenure, items, phone } = request.answers;
    const category = homeAdaptationCategory(facts, today);
    return {
      status: 'submitted',
      answers: { tenure, items },
      phone,
      mailingAddress: null,
      result: { subsidyCategory: category.key },
      parts: [{ serviceKey: 'home-adaptation', department: 'civil-affairs', kind: 'review', status: 'submitted' }],
    };
  },

  describe({ answers, result }) {
    const tenure = answers.tenure as HomeTenure;
    const items = answers.items as AdaptationItem[];
    const category = HOME_ADAPTATION_SUBSIDY_CATEGORIES.find((c) => c.key === result.subsidyCategory);
    return [
      line('applications.details.tenure', words(`applications.details.tenure.${tenure}`)),
      line('applications.details.items', wordList(items.map((item): MessageKey => `applications.details.item.${item}`))),
      ...(category ? [line('applications.details.subsidyCategory', category.name)] : []),
    ];
  },
};
