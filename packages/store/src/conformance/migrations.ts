import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './context.ts';
import { instance, PATH, start, USERS } from './fixtures.ts';

export function migrationSpecs(ctx: SuiteContext): void {
  describe('migrations', () => {
    it('can run again on a migrated store and keeps its data', async () => {
      const road = instance('inst-road', PATH.hefeng);
      await start(ctx.store, road);
      await ctx.store.migrate();
      await ctx.store.migrate();
      expect((await ctx.store.instances.byId(road.id))?.version).toBe(1);
      expect(await ctx.store.users.byUsername(USERS.hefengClerk.username)).toEqual(USERS.hefengClerk);
      expect(await ctx.store.events.verify()).toBeUndefined();
    });
  });
}
