import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RideBookingRequestSchema, seededRandom, type RideStatus, type RideView } from '@eldercare/domain';
import { Value } from 'typebox/value';

/**
 * A stand-in for 申程出行 speaking the same HTTP JSON protocol as the real platform
 * (domain/src/contracts/taxi-api.ts): it assigns a car and a plate, gives an ETA from a seeded
 * random, and moves each ride dispatched → arriving → picked-up on its clock. `npm start` runs
 * one; tests start one on port 0 with a clock they move by hand.
 */
export interface RideHailingSimulatorOptions {
  port?: number;
  host?: string;
  /** Same seed, same plates and ETAs. Default 2024. */
  seed?: number;
  clock?: () => Date;
  /** ETA range in whole minutes. Default 3–12. */
  etaMinutes?: { min: number; max: number };
}

export interface RunningRideHailingSimulator {
  url: string;
  /** false: every booking is refused with 503 NO_DRIVERS (rush hour, or a test). */
  setDriversAvailable(available: boolean): void;
  /** The rides booked so far, as the platform would show them now. */
  rides(): RideView[];
  close(): Promise<void>;
}

/** The car is "arriving" for the last two minutes before it is at the door. */
const ARRIVING_MS = 2 * 60_000;
/** A car waits at the door this long for the passenger, then counts them as picked up. */
const BOARDING_MS = 60_000;

const CARS = [
  { model: '荣威Ei5', colour: { zh: '绿色', en: 'Green' } },
  { model: '大众途安', colour: { zh: '蓝绿色', en: 'Turquoise' } },
  { model: '比亚迪秦', colour: { zh: '白色', en: 'White' } },
  { model: '大众朗逸', colour: { zh: '黄色', en: 'Yellow' } },
] as const;
const PLATE_LETTERS = 'ABDEFGH';
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

interface Ride {
  bookingRef: string;
  plate: string;
  car: (typeof CARS)[number];
  bookedAt: Date;
  arrivesAt: Date;
  cancelled: boolean;
}

function statusOf(ride: Ride, now: Date): { status: RideStatus; etaMinutes: number } {
  const left = ride.arrivesAt.getTime() - now.getTime();
  const etaMinutes = Math.max(0, Math.ceil(left / 60_000));
  if (ride.cancelled) return { status: 'cancelled', etaMinutes };
  if (left > ARRIVING_MS) return { status: 'dispatched', etaMinutes };
  if (left > -BOARDING_MS) return { status: 'arriving', etaMinutes };
  return { status: 'picked-up', etaMinutes: 0 };
}

function view(ride: Ride, now: Date): RideView {
  return {
    bookingRef: ride.bookingRef,
    plate: ride.plate,
    car: { model: ride.car.model, colour: { ...ride.car.colour } },
    bookedAt: ride.bookedAt.toISOString(),
    ...statusOf(ride, now),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startRideHailingSimulator(options: RideHailingSimulatorOptions = {}): Promise<RunningRideHailingSimulator> {
  const random = seededRandom(options.seed ?? 2024);
  const clock = options.clock ?? (() => new Date());
  const eta = options.etaMinutes ?? { min: 3, max: 12 };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rides = new Map<string, Ride>();
  let available = true;
  let sequence = 0;

  const book = (now: Date): Ride => {
    sequence++;
    const plate = `沪${pick([...PLATE_LETTERS])}·${Array.from({ length: 5 }, () => pick([...PLATE_CHARS])).join('')}`;
    const minutes = eta.min + Math.floor(random() * (eta.max - eta.min + 1));
    const ride: Ride = {
      bookingRef: `SC${String(sequence).padStart(6, '0')}${Math.floor(random() * 1e4).toString().padStart(4, '0')}`,
      plate,
      car: pick(CARS),
      bookedAt: now,
      arrivesAt: new Date(now.getTime() + minutes * 60_000),
      cancelled: false,
    };
    rides.set(ride.bookingRef, ride);
    return ride;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const now = clock();
    const match = /^\/v1\/rides\/([A-Za-z0-9]{1,64})(\/cancel)?$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/v1/rides') {
      const body = await readJson(req).catch(() => undefined);
      if (!Value.Check(RideBookingRequestSchema, body)) return send(res, 400, { code: 'BAD_REQUEST', message: 'Not a RideBookingRequest' });
      if (!available) return send(res, 503, { code: 'NO_DRIVERS', message: 'No car is free near the pick-up' });
      return send(res, 201, view(book(now), now));
    }
    if (!match) return send(res, 404, { code: 'NOT_FOUND', message: `No route ${req.method} ${url.pathname}` });
    const ride = rides.get(match[1]!);
    if (!ride) return send(res, 404, { code: 'RIDE_NOT_FOUND', message: `No ride ${match[1]}` });
    if (req.method === 'GET' && !match[2]) return send(res, 200, view(ride, now));
    if (req.method === 'POST' && match[2]) {
      if (statusOf(ride, now).status === 'picked-up') return send(res, 409, { code: 'ALREADY_PICKED_UP', message: 'The passenger is on board' });
      ride.cancelled = true;
      return send(res, 200, view(ride, now));
    }
    return send(res, 405, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} not allowed here` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, { code: 'SIMULATOR_ERROR', message: err.message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    setDriversAvailable(value) {
      available = value;
    },
    rides: () => [...rides.values()].map((ride) => view(ride, clock())),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
