import type { Commit, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { refusingDuplicates } from './errors.ts';
import { SUBSCRIPTION_COLUMNS, type SubscriptionRow, subscriptionRow, toSubscription } from './rows.ts';
import { insertInto, type Sqlite, whereAll, withinRanges } from './sql.ts';

/** Inside a commit: subscriptions closed go, new ones come. */
export function writeSubscriptions({ statement }: Sqlite, subscriptions: NonNullable<Commit['subscriptions']>): void {
  for (const { instanceId, sub } of subscriptions.remove ?? []) {
    statement('DELETE FROM subscriptions WHERE instance_id = ? AND sub = ?').run(instanceId, sub);
  }
  for (const sub of subscriptions.add ?? []) {
    refusingDuplicates(
      () => statement(insertInto('subscriptions', SUBSCRIPTION_COLUMNS)).run(subscriptionRow(sub)),
      () => `subscription ${sub.sub} of instance ${sub.instanceId}`,
    );
  }
}

export function sqliteSubscriptions({ statement }: Sqlite): Store['subscriptions'] {
  const waiting = (kind: 'message' | 'signal', name: string, correlationKey: string | null, reach: readonly string[]) => {
    const ranges = reachRanges(reach);
    if (ranges.length === 0) return [];
    const where = whereAll([
      { sql: 'kind = ? AND name = ?', params: [kind, name] },
      correlationKey === null ? { sql: 'correlation_key IS NULL', params: [] } : { sql: 'correlation_key = ?', params: [correlationKey] },
      withinRanges('unit_path', ranges),
    ]);
    const rows = statement(`SELECT * FROM subscriptions WHERE ${where.sql} ORDER BY instance_id, sub`).all(
      ...where.params,
    ) as SubscriptionRow[];
    return rows.map(toSubscription);
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
