import { beforeEach, describe, expect, it } from 'vitest';
import type { MatterStatsQuery } from '../port.ts';
import type { InstanceRecord, TaskRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, DEFINITION, instance, PATH, start, T0, task } from './fixtures.ts';

const ended = (at: number, dueAt: number): Partial<TaskRecord> => ({ status: 'completed', dueAt, endedAt: at });

export function statsSpecs(ctx: SuiteContext): void {
  describe('stats', () => {
    const closed = (id: string, unitPath: string, endedAt: number, fields: Partial<InstanceRecord> = {}) =>
      instance(id, unitPath, { status: 'completed', endedAt, ...fields });
    /** 鹤峰村: two open (one overdue), one closed on time, one late, one cancelled; a rental check closed; a called procedure; one from before. */
    const matters: [InstanceRecord, Partial<TaskRecord>[]][] = [
      [instance('h-overdue', PATH.hefeng), [{ dueAt: T0 + DAY }, ended(T0, T0 + DAY)]],
      [instance('h-fresh', PATH.hefeng, { startedAt: T0 + DAY }), [{ dueAt: T0 + 5 * DAY }, {}]],
      [closed('h-on-time', PATH.hefeng, T0 + DAY), [ended(T0 + DAY, T0 + DAY)]],
      [closed('h-late', PATH.hefeng, T0 + 3 * DAY), [ended(T0 + DAY, T0 + 2 * DAY), ended(T0 + 3 * DAY, T0 + 2 * DAY)]],
      [instance('h-cancelled', PATH.hefeng, { status: 'cancelled', endedAt: T0 + DAY }), [ended(T0 + DAY, T0)]],
      [closed('h-rental', PATH.hefeng, T0 + 3 * DAY, { definitionKey: DEFINITION.rentalHousing, status: 'terminated' }), []],
      [instance('h-called', PATH.hefeng, { parentId: 'h-overdue' }), [{ dueAt: T0 }]],
      [closed('h-before', PATH.hefeng, T0 + 5 * DAY, { startedAt: T0 - 10 * DAY }), []],
      [instance('g-overdue', PATH.honggang, { startedAt: T0 + 2 * DAY }), [{ dueAt: T0 + 3 * DAY }]],
      [closed('g-late', PATH.honggang, T0 + 5 * DAY), [ended(T0 + 5 * DAY, T0 + 4 * DAY)]],
    ];
    beforeEach(async () => {
      for (const [record, tasks] of matters)
        await start(ctx.store, record, { tasks: { upsert: tasks.map((fields, i) => task(record, String(i + 2), fields)) } });
    });

    const counts = (query: Partial<MatterStatsQuery>) =>
      ctx.store.stats.matters({ reach: [PATH.town], startedFrom: T0 - DAY, startedTo: T0 + 30 * DAY, now: T0 + 4 * DAY, ...query });
    const row = (
      unitPath: string,
      definitionKey: string,
      started: number,
      open: number,
      overdue: number,
      onTime: number,
      late: number,
    ) => ({
      unitPath,
      definitionKey,
      started,
      open,
      overdue,
      closedOnTime: onTime,
      closedLate: late,
    });
    const HEFENG_MAJOR = row(PATH.hefeng, DEFINITION.majorMatters, 5, 2, 1, 1, 1);
    const HEFENG_RENTAL = row(PATH.hefeng, DEFINITION.rentalHousing, 1, 0, 0, 1, 0);
    const HONGGANG_MAJOR = row(PATH.honggang, DEFINITION.majorMatters, 2, 1, 1, 0, 1);

    it('counts a town’s matters by village and procedure: open, overdue, closed on time and late', async () => {
      expect(await counts({})).toEqual([HEFENG_MAJOR, HEFENG_RENTAL, HONGGANG_MAJOR]);
    });

    it('counts only the villages within reach, and nothing without a reach', async () => {
      expect(await counts({ reach: [PATH.hefeng] })).toEqual([HEFENG_MAJOR, HEFENG_RENTAL]);
      expect(await counts({ reach: [PATH.honggang] })).toEqual([HONGGANG_MAJOR]);
      expect(await counts({ reach: [] })).toEqual([]);
    });

    it('counts one procedure, the matters started in the range, and overdue as of now', async () => {
      expect(await counts({ definitionKey: DEFINITION.rentalHousing })).toEqual([HEFENG_RENTAL]);
      expect(await counts({ startedFrom: T0 + DAY, startedTo: T0 + 3 * DAY })).toEqual([
        row(PATH.hefeng, DEFINITION.majorMatters, 1, 1, 0, 0, 0),
        row(PATH.honggang, DEFINITION.majorMatters, 1, 1, 1, 0, 0),
      ]);
      expect(await counts({ now: T0 + DAY / 2 })).toEqual([
        row(PATH.hefeng, DEFINITION.majorMatters, 5, 2, 0, 1, 1),
        HEFENG_RENTAL,
        row(PATH.honggang, DEFINITION.majorMatters, 2, 1, 0, 0, 1),
      ]);
    });

    it('draws the trend: per period the matters started, closed, and closed on time', async () => {
      const bounds = [T0 - DAY, T0 + 2 * DAY, T0 + 4 * DAY, T0 + 6 * DAY, T0 + 8 * DAY];
      const point = (i: number, started: number, closedCount: number, closedOnTime: number) => ({
        from: bounds[i],
        to: bounds[i + 1],
        started,
        closed: closedCount,
        closedOnTime,
      });
      expect(await ctx.store.stats.trend({ reach: [PATH.town], bounds })).toEqual([
        point(0, 7, 1, 1),
        point(1, 1, 2, 1),
        point(2, 0, 2, 1),
        point(3, 0, 0, 0),
      ]);
      expect(await ctx.store.stats.trend({ reach: [PATH.honggang], bounds, definitionKey: DEFINITION.majorMatters })).toEqual([
        point(0, 1, 0, 0),
        point(1, 1, 0, 0),
        point(2, 0, 1, 0),
        point(3, 0, 0, 0),
      ]);
      expect(await ctx.store.stats.trend({ reach: [], bounds })).toEqual([
        point(0, 0, 0, 0),
        point(1, 0, 0, 0),
        point(2, 0, 0, 0),
        point(3, 0, 0, 0),
      ]);
    });
  });
}
