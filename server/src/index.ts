export { buildApp, BODY_LIMIT_BYTES } from './app';
export type { AppOptions, DatabaseOptions, KioskAgentOptions } from './app-options';
export { optionsFromEnv } from './options-from-env';
export type { SqlDatabase } from './db/sql-database';
export { DEMO_STAFF_PASSWORDS_FILE } from './staff/demo-staff-seeder';
export { DEMO_CENTRE_ID } from './queue/demo-queue-centre';
export { startRideHailingSimulator, type RunningRideHailingSimulator } from './taxi/ride-hailing-simulator';
