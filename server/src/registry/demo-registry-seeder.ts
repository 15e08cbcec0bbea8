import type { SqlDatabase } from '../db/sql-database';
import type { ResidentRegistry } from './resident-registry';

/**
 * Keeps the demo residents current. Their ID numbers depend on the Shanghai date, so a server
 * that runs past midnight seeds again on the first identify of the new day.
 */
export class DemoRegistrySeeder {
  #seededDay: string | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly registry: ResidentRegistry,
    readonly enabled: boolean,
  ) {}

  async ensureSeeded(today: string, now: Date): Promise<void> {
    if (!this.enabled || this.#seededDay === today) return;
    // Requests arriving together share one seeding run.
    this.#running ??= this.registry.seedDemo(this.db, today, now).then(
      () => {
        this.#seededDay = today;
        this.#running = undefined;
      },
      (error: unknown) => {
        this.#running = undefined;
        throw error;
      },
    );
    return this.#running;
  }
}
