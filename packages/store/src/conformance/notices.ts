import { describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { InstanceRecord, NoticeRecord, ObjectionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, instance, PATH, start, T0 } from './fixtures.ts';

const notice = (of: InstanceRecord, key: string, fields: Partial<NoticeRecord> = {}): NoticeRecord => ({
  id: `${of.id}:${key}`,
  instanceId: of.id,
  unitPath: of.unitPath,
  elementId: 'publicise',
  title: '村道硬化工程决议公开',
  body: '经村民代表会议表决通过，公示期五天。',
  postedAt: T0,
  until: T0 + 5 * DAY,
  ...fields,
});

export function noticeSpecs(ctx: SuiteContext): void {
  describe('notices (the public board)', () => {
    const road = instance('inst-road', PATH.hefeng);
    const well = instance('inst-well', PATH.honggang);

    it('shows what a commit posted on its unit’s board during the posting period, newest first', async () => {
      const resolution = notice(road, '5');
      const budget = notice(road, '9', {
        title: '村级财务收支公开',
        postedAt: T0 + DAY,
        until: T0 + 3 * DAY,
        board: '财务公开',
        attachments: ['att-ledger', 'att-receipts'],
      });
      await start(ctx.store, road, { notices: { add: [resolution] } });
      await ctx.store.commit({ instance: road, expectedVersion: 1, events: [], notices: { add: [budget] } });
      await start(ctx.store, well, { notices: { add: [notice(well, '5')] } });

      expect(await ctx.store.notices.current(PATH.hefeng, T0 - 1)).toEqual([]);
      expect(await ctx.store.notices.current(PATH.hefeng, T0)).toEqual([resolution]);
      expect(await ctx.store.notices.current(PATH.hefeng, T0 + DAY)).toEqual([budget, resolution]);
      expect((await ctx.store.notices.current(PATH.hefeng, T0 + 3 * DAY)).map((n) => n.id)).toEqual([resolution.id]);
      expect(await ctx.store.notices.current(PATH.hefeng, T0 + 5 * DAY)).toEqual([]);
      expect((await ctx.store.notices.current(PATH.honggang, T0)).map((n) => n.id)).toEqual([`${well.id}:5`]);
      expect(await ctx.store.notices.current(PATH.town, T0)).toEqual([]);
    });

    it('finds a notice by id and keeps the objections filed against it, newest first within reach', async () => {
      const resolution = notice(road, '5');
      await start(ctx.store, road, { notices: { add: [resolution] } });
      expect(await ctx.store.notices.byId(resolution.id)).toEqual(resolution);
      expect(await ctx.store.notices.byId('no-such-notice')).toBeUndefined();
      const objection = (id: string, receivedAt: number, fields: Partial<ObjectionRecord> = {}): ObjectionRecord => ({
        id,
        noticeId: resolution.id,
        instanceId: road.id,
        unitPath: road.unitPath,
        content: '硬化工程的预算偏高，请公开报价。',
        receivedAt,
        ...fields,
      });
      const first = objection('o1', T0 + DAY, { name: '陈伯', phone: '13800138000' });
      const second = objection('o2', T0 + 2 * DAY);
      await ctx.store.objections.add(first);
      await ctx.store.objections.add(second);
      await expect(ctx.store.objections.add(first)).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.objections.within([PATH.hefeng], 10)).toEqual([second, first]);
      expect(await ctx.store.objections.within([PATH.town], 1)).toEqual([second]);
      expect(await ctx.store.objections.within([PATH.honggang], 10)).toEqual([]);
    });

    it('posts a notice with the commit or not at all', async () => {
      await start(ctx.store, road, { notices: { add: [notice(road, '5')] } });
      await expect(
        ctx.store.commit({ instance: road, expectedVersion: 1, events: [], notices: { add: [notice(road, '5')] } }),
      ).rejects.toThrow(StoreDuplicate);
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(1);
      await expect(
        ctx.store.commit({ instance: road, expectedVersion: 1, events: [], notices: { add: [notice(well, '5')] } }),
      ).rejects.toThrow(/belongs to instance/);
      expect(await ctx.store.notices.current(PATH.honggang, T0)).toEqual([]);
    });
  });
}
