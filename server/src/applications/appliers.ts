import type { ApplicationRequest } from '@eldercare/domain';
import type { ApplierFor, ServiceApplier } from './service-applier';
import { allowanceChannelApplier } from './services/allowance-channel';
import { assistiveDeviceRentalApplier } from './services/assistive-device-rental';
import { homeAdaptationApplier } from './services/home-adaptation';
import { homeVisitApplier } from './services/home-visit';
import { ltcJointApplier } from './services/ltc-joint';
import { mealAssistanceApplier } from './services/meal-assistance';
import { mealAssistanceChangeApplier } from './services/meal-assistance-change';
import { seniorCardApplier } from './services/senior-card';
import { sportsVoucherApplier } from './services/sports-voucher';
import { seniorEducationApplier } from './services/senior-education';
import { taxiHailingApplier } from './services/taxi-hailing';

export type ApplicationKey = ApplicationRequest['serviceKey'];

/** serviceKey → its applier. A key without one is refused with SERVICE_NOT_AVAILABLE (422). */
export type ApplierMap = { [K in ApplicationKey]?: ApplierFor<K> };

export const appliers: ApplierMap = {
  'allowance-channel': allowanceChannelApplier,
  'senior-card': seniorCardApplier,
  'ltc-joint': ltcJointApplier,
  'home-adaptation': homeAdaptationApplier,
  'meal-assistance': mealAssistanceApplier,
  'meal-assistance-change': mealAssistanceChangeApplier,
  'assistive-device-rental': assistiveDeviceRentalApplier,
  'sports-voucher': sportsVoucherApplier,
  'senior-education': seniorEducationApplier,
  // Describes stored bookings; books nothing (services-plugin gives the service one with a platform).
  'taxi-hailing': taxiHailingApplier(null),
  'home-visit': homeVisitApplier,
};

/** The applier of a key, typed for the whole request union (each applier only sees its own requests). */
export function applierFor(map: ApplierMap, key: string): ServiceApplier | undefined {
  return (map as Record<string, ServiceApplier | undefined>)[key];
}
