import type { IdentifyResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { menuEntryFor, menuPageOf, menuView } from './kiosk-session-machine-menu';
import { KIOSK_SERVICE_KEYS, type RegisteredServiceKey } from './service-flows';
import { identityOf } from './testing/fixtures';

/** Every key the menu may show, as if all were registered (the registry grows while others work). */
const ALL = [
  'allowance-channel',
  'senior-card',
  'ltc-joint',
  'home-adaptation',
  'meal-assistance',
  'meal-assistance-change',
  'assistive-device-rental',
  'senior-education',
  'taxi-hailing',
  'sports-voucher',
  'home-visit',
  'progress',
] as unknown as RegisteredServiceKey[];

const jointOption = (serviceKey: 'ltc-assessment' | 'care-subsidy' | 'care-home-admission', availability: 'now' | 'with-assessment' | 'no') => ({
  serviceKey,
  availability,
  reasons: availability === 'no' ? [{ code: `${serviceKey}-no`, text: { zh: '不可', en: 'no' } }] : [],
});

function withJoint(identity: IdentifyResponse, ...options: ReturnType<typeof jointOption>[]): IdentifyResponse {
  return { ...identity, joint: { reassessmentDue: false, assessmentValidUntil: null, insurance: null, options } };
}

describe('the kiosk menu', () => {
  it('shows every registered flow, on the first page or behind a group button', () => {
    const identity = identityOf('firstTimer');
    const pages = (['home', 'apply', 'daily'] as const).map((page) => menuView(identity, page).entries.map((e) => e.serviceKey));
    expect(pages.flat().sort()).toEqual([...KIOSK_SERVICE_KEYS].sort());
    // The allowance channel and the senior card stay one tap from the menu (tap budget).
    expect(menuPageOf('allowance-channel')).toBe('home');
    expect(menuPageOf('senior-card')).toBe('home');
  });

  it('puts the available services first, keeps the others with their reasons, and counts per group', () => {
    const identity = identityOf('hasChannel');
    const home = menuView(identity, 'home', ALL);
    expect(home.entries.map((e) => e.serviceKey)).toEqual(
      [...home.entries.filter((e) => e.available), ...home.entries.filter((e) => !e.available)].map((e) => e.serviceKey),
    );
    expect(home.entries.map((e) => e.serviceKey).sort()).toEqual(['allowance-channel', 'home-visit', 'ltc-joint', 'progress', 'senior-card']);
    expect(home.groups.map((g) => [g.page, g.total])).toEqual([
      ['apply', 4],
      ['daily', 3],
    ]);
    const apply = menuView(identity, 'apply', ALL);
    expect(apply.groups).toEqual([]);
    for (const entry of apply.entries) {
      const verdict = identity.eligibility.find((e) => e.serviceKey === entry.serviceKey)!;
      expect(entry.available).toBe(verdict.eligible);
      expect(entry.reasons).toEqual(verdict.eligible ? [] : verdict.reasons);
    }
    expect(home.groups[0]!.available).toBe(apply.entries.filter((e) => e.available).length);
  });

  it('the joint application is available when one of its three services is, from identity.joint', () => {
    const person = identityOf('hasChannel');
    const joint = (identity: IdentifyResponse) => menuEntryFor(identity, 'ltc-joint' as RegisteredServiceKey);
    expect(joint(withJoint(person, jointOption('ltc-assessment', 'now'), jointOption('care-subsidy', 'with-assessment'))).available).toBe(true);
    const none = joint(withJoint(person, jointOption('ltc-assessment', 'no'), jointOption('care-subsidy', 'no'), jointOption('care-home-admission', 'no')));
    expect(none.available).toBe(false);
    expect(none.reasons.map((r) => r.code)).toEqual(['ltc-assessment-no', 'care-subsidy-no', 'care-home-admission-no']);
    // No joint options from the server: nothing to offer.
    expect(joint(person)).toEqual({ serviceKey: 'ltc-joint', available: false, reasons: [] });
  });

  it('进度查询 is always there; 上门办 unless the server says otherwise; a service without a verdict is not available', () => {
    const identity = identityOf('tooYoung');
    expect(menuEntryFor(identity, 'progress' as RegisteredServiceKey).available).toBe(true);
    expect(menuEntryFor(identity, 'home-visit' as RegisteredServiceKey).available).toBe(true);
    const refused = { ...identity, eligibility: [...identity.eligibility, { serviceKey: 'home-visit', eligible: false, reasons: [] }] };
    expect(menuEntryFor(refused, 'home-visit' as RegisteredServiceKey).available).toBe(false);
    expect(menuEntryFor({ ...identity, eligibility: [] }, 'senior-card').available).toBe(false);
    expect(menuPageOf('a-service-added-later')).toBe('apply');
  });
});
