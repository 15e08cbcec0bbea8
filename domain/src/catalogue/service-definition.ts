/** Text in the product's two languages: Chinese first (the default), English second. */
export interface Localized {
  zh: string;
  en: string;
}

export type ServiceKey =
  | 'ltc-assessment'
  | 'care-subsidy'
  | 'care-home-admission'
  | 'home-adaptation'
  | 'meal-assistance'
  | 'meal-assistance-change'
  | 'assistive-device-rental'
  | 'allowance-channel'
  | 'senior-card'
  | 'senior-education'
  | 'taxi-hailing'
  | 'sports-voucher';

export type DepartmentKey =
  | 'civil-affairs' // 民政
  | 'street-office' // 街镇
  | 'medical-insurance' // 医保局
  | 'assessment-agency' // 评估机构
  | 'education' // 教委
  | 'transport' // 交通委
  | 'sports' // 体育局
  | 'bank'; // 敬老卡 co-issuing bank

/**
 * A machine-checkable condition of a service. Conditions are data so that the server (which
 * decides) and the kiosk (which explains) evaluate exactly the same rules.
 */
export type Condition =
  | { kind: 'min-age'; years: number }
  | { kind: 'age-between'; min: number; max: number }
  | { kind: 'shanghai-hukou' }
  | { kind: 'min-care-level'; level: number }
  | { kind: 'assessed' }
  | { kind: 'financial-hardship' }
  | { kind: 'not-holding-senior-card' }
  | { kind: 'meal-assistance-approved'; expected: boolean }
  /** No assessment conclusion valid more than `daysAhead` days from now (期末评估 window). */
  | { kind: 'assessment-due'; daysAhead: number }
  /** At least one branch holds (e.g. 60–74 with care level ≥ 2, or 75+). */
  | { kind: 'any-of'; branches: Condition[][] };

export interface ServiceDefinition {
  key: ServiceKey;
  /** Position in the policy's list (一、改革事项 1–12). */
  policyItem: number;
  name: Localized;
  /** Short label for a big button. */
  shortName: Localized;
  conditions: Condition[];
  /** The conditions in plain words, for the notice screen and the printed notice. */
  conditionText: Localized;
  materials: Localized[];
  /** 承诺事项: what the departments commit to (time limits, how results reach the senior). */
  commitments: Localized[];
  /** 受理顺序 of the joint trio: the step at which this service is handled, and why then. */
  handlingOrder?: { step: number; text: Localized };
  /** Departments that handle it (分别办理), first is the lead. */
  departments: DepartmentKey[];
  /** The policy's own words for this item (沪民养老发〔2024〕18号 一、(n)). */
  policyText: string;
  /** Services 1–3 may be applied for together (联办). */
  jointGroup?: 'ltc-joint';
  /** Whether this version of the kiosk has a self-service flow for it. */
  kioskFlow: boolean;
}

export interface ServiceCatalogue {
  /** Bumped whenever a rule or a text changes; recorded with every application. */
  version: string;
  policyReference: string;
  services: readonly ServiceDefinition[];
  departments: Record<DepartmentKey, Localized>;
}
