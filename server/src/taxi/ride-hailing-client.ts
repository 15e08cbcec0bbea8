import { RideErrorSchema, RideViewSchema, type RideBookingRequest, type RideView } from '@eldercare/domain';
import { Value } from 'typebox/value';
import { RideNotFoundError, TaxiUnavailableError } from './taxi-errors';

export interface RideHailingClientOptions {
  /** Base URL of the platform, e.g. http://127.0.0.1:7431 (RIDE_HAILING_URL). */
  baseUrl: string;
  /** Give up after this long: the senior is waiting at the kiosk. Default 8 s. */
  timeoutMs?: number;
  /** Sent as `Authorization: Bearer …` when set (RIDE_HAILING_TOKEN). */
  token?: string;
}

/** What the applier needs from a ride-hailing platform. */
export interface RideHailing {
  book(request: RideBookingRequest): Promise<RideView>;
  status(bookingRef: string): Promise<RideView>;
  cancel(bookingRef: string): Promise<RideView>;
}

/**
 * 申程出行 over HTTP JSON (protocol: domain/src/contracts/taxi-api.ts, server/README.md). Every
 * failure to book is a TaxiUnavailableError (503), never a bare exception: unreachable, timed
 * out, 5xx, NO_DRIVERS, or an answer that is not a RideView.
 */
export class RideHailingClient implements RideHailing {
  readonly #base: string;
  readonly #timeoutMs: number;
  readonly #token: string | undefined;

  constructor(options: RideHailingClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`RIDE_HAILING_URL must be http(s), got ${options.baseUrl}`);
    this.#base = url.toString().replace(/\/$/, '');
    this.#timeoutMs = options.timeoutMs ?? 8000;
    this.#token = options.token;
  }

  book(request: RideBookingRequest): Promise<RideView> {
    return this.#call('POST', '/v1/rides', request);
  }

  status(bookingRef: string): Promise<RideView> {
    return this.#call('GET', `/v1/rides/${encodeURIComponent(bookingRef)}`, undefined, bookingRef);
  }

  cancel(bookingRef: string): Promise<RideView> {
    return this.#call('POST', `/v1/rides/${encodeURIComponent(bookingRef)}/cancel`, {}, bookingRef);
  }

  async #call(method: 'GET' | 'POST', path: string, body: unknown, bookingRef?: string): Promise<RideView> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(this.#token && { authorization: `Bearer ${this.#token}` }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      throw new TaxiUnavailableError(name === 'TimeoutError' ? `no answer within ${this.#timeoutMs} ms` : `unreachable (${(err as Error).message})`);
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok && Value.Check(RideViewSchema, payload)) return payload;
    if (response.status === 404 && bookingRef !== undefined) throw new RideNotFoundError(bookingRef);
    const code = Value.Check(RideErrorSchema, payload) ? payload.code : 'no error body';
    throw new TaxiUnavailableError(response.ok ? 'answer is not a ride' : `HTTP ${response.status} ${code}`);
  }
}
