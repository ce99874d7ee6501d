import { beforeEach, describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { SuiteContext } from './context.ts';
import { DEFINITION, instance, job, MINUTE, PATH, start, startTimer, T0, USERS } from './fixtures.ts';

const LEASE = 5 * MINUTE;

export function startTimerSpecs(ctx: SuiteContext): void {
  describe('jobs of a definition (timer start events)', () => {
    /** 村民代表会议 every month: two versions of the procedure at the town. */
    const deploy = (id: string) =>
      ctx.store.definitions.deploy({
        id,
        key: DEFINITION.majorMatters,
        unitPath: PATH.town,
        xml: `<definitions id="${id}"/>`,
        deployedAt: T0,
        deployedBy: USERS.townOfficial.id,
      });
    beforeEach(async () => {
      await deploy('def-v1');
      await deploy('def-v2');
    });

    it('schedules one job per definition and start event, however often it is asked', async () => {
      expect(await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1'))).toBe(true);
      expect(await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1-again', { dueAt: T0 + MINUTE }))).toBe(false);
      expect(await ctx.store.jobs.schedule(startTimer('def-v1', 'st-2', { ref: 'yearlyReview' }))).toBe(true);
      expect(await ctx.store.jobs.schedule(startTimer('def-v2', 'st-3'))).toBe(true);
      expect(await ctx.store.jobs.byId('st-1')).toEqual(startTimer('def-v1', 'st-1'));
      expect(await ctx.store.jobs.byId('st-1-again')).toBeUndefined();
      await expect(ctx.store.jobs.schedule(startTimer('def-v2', 'st-1', { ref: 'other' }))).rejects.toThrow(StoreDuplicate);
    });

    it('hands a due start timer to one owner, who finishes it or keeps it for its next run', async () => {
      await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1', { dueAt: T0 + MINUTE }));
      expect(await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', T0 + MINUTE, LEASE, 10)).toEqual([]);
      const [claimed] = await ctx.store.jobs.claimDue(['startTimer'], 'server-a', T0 + MINUTE, LEASE, 10);
      expect(claimed).toMatchObject({ id: 'st-1', kind: 'startTimer', definitionId: 'def-v1', lockedBy: 'server-a' });
      expect(await ctx.store.jobs.claimDue(['startTimer'], 'server-b', T0 + MINUTE, LEASE, 10)).toEqual([]);

      const next = { dueAt: T0 + 30 * 24 * 60 * MINUTE, retries: 3, payload: { instanceId: 'st-1-instance-2' } };
      expect(await ctx.store.jobs.finish('st-1', 'server-b', next)).toBe(false);
      expect(await ctx.store.jobs.finish('st-1', 'server-a', next)).toBe(true);
      const kept = await ctx.store.jobs.byId('st-1');
      expect(kept).toMatchObject({ ...next, definitionId: 'def-v1' });
      expect(kept).not.toHaveProperty('lockedBy');
      expect(await ctx.store.jobs.claimDue(['startTimer'], 'server-b', next.dueAt - 1, LEASE, 10)).toEqual([]);

      await ctx.store.jobs.claimDue(['startTimer'], 'server-b', next.dueAt, LEASE, 10);
      expect(await ctx.store.jobs.finish('st-1', 'server-b')).toBe(true);
      expect(await ctx.store.jobs.byId('st-1')).toBeUndefined();
    });

    it('lets no owner finish a start timer after another took over its lease', async () => {
      await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1'));
      await ctx.store.jobs.claimDue(['startTimer'], 'server-a', T0, LEASE, 10);
      await ctx.store.jobs.claimDue(['startTimer'], 'server-b', T0 + LEASE + 1, LEASE, 10);
      expect(await ctx.store.jobs.finish('st-1', 'server-a')).toBe(false);
      expect(await ctx.store.jobs.byId('st-1')).toMatchObject({ lockedBy: 'server-b' });
    });

    it('finishes only jobs of a definition: an instance job ends in its instance’s commit', async () => {
      const road = instance('inst-road', PATH.hefeng);
      await start(ctx.store, road, { jobs: { add: [job(road, 'timer-deadline')] } });
      await ctx.store.jobs.claimDue(['timer'], 'server-a', T0, LEASE, 10);
      expect(await ctx.store.jobs.finish('timer-deadline', 'server-a')).toBe(false);
      expect(await ctx.store.jobs.byId('timer-deadline')).toBeDefined();
    });

    it('drops the start timers of a definition that a newer version replaces', async () => {
      await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1'));
      await ctx.store.jobs.schedule(startTimer('def-v1', 'st-2', { ref: 'yearlyReview' }));
      await ctx.store.jobs.schedule(startTimer('def-v2', 'st-3'));
      expect(await ctx.store.jobs.unschedule('def-v1')).toBe(2);
      expect(await ctx.store.jobs.byId('st-1')).toBeUndefined();
      expect(await ctx.store.jobs.byId('st-3')).toBeDefined();
      expect(await ctx.store.jobs.unschedule('def-v1')).toBe(0);
    });

    it('counts due start timers with the other due jobs', async () => {
      await ctx.store.jobs.schedule(startTimer('def-v1', 'st-1'));
      expect(await ctx.store.jobs.countDue(T0)).toBe(1);
      expect(await ctx.store.jobs.oldestDue(T0)).toBe(T0);
    });
  });
}
