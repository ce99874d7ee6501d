import { beforeEach, describe, expect, it } from 'vitest';
import type { InstanceQuery } from '../port.ts';
import type { InstanceRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { allPages, DEFINITION, instance, MINUTE, PATH, start, USERS } from './fixtures.ts';

export function instanceSpecs(ctx: SuiteContext): void {
  describe('instances', () => {
    /** Seven procedures: five in 鹤峰村 (one with two started at the same moment), two in 宏岗村. */
    const started: InstanceRecord[] = [
      instance('h1', PATH.hefeng, { startedAt: 1 * MINUTE, businessKey: '鹤峰-2025-001' }),
      instance('h2', PATH.hefeng, { startedAt: 2 * MINUTE, status: 'completed', endedAt: 9 * MINUTE }),
      instance('h3', PATH.hefeng, { startedAt: 3 * MINUTE, definitionKey: DEFINITION.rentalHousing, incidents: 1 }),
      instance('h4', PATH.hefeng, { startedAt: 4 * MINUTE, startedBy: USERS.hefengMember.id }),
      instance('h5', PATH.hefeng, { startedAt: 4 * MINUTE, businessKey: '鹤峰-2025-005' }),
      instance('g1', PATH.honggang, { startedAt: 5 * MINUTE, businessKey: '宏岗-2025-001' }),
      instance('g2', PATH.honggang, { startedAt: 6 * MINUTE, incidents: 2 }),
    ];
    beforeEach(async () => {
      for (const record of started) await start(ctx.store, record);
    });

    const ids = async (query: Partial<InstanceQuery>) =>
      (await ctx.store.instances.list({ reach: [PATH.town], limit: 50, ...query })).items.map((i) => i.id);

    it("never shows a village clerk another village's procedures; the town sees both", async () => {
      expect(await ids({ reach: [PATH.hefeng] })).toEqual(['h5', 'h4', 'h3', 'h2', 'h1']);
      expect(await ids({ reach: [PATH.honggang] })).toEqual(['g2', 'g1']);
      expect(await ids({ reach: [PATH.town] })).toEqual(['g2', 'g1', 'h5', 'h4', 'h3', 'h2', 'h1']);
      expect(await ids({ reach: [PATH.hefeng, PATH.town] })).toHaveLength(7);
      expect(await ids({ reach: [] })).toEqual([]);
    });

    it('filters by status, procedure, business key and open incidents', async () => {
      expect(await ids({ status: 'completed' })).toEqual(['h2']);
      expect(await ids({ reach: [PATH.hefeng], status: 'active' })).toEqual(['h5', 'h4', 'h3', 'h1']);
      expect(await ids({ definitionKey: DEFINITION.rentalHousing })).toEqual(['h3']);
      expect(await ids({ businessKey: '宏岗-2025-001' })).toEqual(['g1']);
      expect(await ids({ reach: [PATH.hefeng], businessKey: '宏岗-2025-001' })).toEqual([]);
      expect(await ids({ withIncidents: true })).toEqual(['g2', 'h3']);
    });

    it('lists what one person started, newest first, within reach', async () => {
      expect(await ids({ startedBy: USERS.hefengMember.id })).toEqual(['h4']);
      expect(await ids({ reach: [PATH.honggang], startedBy: USERS.hefengMember.id })).toEqual([]);
      expect(await ids({ reach: [PATH.hefeng], startedBy: USERS.hefengClerk.id })).toEqual(['h5', 'h3', 'h2', 'h1']);
    });

    it('pages newest first without duplicates or gaps', async () => {
      const pages = await allPages((cursor) => ctx.store.instances.list({ reach: [PATH.town], limit: 3, ...(cursor && { cursor }) }));
      expect(pages.map((page) => page.map((i) => i.id))).toEqual([['g2', 'g1', 'h5'], ['h4', 'h3', 'h2'], ['h1']]);
    });

    it('ends on a full last page without a cursor', async () => {
      const page = await ctx.store.instances.list({ reach: [PATH.honggang], limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.next).toBeUndefined();
    });

    it('finds an instance by its business key within its procedure and unit', async () => {
      expect((await ctx.store.instances.byBusinessKey(DEFINITION.majorMatters, PATH.hefeng, '鹤峰-2025-005'))?.id).toBe('h5');
      expect(await ctx.store.instances.byBusinessKey(DEFINITION.majorMatters, PATH.honggang, '鹤峰-2025-005')).toBeUndefined();
    });

    it('refuses a made-up cursor and a page size out of range', async () => {
      await expect(ctx.store.instances.list({ reach: [PATH.town], limit: 3, cursor: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(
        /invalid cursor/,
      );
      await expect(ctx.store.instances.list({ reach: [PATH.town], limit: 0 })).rejects.toThrow(/limit/);
    });
  });
}
