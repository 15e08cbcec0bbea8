import { translate, type Localized } from '@eldercare/domain';
import type { RideHailing } from '../../taxi/ride-hailing-client';
import { TaxiPickupUnknownError, TaxiUnavailableError } from '../../taxi/taxi-errors';
import { line, verbatim, words } from '../details';
import type { ApplierFor } from '../service-applier';

interface TaxiResult {
  bookingRef: string;
  plate: string;
  car: { model: string; colour: Localized };
  etaMinutes: number;
  bookedAt: string;
  pickup: { centreId: string; name: Localized };
}

function both(key: Parameters<typeof translate>[1], params: (lang: 'zh' | 'en') => Record<string, string | number>): Localized {
  return { zh: translate('zh-CN', key, params('zh')), en: translate('en', key, params('en')) };
}

/**
 * 申程出行: books a taxi to the kiosk's centre synchronously, so the receipt shows the plate and
 * the ETA. The booking is the whole service: one transport part, completed at once. Without a
 * platform configured (RIDE_HAILING_URL) or when it fails, TAXI_UNAVAILABLE (503). A booking whose
 * application is then not stored (the transaction fails) is cancelled with the platform.
 */
export function taxiHailingApplier(rideHailing: RideHailing | null): ApplierFor<'taxi-hailing'> {
  return {
    async apply(request, { tx, resident, onRollback }) {
      const { centreId, destination, phone } = request.answers;
      const [centre] = await tx.query<{ name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM centres WHERE id = $1', [centreId]);
      if (!centre) throw new TaxiPickupUnknownError(centreId);
      if (!rideHailing) throw new TaxiUnavailableError('no ride-hailing platform configured (RIDE_HAILING_URL)');
      const ride = await rideHailing.book({
        pickup: { centreId, name: centre.name_zh },
        // Home is the registered address: the driver needs it, nobody else sees it.
        destination: destination === 'home' ? { kind: 'home', address: resident.address } : { kind: 'tell-driver' },
        passengerPhone: phone,
      });
      // Booked before the application is stored: if storing fails, the car is cancelled.
      onRollback(() => rideHailing.cancel(ride.bookingRef));
      const result: TaxiResult = {
        bookingRef: ride.bookingRef,
        plate: ride.plate,
        car: ride.car,
        etaMinutes: ride.etaMinutes,
        bookedAt: ride.bookedAt,
        pickup: { centreId, name: { zh: centre.name_zh, en: centre.name_en } },
      };
      return {
        status: 'completed',
        answers: { centreId, destination },
        phone,
        mailingAddress: null,
        result: { ...result },
        parts: [{ serviceKey: 'taxi-hailing', department: 'transport', kind: 'instant', status: 'completed' }],
      };
    },

    describe({ answers, result }) {
      const taxi = result as unknown as TaxiResult;
      return [
        line('taxi.details.plate', verbatim(taxi.plate)),
        line('taxi.details.car', both('taxi.details.carValue', (lang) => ({ colour: taxi.car.colour[lang], model: taxi.car.model }))),
        line('taxi.details.eta', both('taxi.details.etaValue', () => ({ minutes: taxi.etaMinutes }))),
        line('taxi.details.pickup', both('taxi.details.pickupValue', (lang) => ({ centre: taxi.pickup.name[lang] }))),
        line('taxi.details.destination', words(answers.destination === 'home' ? 'taxi.destination.home' : 'taxi.destination.tell-driver')),
        line('taxi.details.bookingRef', verbatim(taxi.bookingRef)),
        line('taxi.details.wait', words('taxi.details.waitValue')),
      ];
    },
  };
}
