import { describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { DelegationRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, DEFINITION, MINUTE, T0, USERS } from './fixtures.ts';

const li = USERS.hefengClerk.id;
const zhao = USERS.hefengMember.id;
const wang = USERS.townOfficial.id;

/** 李文书 away for a week from T0, 赵委员 his deputy, unless said otherwise. */
const delegation = (id: string, fields: Partial<DelegationRecord> = {}): DelegationRecord => ({
  id,
  userId: li,
  deputyId: zhao,
  from: T0,
  until: T0 + 7 * DAY,
  createdAt: T0 - DAY,
  createdBy: li,
  ...fields,
});

export function delegationSpecs(ctx: SuiteContext): void {
  describe('delegations', () => {
    const active = async (at: number, definitionKey: string = DEFINITION.majorMatters) =>
      (await ctx.store.delegations.activeFor(li, at, definitionKey))?.id;

    it('keep a delegation as it was put, leaving out what was not given, and refuse its id twice', async () => {
      const full = delegation('d-full', { definitionKey: DEFINITION.rentalHousing, reason: '外出培训', createdBy: wang });
      const bare = delegation('d-bare');
      for (const d of [full, bare]) await ctx.store.delegations.put(d);
      expect(await ctx.store.delegations.byId('d-full')).toStrictEqual(full);
      expect(await ctx.store.delegations.byId('d-bare')).toStrictEqual(bare);
      expect(await ctx.store.delegations.byId('d-none')).toBeUndefined();
      await expect(ctx.store.delegations.put(bare)).rejects.toBeInstanceOf(StoreDuplicate);
    });

    it('hold from their start until their until, not before nor after', async () => {
      await ctx.store.delegations.put(delegation('d-week'));
      expect(await active(T0 - MINUTE)).toBeUndefined();
      expect(await active(T0)).toBe('d-week');
      expect(await active(T0 + 7 * DAY - 1)).toBe('d-week');
      expect(await active(T0 + 7 * DAY)).toBeUndefined();
      expect(await ctx.store.delegations.activeFor(zhao, T0 + DAY, DEFINITION.majorMatters)).toBeUndefined();
    });

    it('hold for one procedure only when they name one', async () => {
      await ctx.store.delegations.put(delegation('d-housing', { definitionKey: DEFINITION.rentalHousing }));
      expect(await active(T0 + DAY, DEFINITION.rentalHousing)).toBe('d-housing');
      expect(await active(T0 + DAY, DEFINITION.majorMatters)).toBeUndefined();
    });

    it('let the most recently created of those that hold win', async () => {
      await ctx.store.delegations.put(delegation('d-first'));
      await ctx.store.delegations.put(delegation('d-later', { deputyId: wang, createdAt: T0 }));
      await ctx.store.delegations.put(delegation('d-other', { definitionKey: DEFINITION.rentalHousing, createdAt: T0 + MINUTE }));
      expect(await active(T0 + DAY)).toBe('d-later');
      expect(await active(T0 + DAY, DEFINITION.rentalHousing)).toBe('d-other');
    });

    it('stop holding once ended, which they are only once', async () => {
      await ctx.store.delegations.put(delegation('d-week'));
      expect(await ctx.store.delegations.end('d-week', T0 + DAY)).toBe(true);
      expect(await ctx.store.delegations.end('d-week', T0 + 2 * DAY)).toBe(false);
      expect(await ctx.store.delegations.end('d-none', T0)).toBe(false);
      expect(await active(T0 + DAY - 1)).toBe('d-week');
      expect(await active(T0 + DAY)).toBeUndefined();
      expect(await ctx.store.delegations.byId('d-week')).toStrictEqual(delegation('d-week', { endedAt: T0 + DAY }));
    });

    it('list a user’s as delegator and as deputy, ended ones too, newest first', async () => {
      const mine = delegation('d-mine', { endedAt: T0 });
      const deputing = delegation('d-deputing', { userId: wang, deputyId: li, createdAt: T0 });
      const others = delegation('d-others', { userId: wang, deputyId: zhao });
      for (const d of [mine, deputing, others]) await ctx.store.delegations.put(d);
      expect(await ctx.store.delegations.ofUser(li)).toStrictEqual([deputing, mine]);
      expect((await ctx.store.delegations.ofUser(zhao)).map((d) => d.id)).toEqual(['d-others', 'd-mine']);
      expect(await ctx.store.delegations.ofUser(USERS.honggangClerk.id)).toEqual([]);
    });
  });
}
