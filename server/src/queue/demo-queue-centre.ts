import { DEFAULT_QUEUE_RULES, DEFAULT_TICKET_CATEGORIES } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

export const DEMO_CENTRE_ID = 'xuhui-tianping';

/** Windows 1–4 of the demo centre and the categories each serves. */
const DEMO_COUNTERS: readonly { number: number; categories: string[] }[] = [
  { number: 1, categories: ['A'] },
  { number: 2, categories: ['A', 'C'] },
  { number: 3, categories: ['B'] },
  { number: 4, categories: ['A', 'B', 'C'] },
];

/**
 * A fictional centre with the default categories (A 养老服务, B 医保, C 综合) and counters 1–4,
 * closed until staff open them. Inserted only where missing, so a centre configured since is
 * never overwritten, and instances starting together on one database do not collide.
 */
export async function seedDemoQueueCentre(db: SqlDatabase, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO centres (id, name_zh, name_en, queue_rules, created_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (id) DO NOTHING`,
      [DEMO_CENTRE_ID, '徐汇区天平路街道社区事务受理服务中心（演示）', 'Tianping Road Community Service Centre, Xuhui (demo)', JSON.stringify(DEFAULT_QUEUE_RULES), now],
    );
    for (const [i, category] of DEFAULT_TICKET_CATEGORIES.entries()) {
      await tx.query(
        `INSERT INTO ticket_categories (centre_id, code, name_zh, name_en, average_service_minutes, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (centre_id, code) DO NOTHING`,
        [DEMO_CENTRE_ID, category.code, category.name.zh, category.name.en, category.averageServiceMinutes ?? null, i],
      );
    }
    for (const counter of DEMO_COUNTERS) {
      await tx.query(`INSERT INTO counters (centre_id, number, categories, open) VALUES ($1, $2, $3::text[], false) ON CONFLICT (centre_id, number) DO NOTHING`, [
        DEMO_CENTRE_ID,
        counter.number,
        `{${counter.categories.join(',')}}`,
      ]);
    }
  });
}
