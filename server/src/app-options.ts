import type { StaffAuthOptions } from './plugins/staff-auth-plugin';
import type { RideHailingClientOptions } from './taxi/ride-hailing-client';
import type { WebhookOptions } from './webhooks/webhooks-plugin';

/** How to reach the database: embedded PGlite (default) or a PostgreSQL server. */
export type DatabaseOptions =
  | {
      kind: 'pglite';
      /** Folder for the database files and the data-key file; undefined keeps everything in memory. */
      dataDir?: string;
    }
  | { kind: 'postgres'; url: string };

/** The device agent on the same machine, handed to a kiosk page opened from loopback. */
export interface KioskAgentOptions {
  url: string;
  token: string;
}

export interface AppOptions {
  database: DatabaseOptions;
  /**
   * 32-byte key for personal data at rest. Required for PostgreSQL. For PGlite with a data folder
   * it defaults to a key file created there (mode 0600); for PGlite in memory, to a random key.
   */
  dataKey?: Buffer;
  /** The current instant; tests inject a fixed or stepping clock. Defaults to the system clock. */
  clock?: () => Date;
  /** Upsert the fictional demo residents at start-up (and when the Shanghai date changes). Default true. */
  seedDemoRegistry?: boolean;
  /** Folder of the built multi-page UI (kiosk-ui/dist); not served when undefined. */
  uiDir?: string;
  kioskAgent?: KioskAgentOptions;
  /** Staff sessions (lifetimes), login throttling, the Secure-cookie proxy rule and demo accounts. */
  staff?: StaffAuthOptions;
  /** The community service centre's name, for receipts and pages. */
  centreName?: string;
  /** Department webhooks: whether this instance runs the delivery loop, its retry schedule and timers. */
  webhooks?: WebhookOptions;
  /** 申程出行: the ride-hailing platform taxis are booked through (RIDE_HAILING_URL); none: TAXI_UNAVAILABLE. */
  rideHailing?: RideHailingClientOptions;
  /** Fastify logger: false (default), true, or pino options merged over the server's safe defaults. */
  logger?: boolean | object;
}
