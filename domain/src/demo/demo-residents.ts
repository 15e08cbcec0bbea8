import type { IdCardData } from '../id-card/id-card-data';
import { idNumberCheckDigit } from '../id-number/id-number';
import { addDays, addYears } from '../time/local-date';

/**
 * The fictional resident registry used by `npm start`, the simulators and the tests. Every
 * person is invented. Birth dates are computed from "today" so that each resident always has the
 * age written here (an 82-year-old stays 82), which keeps the demo and the tests meaningful in
 * any year. The server seeds its registry from this list; the reader simulator serves the cards.
 */
export interface DemoResidentDefinition {
  key: string;
  name: string;
  sex: 'male' | 'female';
  /** Age on "today". */
  age: number;
  /** Days since the last birthday, so ages are exact and birthdays spread over the year. */
  daysSinceBirthday: number;
  regionCode: string;
  /** Three-digit sequence of the ID number before the sex digit rule is applied. */
  sequence: number;
  address: string;
  issuingAuthority: string;
  hukou: 'shanghai' | 'other';
  holdsSeniorCard: boolean;
  allowanceChannel: 'senior-card' | 'social-security-card' | null;
  phone: string | null;
  /** Registry facts of the needs assessment and support (absent: never assessed, none). */
  careLevel?: number;
  /** The assessment conclusion ends this many days after "today" (期末评估 is due within 60). */
  assessmentEndsInDays?: number;
  medicalInsurance?: 'employee' | 'resident';
  financialHardship?: boolean;
  mealAssistanceApproved?: boolean;
  /** A short description for the simulator page. */
  note: { zh: string; en: string };
  /**
   * The card held when it is not a resident card. Their numbers follow GB 11643 as well:
   * regionCode is 9 + province of issue + numeric nationality (2023 foreign permanent resident
   * card) or 810000/820000/830000 (HK/Macau/Taiwan residence permit).
   */
  document?: DemoDocument;
}

export type DemoDocument =
  | { kind: 'foreign-permanent'; englishName: string; nationality: string; issueCount: number }
  | { kind: 'hkmo-tw-permit'; passNumber: string; issueCount: number };

export interface DemoResident extends DemoResidentDefinition {
  birthDate: string;
  /** Last day of the current assessment conclusion, or null. */
  assessmentValidUntil: string | null;
  idNumber: string;
  card: IdCardData;
}

const CHANGNING_POLICE = '上海市公安局长宁分局';
const XUHUI_POLICE = '上海市公安局徐汇分局';
const PUTUO_POLICE = '上海市公安局普陀分局';

export const DEMO_RESIDENT_DEFINITIONS: readonly DemoResidentDefinition[] = [
  { key: 'li-xiuying', name: '李秀英', sex: 'female', age: 67, daysSinceBirthday: 41, regionCode: '310105', sequence: 21,
    address: '上海市长宁区天山路345弄12号301室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '67岁，上海户籍，未办敬老卡，未选津贴渠道', en: '67, Shanghai hukou, no senior card, no channel chosen' } },
  { key: 'zhang-guihua', name: '张桂花', sex: 'female', age: 82, daysSinceBirthday: 200, regionCode: '310105', sequence: 43,
    address: '上海市长宁区新泾镇哈密路1800弄6号502室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: '13817261234',
    note: { zh: '82岁，已有敬老卡，津贴渠道：敬老卡', en: '82, holds a senior card, channel: senior card' } },
  { key: 'wang-jianguo', name: '王建国', sex: 'male', age: 72, daysSinceBirthday: 95, regionCode: '310104', sequence: 17,
    address: '上海市徐汇区漕溪北路88弄3号1201室', issuingAuthority: XUHUI_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: null, phone: '13901238877',
    note: { zh: '72岁，已有敬老卡，未选津贴渠道', en: '72, holds a senior card, no channel chosen' } },
  { key: 'chen-zhiqiang', name: '陈志强', sex: 'male', age: 62, daysSinceBirthday: 150, regionCode: '310107', sequence: 35,
    address: '上海市普陀区曹杨路1040弄2号404室', issuingAuthority: PUTUO_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '62岁，上海户籍（两项服务均未到年龄）', en: '62, Shanghai hukou (too young for both services)' } },
  { key: 'ouyang-mingyue', name: '欧阳明月', sex: 'female', age: 75, daysSinceBirthday: 12, regionCode: '310105', sequence: 66,
    address: '上海市长宁区愚园路1258弄9号201室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: 'social-security-card', phone: null,
    note: { zh: '75岁，复姓，津贴渠道：社会保障卡，未办敬老卡', en: '75, compound surname, channel: social security card, no senior card' } },
  { key: 'zhou-haiping', name: '周海平', sex: 'male', age: 68, daysSinceBirthday: 300, regionCode: '320508', sequence: 51,
    address: '江苏省苏州市姑苏区人民路88号', issuingAuthority: '苏州市公安局姑苏分局', hukou: 'other',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '68岁，外省市户籍', en: '68, hukou outside Shanghai' } },
  { key: 'zhao-defa', name: '赵德发', sex: 'male', age: 101, daysSinceBirthday: 77, regionCode: '310104', sequence: 3,
    address: '上海市徐汇区衡山路12弄5号', issuingAuthority: XUHUI_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: null,
    note: { zh: '101岁，已有敬老卡', en: '101, holds a senior card' } },
  { key: 'sun-lifang', name: '孙丽芳', sex: 'female', age: 55, daysSinceBirthday: 5, regionCode: '310107', sequence: 88,
    address: '上海市普陀区真北路2500弄15号603室', issuingAuthority: PUTUO_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '55岁，上海户籍', en: '55, Shanghai hukou' } },
  { key: 'huang-yongfu', name: '黄永福', sex: 'male', age: 65, daysSinceBirthday: 0, regionCode: '310105', sequence: 9,
    address: '上海市长宁区仙霞路600弄4号102室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '今天刚满65岁', en: 'turned 65 today' } },
  { key: 'xu-aizhen', name: '徐爱珍', sex: 'female', age: 64, daysSinceBirthday: 340, regionCode: '310104', sequence: 72,
    address: '上海市徐汇区田林路200弄8号301室', issuingAuthority: XUHUI_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '64岁，下月满65岁', en: '64, turns 65 within a month' } },
  { key: 'gao-shulan', name: '高淑兰', sex: 'female', age: 86, daysSinceBirthday: 180, regionCode: '310107', sequence: 24,
    address: '上海市普陀区长寿路500弄2号701室', issuingAuthority: PUTUO_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: 'social-security-card', phone: '15900112233',
    note: { zh: '86岁，津贴渠道：社会保障卡，未办敬老卡', en: '86, channel: social security card, no senior card' } },
  { key: 'ma-guoqing', name: '马国庆', sex: 'male', age: 78, daysSinceBirthday: 60, regionCode: '330106', sequence: 11,
    address: '浙江省杭州市西湖区文三路90号', issuingAuthority: '杭州市公安局西湖分局', hukou: 'other',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '78岁，外省市户籍', en: '78, hukou outside Shanghai' } },
  { key: 'wu-meiling', name: '吴美玲', sex: 'female', age: 90, daysSinceBirthday: 250, regionCode: '310105', sequence: 58,
    address: '上海市长宁区江苏路480弄3号', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'social-security-card', phone: '13611110000',
    note: { zh: '90岁，已有敬老卡，津贴渠道：社会保障卡', en: '90, holds a senior card, channel: social security card' } },
  { key: 'zhu-wenhua', name: '朱文华', sex: 'male', age: 70, daysSinceBirthday: 120, regionCode: '310104', sequence: 45,
    address: '上海市徐汇区宛平南路75弄1号', issuingAuthority: XUHUI_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '70岁，上海户籍，未办敬老卡', en: '70, Shanghai hukou, no senior card' } },
  // Two people without a resident card: the kiosk must read their cards and explain why the
  // services (which need Shanghai hukou) do not apply, instead of failing.
  { key: 'anna-miller', name: '米安娜', sex: 'female', age: 70, daysSinceBirthday: 210, regionCode: '931124', sequence: 62,
    address: '上海市静安区南京西路1266弄8号1502室', issuingAuthority: '', hukou: 'other',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    document: { kind: 'foreign-permanent', englishName: 'MILLER, ANNA', nationality: 'CAN', issueCount: 0 },
    note: { zh: '70岁，外国人永久居留身份证（加拿大），住在上海', en: '70, foreign permanent resident card (Canada), lives in Shanghai' } },
  { key: 'leung-kwok-wah', name: '梁国华', sex: 'male', age: 66, daysSinceBirthday: 33, regionCode: '810000', sequence: 27,
    address: '上海市徐汇区虹桥路1号2501室', issuingAuthority: XUHUI_POLICE, hukou: 'other',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    document: { kind: 'hkmo-tw-permit', passNumber: 'H60218457', issueCount: 1 },
    note: { zh: '66岁，香港居民，持港澳台居民居住证', en: '66, Hong Kong resident with a residence permit' } },
  // People for the rules of issue 5: the joint trio, 期末评估, 上门办, assistive devices, meals.
  { key: 'shen-guiying', name: '沈桂英', sex: 'female', age: 83, daysSinceBirthday: 140, regionCode: '310105', sequence: 14,
    address: '上海市长宁区天山路760弄5号402室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: '13764502318',
    careLevel: 4, assessmentEndsInDays: 30, medicalInsurance: 'employee',
    note: { zh: '83岁，长期卧床，照护等级4级，评估结论30天后到期', en: '83, bedridden, care level 4, assessment ends in 30 days' } },
  { key: 'lu-jianhua', name: '陆建华', sex: 'male', age: 72, daysSinceBirthday: 220, regionCode: '310104', sequence: 31,
    address: '上海市徐汇区龙华西路315弄7号603室', issuingAuthority: XUHUI_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'social-security-card', phone: '13585207788',
    careLevel: 2, assessmentEndsInDays: 400, medicalInsurance: 'resident',
    note: { zh: '72岁，照护等级2级（评估结论有效）', en: '72, care level 2 (assessment valid)' } },
  { key: 'fang-xiaohong', name: '方晓红', sex: 'female', age: 58, daysSinceBirthday: 90, regionCode: '310107', sequence: 47,
    address: '上海市普陀区武宁路420弄3号201室', issuingAuthority: PUTUO_POLICE, hukou: 'shanghai',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '58岁，上海户籍（可领体育消费券）', en: '58, Shanghai hukou (sports voucher only)' } },
  { key: 'liu-dahai', name: '刘大海', sex: 'male', age: 70, daysSinceBirthday: 45, regionCode: '340104', sequence: 19,
    address: '安徽省合肥市蜀山区长江西路180号', issuingAuthority: '合肥市公安局蜀山分局', hukou: 'other',
    holdsSeniorCard: false, allowanceChannel: null, phone: null,
    note: { zh: '70岁，外省市户籍，住在上海', en: '70, hukou outside Shanghai, lives in Shanghai' } },
  { key: 'tang-yumei', name: '唐玉梅', sex: 'female', age: 76, daysSinceBirthday: 260, regionCode: '310105', sequence: 53,
    address: '上海市长宁区仙霞路350弄11号502室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: '13916682045', mealAssistanceApproved: true,
    note: { zh: '76岁，已开通助餐服务', en: '76, meal assistance approved' } },
  { key: 'he-fuxing', name: '何福兴', sex: 'male', age: 79, daysSinceBirthday: 310, regionCode: '310107', sequence: 61,
    address: '上海市普陀区石泉路120弄8号101室', issuingAuthority: PUTUO_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: null, financialHardship: true, medicalInsurance: 'resident',
    note: { zh: '79岁，低保家庭，从未评估', en: '79, subsistence household, never assessed' } },
  // All three linked services at once: the re-assessment is due, the care level allows a care
  // home, and the household is on subsistence (the joint application's end-to-end test).
  { key: 'qian-shuzhen', name: '钱淑珍', sex: 'female', age: 81, daysSinceBirthday: 170, regionCode: '310105', sequence: 37,
    address: '上海市长宁区虹桥路1500弄6号301室', issuingAuthority: CHANGNING_POLICE, hukou: 'shanghai',
    holdsSeniorCard: true, allowanceChannel: 'senior-card', phone: '13601728854',
    careLevel: 3, assessmentEndsInDays: 45, medicalInsurance: 'employee', financialHardship: true,
    note: { zh: '81岁，低保家庭，照护等级3级，评估结论45天后到期', en: '81, subsistence household, care level 3, assessment ends in 45 days' } },
];

function compact(date: string): string {
  return date.replaceAll('-', '');
}

/** Builds the demo residents, with their ID numbers and card data, as of a Shanghai date. */
export function demoResidents(today: string): DemoResident[] {
  return DEMO_RESIDENT_DEFINITIONS.map((d) => {
    const birthDate = addDays(addYears(today, -d.age), -d.daysSinceBirthday);
    // The 17th digit is odd for men and even for women.
    const sexDigit = d.sex === 'male' ? 2 * (d.sequence % 5) + 1 : 2 * (d.sequence % 5);
    const first17 = `${d.regionCode}${compact(birthDate)}${String(d.sequence % 100).padStart(2, '0')}${sexDigit}`;
    const idNumber = first17 + idNumberCheckDigit(first17);
    // A card issued at 60 or later is valid for long (长期); before that for 20 years.
    const validFrom = addYears(birthDate, Math.min(d.age, 60) - 2 + (d.age >= 60 ? 2 : 0));
    const validTo = d.age >= 60 ? 'long-term' : addYears(validFrom, 20);
    const card: IdCardData = d.document
      ? documentCard(d, d.document, birthDate, idNumber)
      : {
          cardType: 'resident',
          name: d.name,
          sex: d.sex,
          nationCode: '01',
          birthDate,
          address: d.address,
          idNumber,
          issuingAuthority: d.issuingAuthority,
          validFrom,
          validTo,
        };
    const assessmentValidUntil = d.assessmentEndsInDays === undefined ? null : addDays(today, d.assessmentEndsInDays);
    return { ...d, birthDate, idNumber, card, assessmentValidUntil };
  });
}

/** Foreign permanent resident cards run ten years and HK/Macau/Taiwan permits five; both were issued last year. */
function documentCard(d: DemoResidentDefinition, doc: DemoDocument, birthDate: string, idNumber: string): IdCardData {
  const validFrom = addYears(birthDate, d.age - 1);
  const common = { name: d.name, sex: d.sex, nationCode: '', birthDate, idNumber, validFrom, issueCount: doc.issueCount };
  if (doc.kind === 'foreign-permanent') {
    // The chip of a 2023 card holds no address and no issuing authority.
    return { cardType: 'foreign-permanent', ...common, address: '', issuingAuthority: '', validTo: addYears(validFrom, 10),
      englishName: doc.englishName, nationality: doc.nationality };
  }
  return { cardType: 'hkmo-tw-permit', ...common, address: d.address, issuingAuthority: d.issuingAuthority,
    validTo: addYears(validFrom, 5), passNumber: doc.passNumber };
}

export function findDemoResident(today: string, key: string): DemoResident | undefined {
  return demoResidents(today).find((r) => r.key === key);
}
