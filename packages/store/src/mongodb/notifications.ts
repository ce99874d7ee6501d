import type { ClientSession, Document, MongoClient } from 'mongodb';
import { checkNotification } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import type { NotificationRecord } from '../records.ts';
import { NOTIFICATION_SORT } from '../sorts.ts';
import { type Collections, documentOf, type NotificationDoc, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { afterKey, sortSpec } from './filters.ts';
import { inTransaction } from './transactions.ts';

const toNotification = (doc: NotificationDoc): NotificationRecord => recordOf<NotificationRecord>(doc, ['unread']);

/** Inside a transaction (a commit's, or add's): the notifications, or none of them on a duplicate id. */
export async function writeNotifications(
  { notifications }: Collections,
  session: ClientSession,
  records: readonly NotificationRecord[],
): Promise<void> {
  for (const notification of records) {
    checkNotification(notification);
    await refusingDuplicates(
      () => notifications.insertOne({ ...documentOf(notification), unread: notification.readAt === undefined }, { session }),
      () => `notification ${notification.id}`,
    );
  }
}

export function mongoNotifications(client: MongoClient, collections: Collections): Store['notifications'] {
  const { notifications } = collections;
  return {
    async add(records) {
      if (records.length === 0) return;
      await inTransaction(client, (session) => writeNotifications(collections, session, records));
    },
    /** (userId, createdAt, _id) serves the whole list, (userId, unread, createdAt, _id) the unread one. */
    async ofUser(userId, query) {
      const limit = checkLimit(query.limit);
      const filter: Document = {
        userId,
        ...(query.unread ? { unread: true } : {}),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
        ...(query.cursor === undefined ? {} : afterKey(NOTIFICATION_SORT, decodeCursor(NOTIFICATION_SORT, query.cursor))),
      };
      const found = await notifications
        .find(filter)
        .sort(sortSpec(NOTIFICATION_SORT))
        .limit(limit + 1)
        .toArray();
      return toPage(found.map(toNotification), limit, NOTIFICATION_SORT);
    },
    async unreadCount(userId) {
      return notifications.countDocuments({ userId, unread: true });
    },
    async aboutInstance(instanceId, kind) {
      return (await notifications.find({ instanceId, kind }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toNotification);
    },
    async markRead(userId, ids, at) {
      if (ids !== 'all' && ids.length === 0) return 0;
      const which = ids === 'all' ? {} : { _id: { $in: [...ids] } };
      const { modifiedCount } = await notifications.updateMany({ userId, unread: true, ...which }, { $set: { readAt: at, unread: false } });
      return modifiedCount;
    },
  };
}
