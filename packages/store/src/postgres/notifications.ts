import { checkNotification } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import type { NotificationRecord } from '../records.ts';
import { NOTIFICATION_SORT } from '../sorts.ts';
import { sortColumns } from '../sqlText.ts';
import type { Postgres, Queryable } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll } from './queries.ts';
import { afterKey, orderBy, type Sql, sql, whereAll } from './sql.ts';
import { NOTIFICATIONS } from './tables.ts';

const ORDER = sortColumns(NOTIFICATION_SORT, { createdAt: 'created_at', id: 'id' }, '');

/** Inside a transaction (a commit's, or add's): the notifications, or none of them on a duplicate id. */
export async function writeNotifications(tx: Queryable, notifications: readonly NotificationRecord[]): Promise<void> {
  for (const notification of notifications) checkNotification(notification);
  await refusingDuplicates(
    () => insertRecords(tx, NOTIFICATIONS, notifications),
    ({ key }) => `notification ${key}`,
  );
}

export function postgresNotifications(pg: Postgres): Store['notifications'] {
  return {
    async add(records) {
      await pg.transaction((tx) => writeNotifications(tx, records));
    },
    /** Read in order off notifications_of_user, or notifications_unread for the unread ones. */
    async ofUser(userId, query) {
      const limit = checkLimit(query.limit);
      const conditions: Sql[] = [sql`user_id = ${userId}`];
      if (query.unread) conditions.push(sql`read_at IS NULL`);
      if (query.kind !== undefined) conditions.push(sql`kind = ${query.kind}`);
      if (query.cursor !== undefined) {
        conditions.push(afterKey(ORDER, NOTIFICATION_SORT.direction, decodeCursor(NOTIFICATION_SORT, query.cursor)));
      }
      const notifications = await selectAll(
        pg,
        NOTIFICATIONS,
        sql`WHERE ${whereAll(conditions)} ${orderBy(ORDER, NOTIFICATION_SORT.direction)} LIMIT ${limit + 1}`,
      );
      return toPage(notifications, limit, NOTIFICATION_SORT);
    },
    async unreadCount(userId) {
      const [row] = await pg.rows<{ unread: number }>(
        sql`SELECT count(*) AS unread FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
      );
      return row?.unread ?? 0;
    },
    async aboutInstance(instanceId, kind) {
      return selectAll(pg, NOTIFICATIONS, sql`WHERE instance_id = ${instanceId} AND kind = ${kind} ORDER BY created_at, id`);
    },
    async markRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0;
      const which = ids === 'all' ? sql`` : sql` AND id = ANY(${ids})`;
      return pg.run(sql`UPDATE notifications SET read_at = ${at} WHERE user_id = ${userId} AND read_at IS NULL${which}`);
    },
  };
}
