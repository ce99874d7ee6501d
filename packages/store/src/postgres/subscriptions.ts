import type { Commit, Reach, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { Postgres, Queryable } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll } from './queries.ts';
import { join, sql, whereAll, withinRanges } from './sql.ts';
import { SUBSCRIPTIONS } from './tables.ts';

/** Inside a commit: subscriptions closed go, new ones come. */
export async function writeSubscriptions(tx: Queryable, subscriptions: NonNullable<Commit['subscriptions']>): Promise<void> {
  const closed = subscriptions.remove ?? [];
  if (closed.length > 0) {
    const keys = closed.map(({ instanceId, sub }) => sql`(${instanceId}, ${sub})`);
    await tx.run(sql`DELETE FROM subscriptions WHERE (instance_id, sub) IN (${join(keys, ', ')})`);
  }
  const added = subscriptions.add ?? [];
  await refusingDuplicates(
    () => insertRecords(tx, SUBSCRIPTIONS, added),
    ({ key }) => `subscription (instance, sub) ${key}`,
  );
}

export function postgresSubscriptions(pg: Postgres): Store['subscriptions'] {
  const waiting = async (kind: 'message' | 'signal', name: string, correlationKey: string | null, reach: Reach) => {
    const ranges = reachRanges(reach);
    if (ranges.length === 0) return [];
    const where = whereAll([
      sql`kind = ${kind} AND name = ${name}`,
      correlationKey === null ? sql`correlation_key IS NULL` : sql`correlation_key = ${correlationKey}`,
      withinRanges('unit_path', ranges),
    ]);
    return selectAll(pg, SUBSCRIPTIONS, sql`WHERE ${where} ORDER BY instance_id, sub`);
  };
  return {
    async messages(name, correlationKey, reach) {
      return waiting('message', name, correlationKey ?? null, reach);
    },
    async signals(name, reach) {
      return waiting('signal', name, null, reach);
    },
  };
}
