import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { NotificationRecord } from '@shanzhi/store';
import { invalidRequest } from '../../errors.ts';
import { principal } from '../../plugins/tenancy.ts';
import { errors, iso, page } from '../common.ts';
import { userNames } from '../userNames.ts';
import { Notification, NotificationQuery, ReadBody, ReadResult, UnreadCount } from './schemas.ts';

const notificationView = (n: NotificationRecord, senders: ReadonlyMap<string, string>) => ({
  id: n.id,
  kind: n.kind,
  unitPath: n.unitPath,
  title: n.title,
  createdAt: iso(n.createdAt) as string,
  ...(n.instanceId === undefined ? {} : { instanceId: n.instanceId }),
  ...(n.taskId === undefined ? {} : { taskId: n.taskId }),
  ...(n.body === undefined ? {} : { body: n.body }),
  ...(n.from === undefined ? {} : { from: n.from, fromName: senders.get(n.from) ?? n.from }),
  ...(n.readAt === undefined ? {} : { readAt: iso(n.readAt) }),
});

/** My notifications: the in-app inbox (the bell), newest first, with what is unread. Each user sees only their own. */
const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first; only the unread with unread=true',
        querystring: NotificationQuery,
        response: { 200: page(Notification), ...errors(400, 401) },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await app.store.notifications.ofUser(principal(request).id, {
        limit: q.limit ?? 50,
        ...(q.unread ? { unread: true } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      const senders = await userNames(
        app,
        result.items.map((n) => n.from),
      );
      return { items: result.items.map((n) => notificationView(n, senders)), ...(result.next ? { next: result.next } : {}) };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCount, ...errors(401) },
      },
    },
    async (request) => ({ unread: await app.store.notifications.unreadCount(principal(request).id) }),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark some of my notifications read (ids), or all of them (all: true)',
        body: ReadBody,
        response: { 200: ReadResult, ...errors(400, 401) },
      },
    },
    async (request) => {
      const userId = principal(request).id;
      const { ids, all } = request.body;
      if (!all && ids === undefined) {
        throw invalidRequest([{ field: 'body.ids', message: 'is required unless all is true' }]);
      }
      const marked = await app.store.notifications.markRead(userId, all ? 'all' : (ids ?? []), app.clock.now());
      return { marked, unread: await app.store.notifications.unreadCount(userId) };
    },
  );
};

export default notificationRoutes;
