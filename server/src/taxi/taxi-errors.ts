import { ApiError } from '../errors/api-error';

/**
 * 503: the ride-hailing platform cannot take the booking now (unreachable, too slow, no cars, or
 * an answer the client does not understand). The senior is told to try later or ask staff;
 * `reason` says which, for logs.
 */
export class TaxiUnavailableError extends ApiError {
  constructor(readonly reason: string) {
    super('TAXI_UNAVAILABLE', 503, `No taxi can be booked now: ${reason}`);
  }
}

/** 400: the kiosk named a centre the server does not know, so there is nowhere to send the car. */
export class TaxiPickupUnknownError extends ApiError {
  constructor(centreId: string) {
    super('TAXI_PICKUP_UNKNOWN', 400, `Centre ${centreId} is not registered`, [{ path: '/answers/centreId', message: 'not a registered centre' }]);
  }
}

/** 404 from the platform: no booking with that reference. */
export class RideNotFoundError extends ApiError {
  constructor(bookingRef: string) {
    super('RIDE_NOT_FOUND', 404, `No ride ${bookingRef}`);
  }
}
