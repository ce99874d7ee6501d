import { beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { allPages, instance, job, MINUTE, PATH, start, T0 } from './fixtures.ts';

const LEASE = 5 * MINUTE;
const HOUR = 60 * MINUTE;

export function deadLetterSpecs(ctx: SuiteContext): void {
  describe('dead letters', () => {
    const road = instance('inst-road', PATH.hefeng);
    const ids = (jobs: readonly JobRecord[]) => jobs.map((j) => j.id);
    const delivery = (id: string, fields: Parameters<typeof job>[2] = {}) =>
      job(road, id, { kind: 'outbox', type: 'webhook', unitPath: PATH.town, retries: 0, lastError: 'HTTP 502', ...fields });
    const deadLetters = (reach: string[], limit = 10, cursor?: string) =>
      ctx.store.jobs.deadLetters({ type: 'webhook', reach, limit, ...(cursor ? { cursor } : {}) });

    beforeEach(async () => {
      await start(ctx.store, road, {
        jobs: {
          add: [
            delivery('wh-first', { dueAt: T0 }),
            delivery('wh-second', { dueAt: T0 + MINUTE }),
            delivery('wh-dali', { dueAt: T0, unitPath: '/nanhai/dali/' }),
            delivery('wh-pending', { dueAt: T0, retries: 3 }),
            delivery('wh-parked', { dueAt: T0, incident: 'inc-1' }),
            job(road, 'message-spent', { kind: 'outbox', type: 'publishMessage', retries: 0 }),
            job(road, 'sms-spent', { kind: 'external', type: 'webhook', unitPath: PATH.town, retries: 0 }),
          ],
        },
      });
    });

    it('lists the outbox jobs of a type given up on within reach, the last given up first, in pages', async () => {
      const [pending] = await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0, LEASE, 1);
      expect(pending?.id).toBe('wh-pending');
      await ctx.store.jobs.retryLater('wh-pending', 'server-a', 0, T0 + 2 * MINUTE, 'timed out after 5 s');
      const pages = await allPages((cursor) => deadLetters([PATH.town], 2, cursor));
      expect(pages.map(ids)).toEqual([['wh-pending', 'wh-second'], ['wh-first']]);
      expect(pages[0]?.[0]).toMatchObject({ retries: 0, dueAt: T0 + 2 * MINUTE, lastError: 'timed out after 5 s' });
      expect(pages[0]?.[0]).not.toHaveProperty('lockedBy');
      expect(ids((await deadLetters(['/nanhai/'])).items)).toEqual(['wh-pending', 'wh-second', 'wh-first', 'wh-dali']);
      expect((await deadLetters([])).items).toEqual([]);
    });

    it('revives a dead letter, due again with its retries, and nothing else', async () => {
      expect(await ctx.store.jobs.revive('wh-first', 6, T0 + HOUR)).toBe(true);
      expect(await ctx.store.jobs.revive('wh-first', 6, T0 + HOUR)).toBe(false);
      expect(ids((await deadLetters([PATH.town])).items)).toEqual(['wh-second']);
      expect(await ctx.store.jobs.byId('wh-first')).toMatchObject({ retries: 6, dueAt: T0 + HOUR });
      expect(await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + HOUR - 1, LEASE, 10).then(ids)).toEqual(['wh-pending']);
      expect(await ctx.store.jobs.claimDue(['outbox'], 'server-a', T0 + HOUR, LEASE, 10).then(ids)).toEqual(['wh-first']);

      for (const other of ['wh-pending', 'wh-parked', 'sms-spent', 'wh-nobody']) {
        expect(await ctx.store.jobs.revive(other, 6, T0 + HOUR)).toBe(false);
      }
      expect(await ctx.store.jobs.byId('wh-parked')).toMatchObject({ retries: 0, incident: 'inc-1' });
    });
  });
}
