import { checkNotification } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import type { NotificationRecord } from '../records.ts';
import { NOTIFICATION_SORT } from '../sorts.ts';
import { refusingDuplicates } from './errors.ts';
import { NOTIFICATION_COLUMNS, type NotificationRow, notificationRow, toNotification } from './rows.ts';
import { afterKey, type Condition, insertInto, orderBy, type Sqlite, sortColumns, whereAll } from './sql.ts';

const ORDER = sortColumns(NOTIFICATION_SORT, { createdAt: 'created_at', id: 'id' }, '');

/** Inside a write (a commit's, or add's): the notifications, or none of them on a duplicate id. */
export function writeNotifications({ statement }: Sqlite, notifications: readonly NotificationRecord[]): void {
  for (const notification of notifications) {
    checkNotification(notification);
    refusingDuplicates(
      () => statement(insertInto('notifications', NOTIFICATION_COLUMNS)).run(notificationRow(notification)),
      () => `notification ${notification.id}`,
    );
  }
}

export function sqliteNotifications(sqlite: Sqlite): Store['notifications'] {
  const { statement, write } = sqlite;
  return {
    async add(records) {
      await write(() => writeNotifications(sqlite, records));
    },
    /** Read in order off notifications_of_user, or notifications_unread for the unread ones. */
    async ofUser(userId, query) {
      const limit = checkLimit(query.limit);
      const conditions: Condition[] = [{ sql: 'user_id = ?', params: [userId] }];
      if (query.unread) conditions.push({ sql: 'read_at IS NULL', params: [] });
      if (query.kind !== undefined) conditions.push({ sql: 'kind = ?', params: [query.kind] });
      if (query.cursor !== undefined) {
        conditions.push(afterKey(ORDER, NOTIFICATION_SORT.direction, decodeCursor(NOTIFICATION_SORT, query.cursor)));
      }
      const where = whereAll(conditions);
      const rows = statement(`SELECT * FROM notifications WHERE ${where.sql} ${orderBy(ORDER, NOTIFICATION_SORT.direction)} LIMIT ?`).all(
        ...where.params,
        limit + 1,
      ) as NotificationRow[];
      return toPage(rows.map(toNotification), limit, NOTIFICATION_SORT);
    },
    async unreadCount(userId) {
      return (
        statement('SELECT count(*) AS unread FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { unread: number }
      ).unread;
    },
    async aboutInstance(instanceId, kind) {
      const rows = statement('SELECT * FROM notifications WHERE instance_id = ? AND kind = ? ORDER BY created_at, id').all(
        instanceId,
        kind,
      ) as NotificationRow[];
      return rows.map(toNotification);
    },
    async markRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0;
      const which = ids === 'all' ? '' : ` AND id IN (${ids.map(() => '?').join(', ')})`;
      const params = ids === 'all' ? [] : ids;
      const { changes } = await write(() =>
        statement(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL${which}`).run(at, userId, ...params),
      );
      return changes;
    },
  };
}
