import { describe, expect, it } from 'vitest';
import { StoreConflict, StoreDuplicate } from '../port.ts';
import type { InstanceRecord, NotificationRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { allPages, DAY, instance, MINUTE, PATH, start, T0, USERS, variablesSet } from './fixtures.ts';

const clerk = USERS.hefengClerk.id;
const member = USERS.hefengMember.id;

/** The n-th notification of a procedure in 鹤峰村, n minutes after T0. */
const notification = (of: InstanceRecord, n: number, fields: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: `${of.id}:n${n}`,
  userId: clerk,
  kind: 'task',
  unitPath: of.unitPath,
  instanceId: of.id,
  taskId: `${of.id}:${n}`,
  title: `新待办：两委会议商议（鹤峰村文化室修缮 ${n}）`,
  createdAt: T0 + n * MINUTE,
  ...fields,
});

export function notificationSpecs(ctx: SuiteContext): void {
  describe('notifications', () => {
    const hall = instance('inst-hall', PATH.hefeng, { businessKey: '鹤峰村文化室修缮' });

    it('lists a user’s notifications newest first, page by page, and only theirs', async () => {
      const mine = [1, 2, 3, 4, 5].map((n) => notification(hall, n));
      await start(ctx.store, hall, { notifications: { add: [...mine, notification(hall, 6, { userId: member })] } });
      const pages = await allPages((cursor) => ctx.store.notifications.ofUser(clerk, { limit: 2, ...(cursor ? { cursor } : {}) }));
      expect(pages.map((page) => page.map((n) => n.id))).toEqual([[mine[4]?.id, mine[3]?.id], [mine[2]?.id, mine[1]?.id], [mine[0]?.id]]);
      expect(pages.flat()[0]).toEqual(mine[4]);
      expect((await ctx.store.notifications.ofUser(member, { limit: 10 })).items.map((n) => n.id)).toEqual([`${hall.id}:n6`]);
      expect((await ctx.store.notifications.ofUser(USERS.townOfficial.id, { limit: 10 })).items).toEqual([]);
    });

    it('counts the unread, marks them read one by one or all at once, and lists only the unread when asked', async () => {
      await start(ctx.store, hall, { notifications: { add: [1, 2, 3].map((n) => notification(hall, n)) } });
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(3);
      expect(await ctx.store.notifications.markRead(clerk, [`${hall.id}:n2`], T0 + DAY)).toBe(1);
      expect(await ctx.store.notifications.markRead(clerk, [`${hall.id}:n2`], T0 + 2 * DAY)).toBe(0);
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(2);
      const unread = await ctx.store.notifications.ofUser(clerk, { unread: true, limit: 10 });
      expect(unread.items.map((n) => n.id)).toEqual([`${hall.id}:n3`, `${hall.id}:n1`]);
      const all = await ctx.store.notifications.ofUser(clerk, { limit: 10 });
      expect(all.items.find((n) => n.id === `${hall.id}:n2`)?.readAt).toBe(T0 + DAY);
      expect(all.items.find((n) => n.id === `${hall.id}:n1`)).not.toHaveProperty('readAt');

      expect(await ctx.store.notifications.markRead(clerk, 'all', T0 + 2 * DAY)).toBe(2);
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(0);
      expect(await ctx.store.notifications.ofUser(clerk, { unread: true, limit: 10 })).toEqual({ items: [] });
      expect((await ctx.store.notifications.ofUser(clerk, { limit: 10 })).items.find((n) => n.id === `${hall.id}:n2`)?.readAt).toBe(
        T0 + DAY,
      );
    });

    it('lists an instance’s notifications of one kind, to anyone, oldest first, with who read them', async () => {
      const other = instance('inst-road', PATH.hefeng, { businessKey: '鹤峰村村道硬化' });
      const copies = [1, 2].map((n) => notification(hall, n, { kind: 'cc', userId: n === 1 ? clerk : member }));
      await start(ctx.store, hall, { notifications: { add: [...copies, notification(hall, 3)] } });
      await start(ctx.store, other, { notifications: { add: [notification(other, 1, { kind: 'cc' })] } });
      await ctx.store.notifications.markRead(member, [`${hall.id}:n2`], T0 + DAY);
      const about = await ctx.store.notifications.aboutInstance(hall.id, 'cc');
      expect(about.map((n) => [n.userId, n.readAt])).toEqual([
        [clerk, undefined],
        [member, T0 + DAY],
      ]);
      expect(await ctx.store.notifications.aboutInstance('inst-none', 'cc')).toEqual([]);
    });

    it('lists only one kind when asked: what was copied to a user (抄送我的)', async () => {
      const copies = [1, 3].map((n) => notification(hall, n, { kind: 'cc' }));
      await start(ctx.store, hall, { notifications: { add: [...copies, notification(hall, 2)] } });
      const cc = await ctx.store.notifications.ofUser(clerk, { kind: 'cc', limit: 10 });
      expect(cc.items.map((n) => n.id)).toEqual([`${hall.id}:n3`, `${hall.id}:n1`]);
      expect((await ctx.store.notifications.ofUser(member, { kind: 'cc', limit: 10 })).items).toEqual([]);
    });

    it('pages the unread list too', async () => {
      await start(ctx.store, hall, { notifications: { add: [1, 2, 3, 4].map((n) => notification(hall, n)) } });
      await ctx.store.notifications.markRead(clerk, [`${hall.id}:n3`], T0 + DAY);
      const pages = await allPages((cursor) =>
        ctx.store.notifications.ofUser(clerk, { unread: true, limit: 2, ...(cursor ? { cursor } : {}) }),
      );
      expect(pages.map((page) => page.map((n) => n.id))).toEqual([[`${hall.id}:n4`, `${hall.id}:n2`], [`${hall.id}:n1`]]);
    });

    it('leaves someone else’s notification unread whoever marks it', async () => {
      await start(ctx.store, hall, { notifications: { add: [notification(hall, 1, { userId: member })] } });
      expect(await ctx.store.notifications.markRead(clerk, [`${hall.id}:n1`], T0 + DAY)).toBe(0);
      expect(await ctx.store.notifications.markRead(clerk, 'all', T0 + DAY)).toBe(0);
      expect(await ctx.store.notifications.unreadCount(member)).toBe(1);
      expect((await ctx.store.notifications.ofUser(member, { limit: 10 })).items[0]).not.toHaveProperty('readAt');
    });

    it('writes a commit’s notifications with it, and none of a commit refused for a stale version', async () => {
      await start(ctx.store, hall, { notifications: { add: [notification(hall, 1)] } });
      await ctx.store.commit({ instance: hall, expectedVersion: 1, events: [variablesSet('1', { 步骤: 2 }, T0 + MINUTE)] });
      await expect(
        ctx.store.commit({ instance: hall, expectedVersion: 1, events: [], notifications: { add: [notification(hall, 2)] } }),
      ).rejects.toThrow(StoreConflict);
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(1);
      expect((await ctx.store.notifications.ofUser(clerk, { limit: 10 })).items.map((n) => n.id)).toEqual([`${hall.id}:n1`]);
    });

    it('refuses, with the whole commit, a notification about another instance or one whose id is taken', async () => {
      const well = instance('inst-well', PATH.honggang);
      await start(ctx.store, hall, { notifications: { add: [notification(hall, 1)] } });
      const refused = (add: NotificationRecord[]) =>
        ctx.store.commit({ instance: hall, expectedVersion: 1, events: [], notifications: { add } });
      await expect(refused([notification(hall, 2), notification(well, 3)])).rejects.toThrow(/belongs to instance/);
      await expect(refused([notification(hall, 2), notification(hall, 1)])).rejects.toThrow(StoreDuplicate);
      expect((await ctx.store.instances.byId(hall.id))?.version).toBe(1);
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(1);
    });

    it('adds notifications no commit carries, all or none', async () => {
      const reminder = notification(hall, 1, { kind: 'urged', title: '催办：两委会议商议（鹤峰村文化室修缮）', body: '请于本周五前办理' });
      const aboutNothing: NotificationRecord = {
        id: 'n-meeting',
        userId: clerk,
        kind: 'cc',
        unitPath: PATH.hefeng,
        title: '抄送：村民代表会议通知',
        from: 'u-secretary',
        createdAt: T0 + 2 * MINUTE,
      };
      await ctx.store.notifications.add([reminder, aboutNothing]);
      expect((await ctx.store.notifications.ofUser(clerk, { limit: 10 })).items).toEqual([aboutNothing, reminder]);
      await expect(ctx.store.notifications.add([notification(hall, 3), reminder])).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(2);
      await ctx.store.notifications.add([]);
    });

    it('refuses a notification whose unit is not a unit path', async () => {
      await expect(ctx.store.notifications.add([notification(hall, 1, { unitPath: '/nanhai/lishui/hefeng' })])).rejects.toThrow(
        /unit path/,
      );
      expect(await ctx.store.notifications.unreadCount(clerk)).toBe(0);
    });
  });
}
