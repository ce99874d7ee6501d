import { checkWebhook } from '../checks.ts';
import type { Store } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import type { Postgres } from './db.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { setExcluded, sql, withinRanges } from './sql.ts';
import { WEBHOOKS } from './tables.ts';

const LIST_ORDER = sql`ORDER BY unit_path, created_at, id`;

export function postgresWebhooks(pg: Postgres): Store['webhooks'] {
  return {
    async put(webhook) {
      checkWebhook(webhook);
      const replace = setExcluded(Object.keys(WEBHOOKS.columns), ['id']);
      await insertRecords(pg, WEBHOOKS, [webhook], sql` ON CONFLICT (id) DO UPDATE ${replace}`);
    },
    async remove(id) {
      return (await pg.run(sql`DELETE FROM webhooks WHERE id = ${id}`)) > 0;
    },
    async byId(id) {
      return selectOne(pg, WEBHOOKS, sql`WHERE id = ${id}`);
    },
    async forUnit(unitPath) {
      return selectAll(pg, WEBHOOKS, sql`WHERE unit_path = ANY(${selfAndAbove(unitPath)}) ${LIST_ORDER}`);
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(pg, WEBHOOKS, sql`WHERE ${withinRanges('unit_path', ranges)} ${LIST_ORDER}`);
    },
  };
}
