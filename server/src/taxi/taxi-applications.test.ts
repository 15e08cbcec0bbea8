import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_CENTRE_ID } from '../queue/demo-queue-centre';
import { describeOnEachDatabase, TEST_DATA_KEY } from '../testing/test-databases';
import { asApplication, identify, postApplication, strangerCard, TEST_INSTANT, TestClock } from '../testing/test-kiosk';
import { startRideHailingSimulator, type RunningRideHailingSimulator } from './ride-hailing-simulator';

describeOnEachDatabase('taxi hailing (申程出行)', (target) => {
  let app: FastifyInstance;
  let unconfigured: FastifyInstance;
  let sim: RunningRideHailingSimulator;
  const clock = new TestClock(TEST_INSTANT);
  let sequence = 400;
  const token = async (on: FastifyInstance = app) => (await identify(on, strangerCard({ birthDate: '1948-02-02', sequence: sequence++ }))).identifyToken;
  const hail = (identifyToken: string, answers: Record<string, unknown>, key: string, on: FastifyInstance = app) =>
    postApplication(on, { serviceKey: 'taxi-hailing', identifyToken, answers: { centreId: DEMO_CENTRE_ID, destination: 'home', phone: '13912345678', ...answers } }, key);

  beforeAll(async () => {
    sim = await startRideHailingSimulator({ clock: clock.read, seed: 11 });
    const database = await target.create();
    app = await buildApp({ database, dataKey: TEST_DATA_KEY, clock: clock.read, rideHailing: { baseUrl: sim.url } });
    unconfigured = await buildApp({ database: await target.create(), dataKey: TEST_DATA_KEY, clock: clock.read });
  });
  afterAll(async () => {
    await app?.close();
    await unconfigured?.close();
    await sim?.close();
  });

  it('books a car to the centre at once: one completed transport part, plate and ETA on the receipt', async () => {
    const view = asApplication(await hail(await token(), {}, 'taxi-1'));
    const [ride] = sim.rides().slice(-1);
    expect(view).toMatchObject({ serviceKey: 'taxi-hailing', status: 'completed' });
    expect(view.parts).toMatchObject([{ department: 'transport', kind: 'instant', status: 'completed' }]);
    const detail = (zh: string) => view.details.find((d) => d.label.zh === zh)?.value;
    expect(detail('车牌号')).toEqual({ zh: ride!.plate, en: ride!.plate });
    expect(detail('预计到达')).toEqual({ zh: `约${ride!.etaMinutes}分钟`, en: `about ${ride!.etaMinutes} min` });
    expect(detail('上车地点')!.zh).toBe('徐汇区天平路街道社区事务受理服务中心（演示）门口');
    expect(detail('订单号')!.zh).toBe(ride!.bookingRef);
    expect(detail('请注意')!.zh).toContain('门口');
    // The booking is stored in clear without the phone or the home address.
    const [row] = await app.db.query<{ result: Record<string, unknown> }>('SELECT result FROM applications WHERE application_no = $1', [view.applicationNo]);
    expect(row!.result).toMatchObject({ bookingRef: ride!.bookingRef, plate: ride!.plate, etaMinutes: ride!.etaMinutes });
    expect(JSON.stringify(row!.result)).not.toMatch(/1391234|静安区/);
  });

  it('a retry with the same Idempotency-Key books no second car', async () => {
    const identifyToken = await token();
    const before = sim.rides().length;
    const first = asApplication(await hail(identifyToken, { destination: 'tell-driver' }, 'taxi-retry'));
    const again = await hail(identifyToken, { destination: 'tell-driver' }, 'taxi-retry');
    expect(again.json().applicationNo).toBe(first.applicationNo);
    expect(sim.rides().length).toBe(before + 1);
  });

  it('no free car: 503 TAXI_UNAVAILABLE with a clear message, and nothing stored', async () => {
    sim.setDriversAvailable(false);
    try {
      const res = await hail(await token(), {}, 'taxi-none', app);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'TAXI_UNAVAILABLE', message: expect.stringContaining('叫不到车') });
      const rows = await app.db.query(`SELECT 1 FROM idempotency_keys WHERE idempotency_key = 'taxi-none'`);
      expect(rows).toHaveLength(0);
    } finally {
      sim.setDriversAvailable(true);
    }
  });

  it('without RIDE_HAILING_URL configured: 503 TAXI_UNAVAILABLE', async () => {
    const res = await hail(await token(unconfigured), {}, 'taxi-unconfigured', unconfigured);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'TAXI_UNAVAILABLE' });
  });

  it('a centre the server does not know: 400 TAXI_PICKUP_UNKNOWN, no car booked', async () => {
    const before = sim.rides().length;
    const res = await hail(await token(), { centreId: 'nowhere' }, 'taxi-nowhere');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TAXI_PICKUP_UNKNOWN' });
    expect(sim.rides().length).toBe(before);
  });

  it('a car booked for an application that is then not stored is cancelled with the platform', async () => {
    // Storing fails after the booking: the database refuses this one application's row.
    await app.db.query(`CREATE FUNCTION refuse_taxi_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.answers->>'destination' = 'tell-driver' AND NEW.phone_enc IS NOT NULL THEN RAISE EXCEPTION 'storage failed'; END IF; RETURN NEW; END $$`);
    await app.db.query('CREATE TRIGGER refuse_taxi_row BEFORE INSERT ON applications FOR EACH ROW EXECUTE FUNCTION refuse_taxi_row()');
    try {
      const before = sim.rides().length;
      const res = await hail(await token(), { destination: 'tell-driver' }, 'taxi-not-stored');
      expect(res.statusCode).toBe(500);
      const rides = sim.rides();
      expect(rides).toHaveLength(before + 1);
      expect(rides.at(-1)!.status).toBe('cancelled');
      expect(await app.db.query(`SELECT 1 FROM idempotency_keys WHERE idempotency_key = 'taxi-not-stored'`)).toHaveLength(0);
    } finally {
      await app.db.query('DROP TRIGGER refuse_taxi_row ON applications');
      await app.db.query('DROP FUNCTION refuse_taxi_row()');
    }
    // The next booking is kept.
    expect(asApplication(await hail(await token(), {}, 'taxi-after')).status).toBe('completed');
    expect(sim.rides().at(-1)!.status).toBe('dispatched');
  });

  // Last: it stops the simulator this app books through.
  it('the platform down is 503 TAXI_UNAVAILABLE, never 500', async () => {
    const identifyToken = await token();
    await sim.close();
    const res = await hail(identifyToken, {}, 'taxi-down');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'TAXI_UNAVAILABLE' });
  });
});
