import type { Localized } from './service-definition';

export interface DistrictStreet {
  key: string;
  name: Localized;
}

/**
 * Streets (roads) of the centre's district, for a new residence address typed at the kiosk
 * (助餐信息变更): the senior picks the street from this list and types only the numbers. The
 * demo centre is in 长宁区; a deployment in another district replaces this list.
 */
export const DISTRICT = { key: 'changning', name: { zh: '长宁区', en: 'Changning District' } } as const;

export const DISTRICT_STREETS: readonly DistrictStreet[] = [
  { key: 'tianshan-lu', name: { zh: '天山路', en: 'Tianshan Road' } },
  { key: 'xianxia-lu', name: { zh: '仙霞路', en: 'Xianxia Road' } },
  { key: 'hami-lu', name: { zh: '哈密路', en: 'Hami Road' } },
  { key: 'yuyuan-lu', name: { zh: '愚园路', en: 'Yuyuan Road' } },
  { key: 'jiangsu-lu', name: { zh: '江苏路', en: 'Jiangsu Road' } },
  { key: 'yanan-xilu', name: { zh: '延安西路', en: "West Yan'an Road" } },
  { key: 'changning-lu', name: { zh: '长宁路', en: 'Changning Road' } },
  { key: 'xinhua-lu', name: { zh: '新华路', en: 'Xinhua Road' } },
  { key: 'wuyi-lu', name: { zh: '武夷路', en: 'Wuyi Road' } },
  { key: 'weining-lu', name: { zh: '威宁路', en: 'Weining Road' } },
  { key: 'gubei-lu', name: { zh: '古北路', en: 'Gubei Road' } },
  { key: 'loushanguan-lu', name: { zh: '娄山关路', en: 'Loushanguan Road' } },
  { key: 'shuicheng-lu', name: { zh: '水城路', en: 'Shuicheng Road' } },
  { key: 'jianhe-lu', name: { zh: '剑河路', en: 'Jianhe Road' } },
  { key: 'xinjing-lu', name: { zh: '新泾路', en: 'Xinjing Road' } },
];

export function findDistrictStreet(key: string): DistrictStreet | undefined {
  return DISTRICT_STREETS.find((s) => s.key === key);
}

/** 上海市长宁区天山路345弄12号301室 from the street and the typed numbers. */
export function formatResidenceAddress(street: DistrictStreet, parts: { lane?: string; building: string; room: string }): string {
  const lane = parts.lane === undefined ? '' : `${Number(parts.lane)}弄`;
  return `上海市${DISTRICT.name.zh}${street.name.zh}${lane}${Number(parts.building)}号${Number(parts.room)}室`;
}
