import type { EligibilityView, IdentifyResponse } from '@eldercare/domain';
import { eligibilityFor, type KioskServiceKey } from './service-flow-types';
import { KIOSK_SERVICE_KEYS, type RegisteredServiceKey } from './service-flows';

/**
 * The kiosk menu's pages. Twelve services do not fit one screen a senior can take in, so the
 * menu's first page holds what most people come for (the allowance channel and the senior card
 * stay one tap away: the tap budget counts on it), and two group buttons open the rest.
 */
export type MenuPage = 'home' | 'apply' | 'daily';
export const MENU_GROUP_PAGES = ['apply', 'daily'] as const satisfies readonly MenuPage[];
export type MenuGroupPage = (typeof MENU_GROUP_PAGES)[number];

/** Where each service sits; a service added later without a place here joins 申请补贴与服务. */
const PAGE_OF: Record<KioskServiceKey, MenuPage> = {
  'allowance-channel': 'home',
  'senior-card': 'home',
  'ltc-joint': 'home',
  progress: 'home',
  'home-visit': 'home',
  'home-adaptation': 'apply',
  'meal-assistance': 'apply',
  'meal-assistance-change': 'apply',
  'assistive-device-rental': 'apply',
  'senior-education': 'daily',
  'taxi-hailing': 'daily',
  'sports-voucher': 'daily',
};

export function menuPageOf(key: string): MenuPage {
  return (PAGE_OF as Record<string, MenuPage | undefined>)[key] ?? 'apply';
}

export interface MenuEntry {
  serviceKey: RegisteredServiceKey;
  available: boolean;
  /** Why not, in the server's words (empty when available or when the server gave none). */
  reasons: EligibilityView['reasons'];
}

/**
 * Whether the person can use a menu entry. Catalogue services: the server's verdict. The joint
 * application (一件事): when at least one of its three services is possible (its own screens say
 * which). 进度查询 always. 上门办: unless the server says otherwise (it is not a catalogue service).
 */
export function menuEntryFor(identity: IdentifyResponse, serviceKey: RegisteredServiceKey): MenuEntry {
  const key: string = serviceKey;
  if (key === 'progress') return { serviceKey, available: true, reasons: [] };
  if (key === 'ltc-joint') {
    const options = identity.joint?.options ?? [];
    const available = options.some((o) => o.availability !== 'no');
    const reasons = available ? [] : uniqueReasons(options.flatMap((o) => o.reasons));
    return { serviceKey, available, reasons };
  }
  const verdict = identity.eligibility.find((e) => e.serviceKey === key);
  if (!verdict && key === 'home-visit') return { serviceKey, available: true, reasons: [] };
  const { eligible, reasons } = eligibilityFor(identity, key);
  return { serviceKey, available: eligible, reasons: eligible ? [] : reasons };
}

function uniqueReasons(reasons: EligibilityView['reasons']): EligibilityView['reasons'] {
  const seen = new Set<string>();
  return reasons.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

export interface MenuGroupSummary {
  page: MenuGroupPage;
  /** Registered services on that page, and how many of them the person can use. */
  total: number;
  available: number;
}

export interface MenuView {
  page: MenuPage;
  /** The page's services, the ones the person can use first (otherwise in registry order). */
  entries: MenuEntry[];
  /** On the home page: the group pages that have at least one registered service. */
  groups: MenuGroupSummary[];
}

/** What one page of the menu shows for this person, from the registered flows only. */
export function menuView(
  identity: IdentifyResponse,
  page: MenuPage,
  keys: readonly RegisteredServiceKey[] = KIOSK_SERVICE_KEYS,
): MenuView {
  const all = keys.map((key) => menuEntryFor(identity, key));
  const onPage = all.filter((e) => menuPageOf(e.serviceKey) === page);
  const entries = [...onPage.filter((e) => e.available), ...onPage.filter((e) => !e.available)];
  const groups =
    page === 'home'
      ? MENU_GROUP_PAGES.map((group) => {
          const inGroup = all.filter((e) => menuPageOf(e.serviceKey) === group);
          return { page: group, total: inGroup.length, available: inGroup.filter((e) => e.available).length };
        }).filter((g) => g.total > 0)
      : [];
  return { page, entries, groups };
}
