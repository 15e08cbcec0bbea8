import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../testing/test-kiosk';
import { RideHailingClient } from './ride-hailing-client';
import { startRideHailingSimulator, type RunningRideHailingSimulator } from './ride-hailing-simulator';
import { RideNotFoundError, TaxiUnavailableError } from './taxi-errors';

const booking = {
  pickup: { centreId: 'xuhui-tianping', name: '天平路街道社区事务受理服务中心' },
  destination: { kind: 'tell-driver' as const },
  passengerPhone: '13912345678',
};

describe('RideHailingClient against the simulator', () => {
  const clock = new TestClock(new Date('2026-03-10T02:00:00Z'));
  let sim: RunningRideHailingSimulator;
  let client: RideHailingClient;

  beforeAll(async () => {
    sim = await startRideHailingSimulator({ clock: clock.read, seed: 7, etaMinutes: { min: 5, max: 5 } });
    client = new RideHailingClient({ baseUrl: sim.url });
  });
  afterAll(() => sim.close());

  it('books a car with a Shanghai plate and an ETA, then it arrives and picks the passenger up on the clock', async () => {
    const ride = await client.book({ ...booking, destination: { kind: 'home', address: '上海市徐汇区天平路1号' } });
    expect(ride).toMatchObject({ status: 'dispatched', etaMinutes: 5, bookedAt: clock.now.toISOString() });
    expect(ride.plate).toMatch(/^沪[A-H]·[0-9A-Z]{5}$/);
    expect(ride.bookingRef).toMatch(/^SC\d{10}$/);
    clock.advance(3 * 60_000);
    expect(await client.status(ride.bookingRef)).toMatchObject({ status: 'arriving', etaMinutes: 2 });
    clock.advance(2 * 60_000);
    expect(await client.status(ride.bookingRef)).toMatchObject({ status: 'arriving', etaMinutes: 0 });
    clock.advance(60_000);
    expect(await client.status(ride.bookingRef)).toMatchObject({ status: 'picked-up', etaMinutes: 0 });
  });

  it('cancels a ride that has not picked anyone up', async () => {
    const ride = await client.book(booking);
    expect(await client.cancel(ride.bookingRef)).toMatchObject({ bookingRef: ride.bookingRef, status: 'cancelled' });
    expect((await client.status(ride.bookingRef)).status).toBe('cancelled');
  });

  it('the same seed gives the same plates and ETAs', async () => {
    const a = await startRideHailingSimulator({ clock: clock.read, seed: 42 });
    const b = await startRideHailingSimulator({ clock: clock.read, seed: 42 });
    try {
      const rideA = await new RideHailingClient({ baseUrl: a.url }).book(booking);
      const rideB = await new RideHailingClient({ baseUrl: b.url }).book(booking);
      expect({ ...rideA }).toEqual({ ...rideB });
      expect(rideA.etaMinutes).toBeGreaterThanOrEqual(3);
      expect(rideA.etaMinutes).toBeLessThanOrEqual(12);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('an unknown booking is RideNotFoundError', async () => {
    await expect(client.status('SC0000000000')).rejects.toBeInstanceOf(RideNotFoundError);
  });

  it('no free car is TAXI_UNAVAILABLE (503)', async () => {
    sim.setDriversAvailable(false);
    try {
      const error = await client.book(booking).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaxiUnavailableError);
      expect(error).toMatchObject({ code: 'TAXI_UNAVAILABLE', statusCode: 503 });
      expect((error as TaxiUnavailableError).reason).toContain('NO_DRIVERS');
    } finally {
      sim.setDriversAvailable(true);
    }
  });

  it('a platform that is down is TAXI_UNAVAILABLE, not an unhandled error', async () => {
    const down = await startRideHailingSimulator();
    const url = down.url;
    await down.close();
    const error = await new RideHailingClient({ baseUrl: url }).book(booking).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaxiUnavailableError);
    expect((error as TaxiUnavailableError).reason).toMatch(/^unreachable/);
  });

  it('an answer that is not a ride is TAXI_UNAVAILABLE', async () => {
    // The simulator's own 404 for a path it does not serve: JSON, but no RideView.
    const wrongBase = new RideHailingClient({ baseUrl: `${sim.url}/elsewhere` });
    await expect(wrongBase.book(booking)).rejects.toMatchObject({ code: 'TAXI_UNAVAILABLE' });
  });

  it('the simulator refuses a booking that does not follow the protocol with 400', async () => {
    const res = await fetch(`${sim.url}/v1/rides`, { method: 'POST', body: JSON.stringify({ pickup: {} }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('only http(s) base URLs are accepted', () => {
    expect(() => new RideHailingClient({ baseUrl: 'file:///etc/passwd' })).toThrow(/http/);
  });
});
