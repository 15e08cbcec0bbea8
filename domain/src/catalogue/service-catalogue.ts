import { DomainError } from '../errors';
import type { Localized, ServiceCatalogue, ServiceDefinition, ServiceKey } from './service-definition';

/**
 * The 12 services of 沪民养老发〔2024〕18号 (上海市养老服务“一件事”业务流程优化再造工作方案),
 * as versioned data. `policyText` is the policy's own wording; everything else is derived from it.
 * Where the policy leaves details to districts (助餐条件), the catalogue states the city-wide rule.
 */
const ID_CARD = { zh: '本人有效身份证件', en: "The applicant's valid identity card" };
const HUKOU_BOOK = { zh: '户口簿（系统可核验的免交）', en: 'Household register (not needed where the system can verify it)' };

const services: ServiceDefinition[] = [
  {
    key: 'ltc-assessment',
    policyItem: 1,
    name: { zh: '申请老年照护统一需求评估（长护险需求评估）', en: 'Apply for the unified elderly-care needs assessment (LTC insurance)' },
    shortName: { zh: '长护险需求评估', en: 'Care needs assessment' },
    conditions: [{ kind: 'min-age', years: 60 }, { kind: 'assessment-due', daysAhead: 60 }],
    conditionText: {
      zh: '本市60周岁及以上、有照护需求（如重度残疾等特殊困难）的老年人；评估结论有效期满可再次申请（期末评估）。',
      en: 'Shanghai residents aged 60 or over who need care (e.g. severe disability); a new assessment may be requested when the previous conclusion expires.',
    },
    materials: [ID_CARD, { zh: '医保卡', en: 'Medical insurance card' }],
    departments: ['medical-insurance', 'assessment-agency'],
    policyText:
      '本市重度残疾等有特殊困难的老年人，可通过“一网通办”或“随申办市民云”申请老年照护统一需求评估。对评估结论有效期满，再次提出申请的，各区可通过“一网通办”或“随申办市民云”旗舰店在线提供申请。',
    jointGroup: 'ltc-joint',
    commitments: [
      { zh: '受理后由评估机构电话预约，上门评估；评估结论经公示后推送评估报告。', en: 'After acceptance the assessment agency phones to book a home visit; the result is published for a notice period, then the report is sent to you.' },
      { zh: '评估结论有效期满前60天内可申请期末评估，无需重新提交材料。', en: 'Within 60 days before the conclusion expires you may apply for a re-assessment without handing in documents again.' },
    ],
    handlingOrder: { step: 1, text: { zh: '先行办理：评估等级是养老服务补贴和入住养老机构的前提。', en: 'Handled first: the care level decides the subsidy and the care-home place.' } },
    kioskFlow: true,
  },
  {
    key: 'care-subsidy',
    policyItem: 2,
    name: { zh: '申请养老服务补贴', en: 'Apply for the elderly-care service subsidy' },
    shortName: { zh: '养老服务补贴', en: 'Care service subsidy' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'assessed' }, { kind: 'financial-hardship' }],
    conditionText: {
      zh: '本市户籍，经老年照护统一需求评估后符合条件的困难老年人。',
      en: 'Shanghai hukou, assessed under the unified needs assessment, and in financial difficulty.',
    },
    materials: [ID_CARD, HUKOU_BOOK, { zh: '经济困难证明（低保、低收入等，系统可核验的免交）', en: 'Proof of financial difficulty (not needed where the system can verify it)' }],
    departments: ['street-office', 'civil-affairs'],
    policyText:
      '经老年照护统一需求评估后符合条件的本市户籍困难老年人，可通过“一网通办”提出申请，或至街道（乡镇）社区事务受理服务中心申请养老服务补贴。',
    jointGroup: 'ltc-joint',
    commitments: [
      { zh: '街镇受理后审核经济困难情况，审核结果电话告知；系统可核验的材料免交。', en: 'The street office checks financial difficulty after acceptance and phones you the result; documents the system can verify are not needed.' },
    ],
    handlingOrder: { step: 2, text: { zh: '评估等级确定后办理：尚无评估结论的，待评估结论出具后自动进入审核。', en: 'Handled once the care level is known: without one, the review starts by itself when the assessment result is out.' } },
    kioskFlow: true,
  },
  {
    key: 'care-home-admission',
    policyItem: 3,
    name: { zh: '申请入住养老机构（保基本床位）', en: 'Apply for a place in a care home (basic-guarantee bed)' },
    shortName: { zh: '入住养老机构', en: 'Care home place' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-care-level', level: 3 }],
    conditionText: {
      zh: '本市户籍，且老年照护统一需求评估等级达到3级及以上。',
      en: 'Shanghai hukou and a care level of 3 or higher in the unified needs assessment.',
    },
    materials: [ID_CARD, HUKOU_BOOK],
    departments: ['civil-affairs'],
    policyText: '本市户籍且老年照护统一需求评估等级达到3级及以上的老年人可通过“一网通办”申请入住保基本养老机构（床位）。',
    jointGroup: 'ltc-joint',
    commitments: [
      { zh: '民政部门按评估等级和床位情况安排保基本床位，需轮候的告知轮候顺序。', en: 'Civil affairs assigns a basic-guarantee bed by care level and availability, and tells you your place on the waiting list if there is one.' },
    ],
    handlingOrder: { step: 3, text: { zh: '评估等级达到3级及以上后办理：尚无评估结论的，待评估结论出具后自动进入审核。', en: 'Handled once the care level is 3 or higher: without one, the review starts by itself when the assessment result is out.' } },
    kioskFlow: true,
  },
  {
    key: 'home-adaptation',
    policyItem: 4,
    name: { zh: '申请居家环境适老化改造', en: 'Apply for an age-friendly home adaptation' },
    shortName: { zh: '居家适老化改造', en: 'Home adaptation' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-age', years: 60 }],
    conditionText: {
      zh: '本市户籍60周岁及以上，对申请改造的住房拥有产权或长期使用权，改造内容符合要求；可由子女、社区养老顾问、居村委会工作人员代为申请。',
      en: 'Shanghai hukou, aged 60 or over, owning or having long-term use of the home; a child, community adviser or neighbourhood-committee worker may apply on your behalf.',
    },
    materials: [ID_CARD, { zh: '房屋产权或长期使用权证明', en: 'Proof of ownership or long-term use of the home' }],
    departments: ['civil-affairs'],
    policyText:
      '本市户籍60周岁及以上的老年人，对申请改造的住房拥有产权或长期使用权，改造内容符合要求的，均可申请居家环境适老化改造，享受一定的补贴。老年人可通过“一网通办”或“随申办市民云”提出申请，可本人自行申请，也可委托子女、社区养老顾问、居村委会工作人员等代为申请。对符合补贴条件的老年人，系统可自动比对老年人补贴类别，计算并发放补贴。',
    commitments: [
      { zh: '系统自动比对补贴类别并计算补贴；民政部门审核后安排上门勘查。', en: 'The system works out your subsidy category; after review civil affairs arranges a survey visit.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'meal-assistance',
    policyItem: 5,
    name: { zh: '申请老年人助餐服务和优惠', en: 'Apply for meal assistance and meal discounts' },
    shortName: { zh: '老年人助餐', en: 'Meal assistance' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-age', years: 60 }, { kind: 'meal-assistance-approved', expected: false }],
    conditionText: {
      zh: '本市户籍60周岁及以上老年人首次申请；具体条件、标准由各区、各街镇制定，由居住地街镇和区民政审核。',
      en: 'First application by a Shanghai resident aged 60 or over; districts set the detailed conditions, the street office and district civil affairs review it.',
    },
    materials: [ID_CARD],
    departments: ['street-office', 'civil-affairs'],
    policyText:
      '本市户籍60周岁及以上的老年人首次申请老年人助餐服务和优惠，可通过“一网通办”或“随申办市民云”提出申请，或至街道（乡镇）社区事务受理服务中心办理申请，并由申请居住地街镇和区民政审核。具体条件、标准、形式由各区、各街镇自行制定。',
    commitments: [
      { zh: '居住地街镇和区民政审核，结果电话告知；开通后在助餐点刷卡结算。', en: 'The street office and district civil affairs review it and phone you the result; once approved you pay at meal points with your card.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'meal-assistance-change',
    policyItem: 6,
    name: { zh: '申请老年人助餐服务和优惠的变更', en: 'Change meal assistance details' },
    shortName: { zh: '助餐信息变更', en: 'Meal assistance change' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-age', years: 60 }, { kind: 'meal-assistance-approved', expected: true }],
    conditionText: {
      zh: '已申请助餐服务和优惠并审核通过；可变更现居住地信息、就餐结算银行卡信息。',
      en: 'Meal assistance already approved; you may change your current address or the bank card used to pay for meals.',
    },
    materials: [ID_CARD, { zh: '新的结算银行卡（变更银行卡时）', en: 'The new bank card (when changing it)' }],
    departments: ['street-office', 'civil-affairs'],
    policyText:
      '本市户籍60周岁及以上已申请“老年人助餐服务和优惠”并审核通过的老年人，因人户分离等原因相关个人信息发生变化的，可通过“一网通办”或“随申办市民云”提出变更申请，或至街道（乡镇）社区事务受理服务中心办理变更，并由申请居住地街镇和区民政部门审核。变更内容包括现居住地信息、就餐结算银行卡信息等。具体条件、标准、形式由各区、各街镇自行制定。',
    commitments: [
      { zh: '变更经街镇和区民政审核后生效，审核期间原信息继续有效。', en: 'The change applies once reviewed; your current details stay valid meanwhile.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'assistive-device-rental',
    policyItem: 7,
    name: { zh: '申请康复辅助器具社区租赁服务', en: 'Rent rehabilitation aids through the community' },
    shortName: { zh: '辅具租赁', en: 'Assistive device rental' },
    conditions: [
      { kind: 'shanghai-hukou' },
      {
        kind: 'any-of',
        branches: [[{ kind: 'min-age', years: 75 }], [{ kind: 'age-between', min: 60, max: 74 }, { kind: 'min-care-level', level: 2 }]],
      },
    ],
    conditionText: {
      zh: '本市户籍75周岁及以上老年人；或60—74周岁（含）经老年照护统一需求评估具有二级及以上照护等级。',
      en: 'Shanghai hukou and aged 75 or over; or aged 60–74 with a care level of 2 or higher.',
    },
    materials: [ID_CARD],
    departments: ['civil-affairs'],
    policyText:
      '本市户籍 60—74 周岁（含）经老年照护统一需求评估具有二级及以上照护等级的人员和 75 周岁及以上所有老年人均可以享受租赁服务补贴。申请人可通过“一网通办”或“随申办市民云”申请租赁服务。',
    commitments: [
      { zh: '审核通过后由租赁服务机构联系您，按约定自提或送货上门。', en: 'After approval the rental provider contacts you to collect or deliver the devices.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'allowance-channel',
    policyItem: 8,
    name: { zh: '选择老年综合津贴领取渠道', en: 'Choose how to receive the senior comprehensive allowance' },
    shortName: { zh: '选择津贴领取渠道', en: 'Allowance channel' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-age', years: 65 }],
    conditionText: {
      zh: '本市户籍年满65周岁及以上；无需申请（免申即享），只需选择敬老卡或社会保障卡其中一个渠道。',
      en: 'Shanghai hukou and aged 65 or over; no application needed, only choose the senior card or the social security card.',
    },
    materials: [ID_CARD],
    departments: ['civil-affairs'],
    policyText:
      '老年综合津贴实行“免申即享”并采用上海市敬老卡或社会保障卡双渠道发放，本市户籍年满 65 周岁及以上的老年人，无需申请，仅需选择好领取渠道，即可享受。可通过“一网通办”或“随申办市民云”选择领取渠道，或至街道（乡镇）社区事务受理服务中心通过人工窗口或自助终端选择津贴领取渠道。',
    commitments: [
      { zh: '选择即时生效，津贴按月发放到所选渠道。', en: 'Your choice applies at once; the allowance is paid monthly to it.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'senior-card',
    policyItem: 9,
    name: { zh: '申领敬老卡', en: 'Apply for the Shanghai senior card' },
    shortName: { zh: '申领敬老卡', en: 'Senior card' },
    conditions: [{ kind: 'shanghai-hukou' }, { kind: 'min-age', years: 65 }, { kind: 'not-holding-senior-card' }],
    conditionText: {
      zh: '本市户籍65周岁及以上老年人；敬老卡用于发放老年综合津贴，具有老年人优待凭证以及金融支付功能。',
      en: 'Shanghai hukou and aged 65 or over; the card receives the allowance, proves senior concessions and can pay.',
    },
    materials: [ID_CARD],
    departments: ['civil-affairs', 'bank'],
    policyText:
      '本市户籍 65 周岁及以上的老年人可以申领敬老卡。敬老卡统一印制，用于发放上海市老年综合津贴，具有老年人优待凭证以及金融支付功能。符合申领条件的老年人可通过“一网通办”或“随申办市民云”进行申领，或至街道（乡镇）社区事务受理服务中心或者指定的受理点申领敬老卡。',
    commitments: [
      { zh: '敬老卡制作完成后电话通知领取或邮寄到户籍地址。', en: 'When the card is made we phone you to collect it, or mail it to your registered address.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'senior-education',
    policyItem: 10,
    name: { zh: '报名参加上海市老年教育课程', en: 'Enrol in Shanghai senior education courses' },
    shortName: { zh: '老年教育报名', en: 'Senior education' },
    conditions: [{ kind: 'min-age', years: 60 }],
    conditionText: {
      zh: '本市符合规定条件的老年人可任选机构及课程报名；有专长的居民可注册成为兼职教师。',
      en: 'Eligible seniors choose an institution and a course; residents with a skill may register as part-time teachers.',
    },
    materials: [ID_CARD],
    departments: ['education'],
    policyText:
      '本市符合规定条件的老年人可通过“随申办市民云”报名参加老年教育课程，任选机构及课程报名，并记录学习过程。有专长的居民，可通过该服务注册成为兼职教师，进入老年教育机构授课。',
    commitments: [
      { zh: '报名结果由老年教育机构告知；兼职教师注册后由机构联系。', en: 'The institution tells you whether you are enrolled; teachers are contacted after registering.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'taxi-hailing',
    policyItem: 11,
    name: { zh: '提供便捷叫车服务（申程出行）', en: 'Call a taxi (Shencheng Mobility)' },
    shortName: { zh: '一键叫车', en: 'Call a taxi' },
    conditions: [],
    conditionText: { zh: '所有市民均可使用。', en: 'Open to everyone.' },
    materials: [],
    departments: ['transport'],
    policyText: '本市依托“申程出行”平台为老年人等市民提供便捷呼叫出租车的出行服务。老年人可通过“随申办市民云”搜索进入“申程出行”打车页面。',
    commitments: [
      { zh: '叫车成功后显示车牌号和预计到达时间，车辆到服务中心门口接您。', en: 'Once booked you see the plate and the expected arrival; the taxi picks you up at the centre door.' },
    ],
    kioskFlow: true,
  },
  {
    key: 'sports-voucher',
    policyItem: 12,
    name: { zh: '领取助老体育消费券', en: 'Claim the senior sports voucher' },
    shortName: { zh: '助老体育消费券', en: 'Sports voucher' },
    conditions: [{ kind: 'min-age', years: 55 }],
    conditionText: {
      zh: '本市55周岁及以上市民，购买符合条件的长者运动健康之家服务项目时直接抵扣。',
      en: 'Residents aged 55 or over; deducted directly when buying eligible senior fitness services.',
    },
    materials: [],
    departments: ['sports'],
    policyText:
      '本市 55 周岁及以上的市民可通过“随申办市民云”微信小程序领取助老体育消费券，并在购买符合条件的长者运动健康之家服务项目时，直接抵扣使用。',
    commitments: [
      { zh: '每人每年可领取一次，领取后即可在长者运动健康之家抵扣使用。', en: 'One voucher per person per year, usable at once at senior fitness centres.' },
    ],
    kioskFlow: true,
  },
];

export const serviceCatalogue: ServiceCatalogue = {
  version: '2024-11-01.2',
  policyReference: '沪民养老发〔2024〕18号',
  services,
  departments: {
    'civil-affairs': { zh: '民政部门', en: 'Civil affairs bureau' },
    'street-office': { zh: '街道（乡镇）', en: 'Street / township office' },
    'medical-insurance': { zh: '医保部门', en: 'Medical insurance bureau' },
    'assessment-agency': { zh: '评估机构', en: 'Assessment agency' },
    education: { zh: '教育部门', en: 'Education commission' },
    transport: { zh: '交通部门（申程出行）', en: 'Transport commission (Shencheng Mobility)' },
    sports: { zh: '体育部门', en: 'Sports bureau' },
    bank: { zh: '敬老卡合作银行', en: 'Senior card partner bank' },
  },
};

export class UnknownServiceError extends DomainError {
  constructor(key: string) {
    super('UNKNOWN_SERVICE', `Unknown service: ${key}`);
  }
}

export function findService(key: string, catalogue: ServiceCatalogue = serviceCatalogue): ServiceDefinition {
  const service = catalogue.services.find((s) => s.key === key);
  if (!service) throw new UnknownServiceError(key);
  return service;
}

export const SERVICE_KEYS: readonly ServiceKey[] = services.map((s) => s.key);

/**
 * Applications that are not one catalogue service: the joint trio (一件事一次办) and 上门办,
 * a home visit at which staff handle services for someone who cannot come.
 */
export const APPLICATION_TYPES = {
  'ltc-joint': {
    name: { zh: '养老服务“一件事”联办（长护险评估·养老服务补贴·入住养老机构）', en: 'Joint application: care needs assessment, care subsidy, care home place' },
  },
  'home-visit': {
    name: { zh: '上门办（工作人员上门办理）', en: 'Home visit (staff come to you)' },
  },
} as const satisfies Record<string, { name: Localized }>;

/** The name an application of this key shows: a catalogue service or one of APPLICATION_TYPES. */
export function applicationName(key: string): Localized {
  if (key in APPLICATION_TYPES) return APPLICATION_TYPES[key as keyof typeof APPLICATION_TYPES].name;
  return findService(key).name;
}
