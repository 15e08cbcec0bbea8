import { Type, type Static } from 'typebox';

/**
 * 申程出行: the ride-hailing platform's HTTP JSON protocol, as the server's client speaks it
 * and the simulator (server/src/taxi/ride-hailing-simulator.ts) answers it. Documented in
 * server/README.md ("Ride hailing").
 *
 *   POST {base}/v1/rides                   RideBookingRequest → 201 RideView
 *   GET  {base}/v1/rides/:bookingRef       → 200 RideView | 404 RideError
 *   POST {base}/v1/rides/:bookingRef/cancel → 200 RideView | 404 | 409 RideError
 *   503 RideError { code: 'NO_DRIVERS' } when no car can come.
 */

export const RidePickupSchema = Type.Object(
  {
    /** The community service centre the taxi comes to (its door). */
    centreId: Type.String({ minLength: 1, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type RidePickup = Static<typeof RidePickupSchema>;

/** Home: the registered address is passed on; tell-driver: the passenger says it on board. */
export const RideDestinationSchema = Type.Union([
  Type.Object({ kind: Type.Literal('home'), address: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('tell-driver') }, { additionalProperties: false }),
]);
export type RideDestination = Static<typeof RideDestinationSchema>;

export const RideBookingRequestSchema = Type.Object(
  {
    pickup: RidePickupSchema,
    destination: RideDestinationSchema,
    /** The passenger's mobile, for the driver to call. */
    passengerPhone: Type.String({ pattern: '^1[3-9]\\d{9}$' }),
  },
  { additionalProperties: false },
);
export type RideBookingRequest = Static<typeof RideBookingRequestSchema>;

export const RideStatusSchema = Type.Union([
  Type.Literal('dispatched'), // 已派车
  Type.Literal('arriving'), // 即将到达
  Type.Literal('picked-up'), // 已上车
  Type.Literal('cancelled'),
]);
export type RideStatus = Static<typeof RideStatusSchema>;

export const RideViewSchema = Type.Object({
  bookingRef: Type.String({ minLength: 1, maxLength: 64 }),
  status: RideStatusSchema,
  /** e.g. 沪A·D12345 */
  plate: Type.String({ minLength: 1, maxLength: 16 }),
  car: Type.Object({ model: Type.String(), colour: Type.Object({ zh: Type.String(), en: Type.String() }) }),
  /** Minutes until the car is at the door (0 once there). */
  etaMinutes: Type.Integer({ minimum: 0 }),
  bookedAt: Type.String({ format: 'date-time' }),
});
export type RideView = Static<typeof RideViewSchema>;

export const RideErrorSchema = Type.Object({ code: Type.String(), message: Type.String() });
export type RideError = Static<typeof RideErrorSchema>;
