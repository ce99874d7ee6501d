import { beforeEach, describe, expect, it } from 'vitest';
import { StoreConflict } from '../port.ts';
import type { JobRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { instance, job, MINUTE, PATH, start, T0, variablesSet } from './fixtures.ts';

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
            job(road, 'outbox-message', { kind: 'outbox', type: 'publishMessage', dueAt: T0, payload: { name: '村道硬化工程决议' } }),
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
      expect(ids(claimed)).toEqual(['outbox-message', 'timer-deadline']);
      expect(claimed[0]).toMatchObject({ lockedBy: 'server-a', lockedUntil: now + LEASE, payload: { name: '村道硬化工程决议' } });
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
      expect(all.sort()).toEqual(['outbox-message', 'timer-deadline', 'timer-later', 'timer-reminder']);
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
        'outbox-message',
        'timer-deadline',
        'timer-reminder',
      ]);
    });

    it('hands external jobs to workers by type, one worker at a time', async () => {
      const fetched = await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-1', T0, LEASE, 10);
      expect(ids(fetched)).toEqual(['ext-sms']);
      expect(fetched[0]).toMatchObject({ kind: 'external', type: 'sms', lockedBy: 'worker-1' });
      expect(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-2', T0 + 1, LEASE, 10)).toEqual([]);
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms', 'archive'], [PATH.town], 'worker-2', T0 + 1, LEASE, 10))).toEqual([
        'ext-archive',
      ]);
      expect(await ctx.store.jobs.claimDue(['timer', 'outbox'], 'server-a', T0 + 1, LEASE, 10)).not.toContainEqual(
        expect.objectContaining({ kind: 'external' }),
      );
    });

    it('hands a worker only the external jobs of the units it serves, and leaves the others untouched', async () => {
      const honggang = instance('inst-well', PATH.honggang);
      await start(ctx.store, honggang, {
        jobs: { add: [job(honggang, 'ext-sms-honggang', { kind: 'external', type: 'sms', dueAt: T0 - 1 })] },
      });
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.hefeng], 'worker-1', T0, LEASE, 10))).toEqual(['ext-sms']);
      expect(await ctx.store.jobs.fetchAndLock(['sms'], [], 'worker-1', T0, LEASE, 10)).toEqual([]);
      expect(await ctx.store.jobs.byId('ext-sms-honggang')).not.toHaveProperty('lockedBy');
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.honggang], 'worker-2', T0, LEASE, 10))).toEqual(['ext-sms-honggang']);
    });

    it('puts a failed attempt back with fewer retries, due later, for its holder only', async () => {
      await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-1', T0, LEASE, 10);
      expect(await ctx.store.jobs.retryLater('ext-sms', 'worker-2', 2, T0 + 10 * MINUTE, 'gateway timeout')).toBe(false);
      expect(await ctx.store.jobs.retryLater('ext-sms', 'worker-1', 2, T0 + 10 * MINUTE, '短信网关超时')).toBe(true);
      const retried = await ctx.store.jobs.byId('ext-sms');
      expect(retried).toMatchObject({ retries: 2, dueAt: T0 + 10 * MINUTE, lastError: '短信网关超时' });
      expect(retried).not.toHaveProperty('lockedBy');
      expect(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-2', T0 + 9 * MINUTE, LEASE, 10)).toEqual([]);
      expect(ids(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-2', T0 + 10 * MINUTE, LEASE, 10))).toEqual(['ext-sms']);
    });

    it('never hands out a job with no retries left', async () => {
      await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-1', T0, LEASE, 10);
      await ctx.store.jobs.retryLater('ext-sms', 'worker-1', 0, T0, 'rejected by the gateway');
      expect(await ctx.store.jobs.fetchAndLock(['sms'], [PATH.town], 'worker-2', T0 + 60 * MINUTE, LEASE, 10)).toEqual([]);
    });

    it('counts the jobs a claim could take now, and the oldest due time among them', async () => {
      expect(await ctx.store.jobs.countDue(T0)).toBe(3);
      expect(await ctx.store.jobs.countDue(T0 + 10 * MINUTE)).toBe(5);
      await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + 10 * MINUTE, LEASE, 10);
      expect(await ctx.store.jobs.countDue(T0 + 10 * MINUTE)).toBe(4);
      expect(await ctx.store.jobs.oldestDue(T0 + 10 * MINUTE)).toBe(T0);
      expect(await ctx.store.jobs.oldestDue(T0 - 1)).toBeUndefined();
    });

    it('lists the jobs of an instance, whatever their state', async () => {
      const other = instance('inst-other', PATH.hefeng);
      await start(ctx.store, other, { jobs: { add: [job(other, 'timer-other', { createdAt: T0 - 1 })] } });
      expect(ids(await ctx.store.jobs.ofInstance(road.id))).toEqual([
        'ext-archive',
        'ext-sms',
        'ext-sms-spent',
        'outbox-message',
        'timer-deadline',
        'timer-later',
        'timer-reminder',
      ]);
      expect(ids(await ctx.store.jobs.ofInstance(other.id))).toEqual(['timer-other']);
      expect(await ctx.store.jobs.ofInstance('inst-none')).toEqual([]);
    });

    it('drops jobs a commit marks done by their holder or removes, and adds its new ones', async () => {
      await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0, LEASE, 10);
      await ctx.store.commit({
        instance: road,
        expectedVersion: 1,
        events: [],
        jobs: {
          done: [{ id: 'outbox-message', owner: 'server-a' }],
          remove: [
            { instanceId: road.id, ref: 'timer-later' },
            { instanceId: road.id, ref: 'timer-reminder', kind: 'outbox' },
          ],
          add: [job(road, 'timer-next', { dueAt: T0 + 30 * MINUTE })],
        },
      });
      expect(await ctx.store.jobs.byId('outbox-message')).toBeUndefined();
      expect(await ctx.store.jobs.byId('timer-later')).toBeUndefined();
      expect(await ctx.store.jobs.byId('timer-reminder')).toBeDefined();
      expect(await ctx.store.jobs.byId('timer-next')).toEqual(job(road, 'timer-next', { dueAt: T0 + 30 * MINUTE }));
    });

    it('refuses, whole, a commit finishing a job whose lease another owner took over', async () => {
      const now = T0 + 10 * MINUTE;
      await ctx.store.jobs.claimDue(['timer'], 'server-a', now, LEASE, 1);
      await ctx.store.jobs.claimDue(['timer'], 'server-b', now + LEASE + 1, LEASE, 1);
      const finishing = (owner: string, expectedVersion: number) => ({
        instance: road,
        expectedVersion,
        events: [variablesSet('1', { 提醒: '已发送' }, now)],
        jobs: { done: [{ id: 'timer-deadline', owner }], add: [job(road, 'timer-follow-up')] },
      });
      await expect(ctx.store.commit(finishing('server-a', 1))).rejects.toThrow(StoreConflict);
      await expect(ctx.store.commit(finishing('server-a', 1))).rejects.toMatchObject({ entity: 'job', id: 'timer-deadline' });
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(1);
      expect(await ctx.store.events.ofInstance(road.id)).toHaveLength(3);
      expect(await ctx.store.jobs.byId('timer-follow-up')).toBeUndefined();
      expect(await ctx.store.jobs.byId('timer-deadline')).toMatchObject({ lockedBy: 'server-b' });
      await ctx.store.commit(finishing('server-b', 1));
      expect(await ctx.store.jobs.byId('timer-deadline')).toBeUndefined();
    });

    it('refuses to finish a job nobody holds or that is gone', async () => {
      const done = (id: string) => ({ instance: road, expectedVersion: 1, events: [], jobs: { done: [{ id, owner: 'server-a' }] } });
      await expect(ctx.store.commit(done('timer-deadline'))).rejects.toThrow(StoreConflict);
      await expect(ctx.store.commit(done('job-gone'))).rejects.toThrow(StoreConflict);
    });

    it('parks a job out of retries on the incident it raised, and resumes it when that incident is resolved', async () => {
      await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0, LEASE, 10);
      const parking = { id: 'outbox-message', owner: 'server-a', incident: '9', error: '消息服务暂不可用' };
      await expect(
        ctx.store.commit({ instance: road, expectedVersion: 1, events: [], jobs: { park: [{ ...parking, owner: 'server-b' }] } }),
      ).rejects.toThrow(StoreConflict);
      await ctx.store.commit({ instance: { ...road, incidents: 1 }, expectedVersion: 1, events: [], jobs: { park: [parking] } });
      const parked = await ctx.store.jobs.byId('outbox-message');
      expect(parked).toMatchObject({ retries: 0, incident: '9', lastError: '消息服务暂不可用' });
      expect(parked).not.toHaveProperty('lockedBy');
      expect(await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + 60 * MINUTE, LEASE, 10)).toEqual([]);

      const resume = (incident: string, expectedVersion: number) => ({
        instance: road,
        expectedVersion,
        events: [],
        jobs: { resume: [{ incident, retries: 5, dueAt: T0 + 61 * MINUTE }] },
      });
      await ctx.store.commit(resume('8', 2));
      expect(await ctx.store.jobs.byId('outbox-message')).toMatchObject({ retries: 0, incident: '9' });
      await ctx.store.commit(resume('9', 3));
      const resumed = await ctx.store.jobs.byId('outbox-message');
      expect(resumed).toMatchObject({ retries: 5, dueAt: T0 + 61 * MINUTE });
      expect(resumed).not.toHaveProperty('incident');
      expect(ids(await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + 61 * MINUTE, LEASE, 10))).toEqual(['outbox-message']);
    });
    it('drops, in the commit that ends an instance, its jobs parked on an incident; its other jobs stay unless removed', async () => {
      const other = instance('inst-other', PATH.hefeng);
      await start(ctx.store, other, { jobs: { add: [job(other, 'outbox-other', { kind: 'outbox', retries: 0, incident: '4' })] } });
      await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0, LEASE, 10);
      const parking = { id: 'outbox-message', owner: 'server-a', incident: '9', error: '消息服务暂不可用' };
      await ctx.store.commit({ instance: { ...road, incidents: 1 }, expectedVersion: 1, events: [], jobs: { park: [parking] } });
      const ended = { ...road, status: 'cancelled' as const, endedAt: T0 + MINUTE, incidents: 1 };
      const reply = job(road, 'outbox-reply', { kind: 'outbox', type: 'cancelCalledInstance' });
      await ctx.store.commit({
        instance: ended,
        expectedVersion: 2,
        events: [],
        jobs: { remove: [{ instanceId: road.id, ref: 'timer-deadline' }], add: [reply] },
      });
      expect(await ctx.store.jobs.byId('outbox-message')).toBeUndefined();
      expect(ids(await ctx.store.jobs.ofInstance(road.id))).toEqual([
        'ext-archive',
        'ext-sms',
        'ext-sms-spent',
        'outbox-reply',
        'timer-later',
        'timer-reminder',
      ]);
      expect(ids(await ctx.store.jobs.ofInstance(other.id))).toEqual(['outbox-other']);
    });
    it('moves a held job to another instance in one commit: finished where it was, added where it now waits', async () => {
      const caller = instance('inst-caller', PATH.hefeng);
      await start(ctx.store, caller);
      const [held] = await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0, LEASE, 10);
      if (held?.kind !== 'outbox') throw new Error('no outbox job to hold');
      const { lockedBy: _holder, lockedUntil: _until, ...free } = held;
      const moved = { ...free, instanceId: caller.id, retries: 0, incident: '7', lastError: '消息服务暂不可用' };
      await ctx.store.commit({
        instance: { ...caller, incidents: 1 },
        expectedVersion: 1,
        events: [],
        jobs: { done: [{ id: held.id, owner: 'server-a' }], add: [moved] },
      });
      expect(await ctx.store.jobs.byId(held.id)).toEqual(moved);
      expect(ids(await ctx.store.jobs.ofInstance(road.id))).not.toContain(held.id);
      expect(ids(await ctx.store.jobs.ofInstance(caller.id))).toEqual([held.id]);
    });
  });
}
