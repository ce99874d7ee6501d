import { beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { instance, job, MINUTE, PATH, start, T0 } from './fixtures.ts';

const LEASE = 5 * MINUTE;

export function jobSpecs(ctx: SuiteContext): void {
  describe('jobs', () => {
    const road = instance('inst-road', PATH.hefeng);
    const ids = (jobs: readonly JobRecord[]) => jobs.map((j) => j.id);

    beforeEach(async () => {
      await start(ctx.store, road, {
        jobs: {
          add: [
            job(road, 'timer-reminder', { dueAt: T0 + 2 * MINUTE }),
            job(road, 'timer-deadline', { dueAt: T0 + MINUTE }),
            job(road, 'timer-later', { dueAt: T0 + 60 * MINUTE }),
            job(road, 'outbox-notice', { kind: 'outbox', type: 'PostNotice', dueAt: T0, payload: { 标题: '村道硬化工程决议公开' } }),
            job(road, 'ext-sms', { kind: 'external', type: 'sms', dueAt: T0 }),
            job(road, 'ext-archive', { kind: 'external', type: 'archive', dueAt: T0 }),
            job(road, 'ext-sms-spent', { kind: 'external', type: 'sms', dueAt: T0, retries: 0 }),
          ],
        },
      });
    });

    it('claims due jobs of the kinds asked, soonest first, up to the limit', async () => {
      const now = T0 + 10 * MINUTE;
      const claimed = await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', now, LEASE, 2);
      expect(ids(claimed)).toEqual(['outbox-notice', 'timer-deadline']);
      expect(claimed[0]).toMatchObject({ lockedBy: 'server-a', lockedUntil: now + LEASE, payload: { 标题: '村道硬化工程决议公开' } });
      expect(ids(await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', now, LEASE, 10))).toEqual(['timer-reminder']);
      expect(await ctx.store.jobs.claimDue(['timer'], 'server-a', T0 - 1, LEASE, 10)).toEqual([]);
    });

    it('never gives two owners claiming at the same time the same job', async () => {
      const other = await ctx.peer();
      const now = T0 + 120 * MINUTE;
      const [a, b] = await Promise.all([
        ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', now, LEASE, 2),
        other.jobs.claimDue(['timer', 'outbox'], 'server-b', now, LEASE, 2),
      ]);
      const all = [...ids(a ?? []), ...ids(b ?? [])];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(['outbox-notice', 'timer-deadline', 'timer-later', 'timer-reminder']);
    });

    it('holds a job for its owner until the lease runs out, then lets another owner take it', async () => {
      const now = T0 + 10 * MINUTE;
      await ctx.store.jobs.claimDue(['timer'], 'server-a', now, LEASE, 10);
      expect(await ctx.store.jobs.claimDue(['timer'], 'server-b', now + LEASE, LEASE, 10)).toEqual([]);
      const taken = await ctx.store.jobs.claimDue(['timer'], 'server-b', now + LEASE + 1, LEASE, 10);
      expect(ids(taken)).toEqual(['timer-deadline', 'timer-reminder']);
      expect(await ctx.store.jobs.byId('timer-deadline')).toMatchObject({ lockedBy: 'server-b', lockedUntil: now + 2 * LEASE + 1 });
    });

    it('extends a lease for its holder only', async () => {
      const now = T0 + 10 * MINUTE;
      await ctx.store.jobs.claimDue(['timer'], 'server-a', now, LEASE, 1);
      expect(await ctx.store.jobs.extendLock('timer-deadline', 'server-b', now + 3 * LEASE)).toBe(false);
      expect(await ctx.store.jobs.extendLock('timer-deadline', 'server-a', now + 3 * LEASE)).toBe(true);
      expect(await ctx.store.jobs.claimDue(['timer'], 'server-b', now + 2 * LEASE, LEASE, 1)).toEqual([
        expect.objectContaining({ id: 'timer-reminder' }),
      ]);
    });

    it('gives back every lease an owner holds', async () => {
      const now = T0 + 10 * MINUTE;
      await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', now, LEASE, 10);
      await ctx.store.jobs.claimDue(['timer'], 'server-c', now, LEASE, 10);
      expect(await ctx.store.jobs.release('server-a')).toBe(3);
      expect(await ctx.store.jobs.byId('timer-deadline')).not.toHaveProperty('lockedBy');
      expect(ids(await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-b', now, LEASE, 10))).toEqual([
        'outbox-notice',
        'timer-deadline',
        'timer-reminder',
      ]);
    });

    it('hands external jobs to workers by type, one worker at a time', async () => {
      const fetched = await ctx.store.jobs.fetchAndLock(['sms'], 'worker-1', T0, LEASE, 10);
      expect(ids(fetched)).toEqual(['ext-sms']);
      expect(fetched[0]).toMatchObject({ kind: 'external', type: 'sms', lockedBy: 'worker-1' });
      expect(await ctx.store.jobs.fetchAndLock(['sms'], 'worker-2', T0 + 1, LEASE, 10)).toEqual([]);
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms', 'archive'], 'worker-2', T0 + 1, LEASE, 10))).toEqual(['ext-archive']);
      expect(await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', T0 + 1, LEASE, 10)).not.toContainEqual(
        expect.objectContaining({ kind: 'external' }),
      );
    });

    it('puts a failed attempt back with fewer retries, due later, for its holder only', async () => {
      await ctx.store.jobs.fetchAndLock(['sms'], 'worker-1', T0, LEASE, 10);
      expect(await ctx.store.jobs.retryLater('ext-sms', 'worker-2', 2, T0 + 10 * MINUTE, 'gateway timeout')).toBe(false);
      expect(await ctx.store.jobs.retryLater('ext-sms', 'worker-1', 2, T0 + 10 * MINUTE, '短信网关超时')).toBe(true);
      const retried = await ctx.store.jobs.byId('ext-sms');
      expect(retried).toMatchObject({ retries: 2, dueAt: T0 + 10 * MINUTE, lastError: '短信网关超时' });
      expect(retried).not.toHaveProperty('lockedBy');
      expect(await ctx.store.jobs.fetchAndLock(['sms'], 'worker-2', T0 + 9 * MINUTE, LEASE, 10)).toEqual([]);
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms'], 'worker-2', T0 + 10 * MINUTE, LEASE, 10))).toEqual(['ext-sms']);
    });

    it('never hands out a job with no retries left', async () => {
      await ctx.store.jobs.fetchAndLock(['sms'], 'worker-1', T0, LEASE, 10);
      await ctx.store.jobs.retryLater('ext-sms', 'worker-1', 0, T0, 'rejected by the gateway');
      expect(await ctx.store.jobs.fetchAndLock(['sms'], 'worker-2', T0 + 60 * MINUTE, LEASE, 10)).toEqual([]);
    });

    it('counts the jobs a claim could take now, and the oldest due time among them', async () => {
      expect(await ctx.store.jobs.countDue(T0)).toBe(3);
      expect(await ctx.store.jobs.countDue(T0 + 10 * MINUTE)).toBe(5);
      await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + 10 * MINUTE, LEASE, 10);
      expect(await ctx.store.jobs.countDue(T0 + 10 * MINUTE)).toBe(4);
      expect(await ctx.store.jobs.oldestDue(T0 + 10 * MINUTE)).toBe(T0);
      expect(await ctx.store.jobs.oldestDue(T0 - 1)).toBeUndefined();
    });

    it('drops jobs a commit marks done or removes, and adds its new ones', async () => {
      await ctx.store.commit({
        instance: road,
        expectedVersion: 1,
        events: [],
        jobs: {
          done: ['outbox-notice'],
          remove: [
            { instanceId: road.id, ref: 'timer-later' },
            { instanceId: road.id, ref: 'timer-reminder', kind: 'outbox' },
          ],
          add: [job(road, 'timer-next', { dueAt: T0 + 30 * MINUTE })],
        },
      });
      expect(await ctx.store.jobs.byId('outbox-notice')).toBeUndefined();
      expect(await ctx.store.jobs.byId('timer-later')).toBeUndefined();
      expect(await ctx.store.jobs.byId('timer-reminder')).toBeDefined();
      expect(await ctx.store.jobs.byId('timer-next')).toEqual(job(road, 'timer-next', { dueAt: T0 + 30 * MINUTE }));
    });
  });
}
