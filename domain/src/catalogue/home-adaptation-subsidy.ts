import type { Condition, Localized } from './service-definition';

export type HomeAdaptationSubsidyKey = 'full' | 'partial' | 'self-funded';

export interface HomeAdaptationSubsidyCategory {
  key: HomeAdaptationSubsidyKey;
  name: Localized;
  /** All must hold; the first category whose conditions hold is the person's. */
  conditions: Condition[];
  guidance: Localized;
}

/**
 * 适老化改造补贴类别, as data: the system compares the person with these in order (the policy:
 * 系统可自动比对老年人补贴类别). The city sets the categories; each district sets the amounts and
 * the cap per home, so no amounts are written here.
 */
export const HOME_ADAPTATION_SUBSIDY_CATEGORIES: readonly HomeAdaptationSubsidyCategory[] = [
  {
    key: 'full',
    name: { zh: '困难老人（全额补贴）', en: 'Financial difficulty (full subsidy)' },
    conditions: [{ kind: 'financial-hardship' }],
    guidance: {
      zh: '低保、低收入家庭老年人，核定项目由政府全额补贴（限额由各区规定）。',
      en: 'Seniors in low-income or subsistence households: approved items are fully subsidised (the district sets the cap).',
    },
  },
  {
    key: 'partial',
    name: { zh: '高龄或失能老人（部分补贴）', en: 'Aged 80+ or care level 2+ (partial subsidy)' },
    conditions: [{ kind: 'any-of', branches: [[{ kind: 'min-care-level', level: 2 }], [{ kind: 'min-age', years: 80 }]] }],
    guidance: {
      zh: '80周岁及以上或照护等级2级及以上的老年人，核定项目按比例补贴（比例由各区规定）。',
      en: 'Seniors aged 80+ or with care level 2+: approved items are partly subsidised (the district sets the share).',
    },
  },
  {
    key: 'self-funded',
    name: { zh: '自费改造（享受指导服务）', en: 'Self-funded (with guidance)' },
    conditions: [],
    guidance: {
      zh: '不属于补贴对象的，可自费改造，社区提供免费评估和改造指导。',
      en: 'Others may adapt at their own cost; the community gives a free survey and advice.',
    },
  },
];
