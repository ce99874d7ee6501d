import { describe, expect, it } from 'vitest';
import { StoreConflict, StoreDuplicate } from '../port.ts';
import type { SuiteContext } from './context.ts';
import { DEFINITION, instance, job, MINUTE, PATH, start, startEvents, subscription, T0, task, variablesSet } from './fixtures.ts';

export function commitSpecs(ctx: SuiteContext): void {
  describe('commit', () => {
    const road = instance('inst-road', PATH.hefeng, { businessKey: '鹤峰-2025-001' });

    /** Everything the store holds about the instance, to compare before and after a refused commit. */
    const snapshot = async (id: string) => ({
      instance: await ctx.store.instances.byId(id),
      events: await ctx.store.events.ofInstance(id),
      tasks: await ctx.store.tasks.ofInstance(id),
      job: await ctx.store.jobs.byId('job-late'),
      subscriptions: await ctx.store.subscriptions.messages('村民代表会议决议', 'late', [PATH.town]),
    });

    /** A commit that would add a task, a job, a subscription and events. */
    const laterCommit = (expectedVersion: number) => ({
      instance: { ...road, incidents: 1 },
      expectedVersion,
      events: [variablesSet('1', { 表决结果: '通过' }, T0 + MINUTE)],
      tasks: { upsert: [task(road, 'late')] },
      jobs: { add: [job(road, 'job-late')] },
      subscriptions: { add: [subscription(road, 'late', { correlationKey: 'late' })] },
    });

    it('stores a new instance at version 1 with what came with it', async () => {
      const stored = await start(ctx.store, road, { tasks: { upsert: [task(road, '2')] }, jobs: { add: [job(road, 'job-1')] } });
      expect(stored.version).toBe(1);
      expect(await ctx.store.instances.byId(road.id)).toEqual({ ...road, version: 1 });
      expect(await ctx.store.events.ofInstance(road.id)).toHaveLength(3);
      expect((await ctx.store.tasks.ofInstance(road.id)).map((t) => t.id)).toEqual([`${road.id}:2`]);
      expect(await ctx.store.jobs.byId('job-1')).toMatchObject({ instanceId: road.id });
    });

    it('moves the version on by one with each commit and returns what it stored', async () => {
      await start(ctx.store, road);
      const second = await ctx.store.commit({
        instance: { ...road, status: 'completed', endedAt: T0 + MINUTE },
        expectedVersion: 1,
        events: [],
      });
      expect(second).toEqual({ ...road, status: 'completed', endedAt: T0 + MINUTE, version: 2 });
      expect(await ctx.store.instances.byId(road.id)).toEqual(second);
    });

    it('refuses a commit made on a stale version and writes none of it', async () => {
      await start(ctx.store, road);
      await ctx.store.commit({ instance: road, expectedVersion: 1, events: [variablesSet('1', { 步骤: 2 }, T0 + MINUTE)] });
      const before = await snapshot(road.id);
      await expect(ctx.store.commit(laterCommit(1))).rejects.toThrow(StoreConflict);
      expect(await snapshot(road.id)).toEqual(before);
      expect(before.instance?.version).toBe(2);
    });

    it('lets exactly one of two writers of the same version through', async () => {
      await start(ctx.store, road);
      const other = await ctx.peer();
      const results = await Promise.allSettled([
        ctx.store.commit(laterCommit(1)),
        other.commit({ ...laterCommit(1), tasks: {}, jobs: {}, subscriptions: {} }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(StoreConflict);
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(2);
      expect(await ctx.store.events.ofInstance(road.id)).toHaveLength(4);
    });

    it('settles commits made at the same moment each on its own: a conflict or a duplicate refuses only itself', async () => {
      await start(ctx.store, road);
      const villages = Array.from({ length: 20 }, (_, i) => instance(`inst-lamp-${i}`, PATH.honggang, { businessKey: `宏岗-路灯-${i}` }));
      const twin = instance('inst-lamp-twin', PATH.honggang, { businessKey: '宏岗-路灯-3' });
      const results = await Promise.allSettled([
        ...villages.map((v) => start(ctx.store, v, { tasks: { upsert: [task(v, '2')] } })),
        start(ctx.store, twin, { tasks: { upsert: [task(twin, '2')] } }),
        ctx.store.commit(laterCommit(1)),
        ctx.store.commit(laterCommit(1)),
      ]);
      expect(results.slice(0, 20).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(results[20]?.status === 'rejected' && results[20].reason).toBeInstanceOf(StoreDuplicate);
      const [first, second] = results.slice(21);
      expect(first?.status).toBe('fulfilled');
      expect(second?.status === 'rejected' && second.reason).toBeInstanceOf(StoreConflict);
      for (const v of villages) expect((await ctx.store.tasks.ofInstance(v.id)).map((t) => t.id)).toEqual([`${v.id}:2`]);
      expect(await ctx.store.instances.byId(twin.id)).toBeUndefined();
      expect(await ctx.store.tasks.byId(`${twin.id}:2`)).toBeUndefined();
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(2);
      expect(await ctx.store.events.ofInstance(road.id)).toHaveLength(4);
    });

    it('refuses a second instance with the same business key for the same procedure and unit', async () => {
      await start(ctx.store, road);
      const twin = instance('inst-road-2', PATH.hefeng, { businessKey: road.businessKey });
      await expect(start(ctx.store, twin, { tasks: { upsert: [task(twin, '2')] } })).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.instances.byId(twin.id)).toBeUndefined();
      expect(await ctx.store.events.ofInstance(twin.id)).toEqual([]);
      expect(await ctx.store.tasks.byId(`${twin.id}:2`)).toBeUndefined();
    });

    it('accepts the same business key in another village or for another procedure', async () => {
      await start(ctx.store, road);
      await start(ctx.store, instance('inst-road-honggang', PATH.honggang, { businessKey: road.businessKey }));
      await start(
        ctx.store,
        instance('inst-road-rental', PATH.hefeng, { businessKey: road.businessKey, definitionKey: DEFINITION.rentalHousing }),
      );
      expect((await ctx.store.instances.byBusinessKey(DEFINITION.majorMatters, PATH.honggang, '鹤峰-2025-001'))?.id).toBe(
        'inst-road-honggang',
      );
    });

    it('refuses a second instance with the same id', async () => {
      await start(ctx.store, road);
      await expect(start(ctx.store, { ...road, businessKey: '鹤峰-2025-002' })).rejects.toThrow(StoreDuplicate);
      expect((await ctx.store.instances.byId(road.id))?.businessKey).toBe('鹤峰-2025-001');
    });

    it('rolls back everything when a later part of the commit fails', async () => {
      await start(ctx.store, road, { jobs: { add: [job(road, 'job-taken')] } });
      const before = await snapshot(road.id);
      await expect(ctx.store.commit({ ...laterCommit(1), jobs: { add: [job(road, 'job-late'), job(road, 'job-taken')] } })).rejects.toThrow(
        StoreDuplicate,
      );
      expect(await snapshot(road.id)).toEqual(before);
    });

    it("refuses to write another instance's task, job or subscription", async () => {
      await start(ctx.store, road);
      const neighbour = instance('inst-neighbour', PATH.hefeng);
      await expect(ctx.store.commit({ ...laterCommit(1), tasks: { upsert: [task(neighbour, '2')] } })).rejects.toThrow(
        /belongs to instance/,
      );
      await expect(ctx.store.commit({ ...laterCommit(1), jobs: { add: [job(neighbour, 'job-n')] } })).rejects.toThrow(
        /belongs to instance/,
      );
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(1);
    });

    it('refuses a version for an instance that was never stored', async () => {
      await expect(ctx.store.commit({ instance: road, expectedVersion: 1, events: startEvents(road) })).rejects.toThrow(/does not exist/);
      expect(await ctx.store.events.ofInstance(road.id)).toEqual([]);
    });
  });
}
