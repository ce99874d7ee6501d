import { beforeEach, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from '../chain.ts';
import type { SuiteContext } from './context.ts';
import { instance, MINUTE, PATH, start, startEvents, T0, USERS, variablesSet } from './fixtures.ts';

export function eventSpecs(ctx: SuiteContext): void {
  describe('events and the audit chain', () => {
    const road = instance('inst-a-road', PATH.hefeng, { businessKey: '鹤峰-2025-001' });
    const well = instance('inst-b-well', PATH.honggang);
    const vote = variablesSet(
      '2',
      { 表决: { 赞成: 31, 反对: 2, 弃权: 1 }, 到会: ['户代表', '村民代表'] },
      T0 + MINUTE,
      USERS.hefengMember.id,
    );

    beforeEach(async () => {
      await start(ctx.store, road);
      await ctx.store.commit({ instance: road, expectedVersion: 1, events: [vote] });
      await start(ctx.store, well);
    });

    it('keeps an instance’s events in order, as they were written', async () => {
      const events = await ctx.store.events.ofInstance(road.id);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(events.map(({ event, actor, at }) => ({ event, actor, at }))).toEqual([...startEvents(road), vote]);
      expect(events.every((e) => e.instanceId === road.id)).toBe(true);
    });

    it('reads an instance’s history a page at a time, after a sequence number', async () => {
      const all = await ctx.store.events.ofInstance(road.id);
      const seqs = async (after: number, limit: number) => (await ctx.store.events.range(road.id, after, limit)).map((e) => e.seq);
      expect(await seqs(0, 2)).toEqual([1, 2]);
      expect(await seqs(2, 10)).toEqual([3, 4]);
      expect(await seqs(4, 10)).toEqual([]);
      expect(await ctx.store.events.range(road.id, 1, 1)).toEqual([all[1]]);
      expect(await ctx.store.events.range('inst-none', 0, 10)).toEqual([]);
    });

    it('chains each event to the one before it, across commits', async () => {
      const events = await ctx.store.events.ofInstance(road.id);
      expect(events[0]?.prevHash).toBe(GENESIS_HASH);
      events.forEach((event, i) => {
        expect(event.hash).toBe(eventHash(event));
        if (i > 0) expect(event.prevHash).toBe(events[i - 1]?.hash);
      });
    });

    it('verifies untouched chains', async () => {
      expect(await ctx.store.events.verify()).toBeUndefined();
      expect(await ctx.store.events.verify(road.id)).toBeUndefined();
    });

    it('reports the first broken link after a stored event is edited', async () => {
      await ctx.hooks.tamper(ctx.store, road.id, 3);
      await ctx.hooks.tamper(ctx.store, well.id, 1);
      expect(await ctx.store.events.verify()).toMatchObject({ instanceId: road.id, seq: 3 });
      expect(await ctx.store.events.verify(well.id)).toMatchObject({ instanceId: well.id, seq: 1 });
      await ctx.hooks.tamper(ctx.store, road.id, 2);
      expect(await ctx.store.events.verify(road.id)).toMatchObject({ instanceId: road.id, seq: 2, reason: expect.any(String) });
    });
  });
}
