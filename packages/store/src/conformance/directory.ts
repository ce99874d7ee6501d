import { describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { SuiteContext } from './context.ts';
import { allPages, PATH, T0, USERS } from './fixtures.ts';

export function directorySpecs(ctx: SuiteContext): void {
  describe('org units', () => {
    it('finds a unit by its path and lists a subtree in path order', async () => {
      expect((await ctx.store.units.byPath(PATH.hefeng))?.name).toBe('鹤峰村');
      expect((await ctx.store.units.under(PATH.town)).map((u) => u.name)).toEqual(['里水镇', '鹤峰村', '宏岗村']);
      expect(await ctx.store.units.byPath('/nanhai/dali/')).toBeUndefined();
    });

    it('keeps a subtree to the units below it, not to paths that merely start with the same letters', async () => {
      await ctx.store.units.put({ id: 'unit-hefengxin', path: '/nanhai/lishui/hefengxin/', name: '鹤峰新村', kind: 'village' });
      await ctx.store.units.put({ id: 'unit-hefeng-1', path: `${PATH.hefeng}1/`, name: '鹤峰村第一村民小组', kind: 'grid' });
      expect((await ctx.store.units.under(PATH.hefeng)).map((u) => u.name)).toEqual(['鹤峰村', '鹤峰村第一村民小组']);
    });

    it('updates a unit in place and refuses a second unit on a path already taken', async () => {
      await ctx.store.units.put({ id: 'unit-hefeng', path: PATH.hefeng, name: '鹤峰社区', kind: 'community' });
      expect(await ctx.store.units.byPath(PATH.hefeng)).toEqual({
        id: 'unit-hefeng',
        path: PATH.hefeng,
        name: '鹤峰社区',
        kind: 'community',
      });
      await expect(ctx.store.units.put({ id: 'unit-other', path: PATH.hefeng, name: '另一个', kind: 'village' })).rejects.toThrow(
        StoreDuplicate,
      );
    });

    it('refuses a path that is not a materialized unit path', async () => {
      await expect(ctx.store.units.put({ id: 'unit-bad', path: '/nanhai/lishui/hefeng', name: '鹤峰村', kind: 'village' })).rejects.toThrow(
        /unit path/,
      );
    });
  });

  describe('users and role grants', () => {
    it('finds users by username and id, and refuses a username twice', async () => {
      expect(await ctx.store.users.byUsername('li.wenshu')).toEqual(USERS.hefengClerk);
      expect(await ctx.store.users.byId(USERS.townOfficial.id)).toEqual(USERS.townOfficial);
      expect(await ctx.store.users.byUsername('nobody')).toBeUndefined();
      const twin = { ...USERS.hefengClerk, id: 'user-li-2' };
      await expect(ctx.store.users.create(twin)).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.users.byId('user-li-2')).toBeUndefined();
    });

    it('sets a password hash, and refuses to for an unknown user', async () => {
      await ctx.store.users.setPassword(USERS.hefengClerk.id, 'scrypt$16384$8$1$c2FsdA$aGFzaA');
      expect((await ctx.store.users.byId(USERS.hefengClerk.id))?.passwordHash).toBe('scrypt$16384$8$1$c2FsdA$aGFzaA');
      await expect(ctx.store.users.setPassword('user-nobody', 'x')).rejects.toThrow(/does not exist/);
    });

    it('disables an account and enables it again, and refuses to for an unknown user', async () => {
      await ctx.store.users.setDisabled(USERS.hefengClerk.id, true);
      expect((await ctx.store.users.byId(USERS.hefengClerk.id))?.disabled).toBe(true);
      expect((await ctx.store.users.byUsername(USERS.hefengClerk.username))?.disabled).toBe(true);
      await ctx.store.users.setDisabled(USERS.hefengClerk.id, false);
      expect(await ctx.store.users.byId(USERS.hefengClerk.id)).toEqual(USERS.hefengClerk);
      await expect(ctx.store.users.setDisabled('user-nobody', true)).rejects.toThrow(/does not exist/);
    });

    it('grants a role once however often it is granted, and revokes it', async () => {
      const grant = { userId: USERS.hefengMember.id, role: 'member', unitPath: PATH.hefeng } as const;
      await ctx.store.users.grant(grant);
      await ctx.store.users.grant(grant);
      expect(await ctx.store.users.grantsOf(USERS.hefengMember.id)).toEqual(
        expect.arrayContaining([grant, { userId: USERS.hefengMember.id, role: 'approver', unitPath: PATH.hefeng }]),
      );
      expect(await ctx.store.users.grantsOf(USERS.hefengMember.id)).toHaveLength(2);
      await ctx.store.users.revoke(grant);
      expect(await ctx.store.users.grantsOf(USERS.hefengMember.id)).toEqual([
        { userId: USERS.hefengMember.id, role: 'approver', unitPath: PATH.hefeng },
      ]);
    });

    it('refuses an unknown role', async () => {
      await expect(
        ctx.store.users.grant({ userId: USERS.hefengClerk.id, role: 'mayor' as 'clerk', unitPath: PATH.hefeng }),
      ).rejects.toThrow(/unknown role/);
    });

    it('finds the enabled holders of a role at one unit, not those holding it above or below it', async () => {
      const retired = { ...USERS.hefengMember, id: 'user-sun', username: 'sun.weiyuan', displayName: '孙委员', disabled: true };
      const secretary = { ...USERS.hefengMember, id: 'user-zhou', username: 'an.shuji', displayName: '安书记' };
      for (const u of [retired, secretary]) await ctx.store.users.create(u);
      for (const userId of [retired.id, secretary.id]) await ctx.store.users.grant({ userId, role: 'approver', unitPath: PATH.hefeng });
      await ctx.store.users.grant({ userId: USERS.townOfficial.id, role: 'approver', unitPath: PATH.town });
      await ctx.store.users.grant({ userId: USERS.honggangClerk.id, role: 'approver', unitPath: `${PATH.hefeng}1/` });

      expect(await ctx.store.users.withRoleAt('approver', PATH.hefeng)).toEqual([secretary, USERS.hefengMember]);
      expect((await ctx.store.users.withRoleAt('approver', PATH.town)).map((u) => u.id)).toEqual([USERS.townOfficial.id]);
      expect(await ctx.store.users.withRoleAt('approver', PATH.honggang)).toEqual([]);
      expect(await ctx.store.users.withRoleAt('clerk', PATH.town)).toEqual([]);
    });

    it('lists the users holding a role within reach by username, in pages', async () => {
      await ctx.store.users.create({ id: 'user-sun', username: 'sun.wenshu', displayName: '孙文书', disabled: true, createdAt: T0 });
      await ctx.store.users.grant({ userId: 'user-sun', role: 'clerk', unitPath: `${PATH.hefeng}1/` });
      await ctx.store.users.create({ id: 'user-nobody', username: 'a.nobody', displayName: '无角色', disabled: false, createdAt: T0 });
      await ctx.store.users.grant({ userId: USERS.hefengClerk.id, role: 'member', unitPath: PATH.hefeng });
      const names = async (reach: string[]) =>
        (await allPages((cursor) => ctx.store.users.list({ reach, limit: 2, ...(cursor && { cursor }) }))).map((page) =>
          page.map((u) => u.username),
        );
      expect(await names([PATH.hefeng])).toEqual([['li.wenshu', 'sun.wenshu'], ['zhao.weiyuan']]);
      expect(await names([PATH.town])).toEqual([['chen.wenshu', 'li.wenshu'], ['sun.wenshu', 'wang.zhenganbu'], ['zhao.weiyuan']]);
      expect(await names([PATH.honggang, `${PATH.hefeng}1/`])).toEqual([['chen.wenshu', 'sun.wenshu']]);
      expect((await ctx.store.users.list({ reach: [PATH.hefeng], limit: 10 })).items[0]).toEqual(USERS.hefengClerk);
      expect((await ctx.store.users.list({ reach: [], limit: 10 })).items).toEqual([]);
    });
  });
}
