import { describe, expect, it } from 'vitest';
import { StoreConflict } from '../port.ts';
import type { RegisterRecord, RegisterWrite } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { allPages, DAY, DEFINITION, FORM, instance, PATH, start, T0, USERS } from './fixtures.ts';

/** 鹤峰村's register of rental houses (出租屋台账), keyed by the house number. */
const houses: RegisterRecord = {
  unitPath: PATH.hefeng,
  id: 'rental-houses',
  name: { 'zh-CN': '出租屋台账', en: 'Rental houses' },
  formKey: FORM.rentalHouse,
  keyField: 'houseNo',
  declaredBy: DEFINITION.rentalHousing,
  declaredAt: T0,
};

const house = (key: string, data: Record<string, unknown>, fields: Partial<RegisterWrite> = {}): RegisterWrite => ({
  unitPath: PATH.hefeng,
  register: houses.id,
  key,
  data: { houseNo: key, ...data },
  at: T0,
  by: USERS.hefengClerk.id,
  ...fields,
});

export function registerSpecs(ctx: SuiteContext): void {
  describe('registers (台账)', () => {
    it('declares a register at a unit once, a later declaration updating it, and lists the registers within reach', async () => {
      await ctx.store.registers.declare(houses);
      await ctx.store.registers.declare({ ...houses, name: { 'zh-CN': '出租屋登记台账', en: 'Rental houses' }, declaredAt: T0 + DAY });
      await ctx.store.registers.declare({ ...houses, unitPath: PATH.honggang });
      expect(await ctx.store.registers.byId(PATH.hefeng, houses.id)).toEqual({
        ...houses,
        name: { 'zh-CN': '出租屋登记台账', en: 'Rental houses' },
        declaredAt: T0 + DAY,
      });
      expect(await ctx.store.registers.byId(PATH.hefeng, 'tenants')).toBeUndefined();
      expect((await ctx.store.registers.within([PATH.town])).map((r) => r.unitPath)).toEqual([PATH.hefeng, PATH.honggang]);
      expect((await ctx.store.registers.within([PATH.honggang])).map((r) => r.unitPath)).toEqual([PATH.honggang]);
      await expect(ctx.store.registers.declare({ ...houses, id: 'Rental Houses' })).rejects.toThrow(/kebab-case/);
    });

    it('keeps every revision of an entry, the newest as the entry, JSON with $-keys and Chinese as written', async () => {
      const first = await ctx.store.registers.put(house('鹤峰西街12号', { landlord: '陈伯', rooms: 6, $note: { 'a.b': 1 } }));
      expect(first.revision).toBe(1);
      const second = await ctx.store.registers.put(
        house('鹤峰西街12号', { landlord: '陈伯', rooms: 6, risk: 'high' }, { at: T0 + DAY, note: '巡查后重评风险' }),
      );
      expect(second).toMatchObject({ revision: 2, note: '巡查后重评风险' });
      expect(await ctx.store.registers.entry(PATH.hefeng, houses.id, '鹤峰西街12号')).toEqual(second);
      const history = await ctx.store.registers.history(PATH.hefeng, houses.id, '鹤峰西街12号');
      expect(history.map((e) => e.revision)).toEqual([2, 1]);
      expect(history[1]?.data).toEqual({ houseNo: '鹤峰西街12号', landlord: '陈伯', rooms: 6, $note: { 'a.b': 1 } });
      expect(await ctx.store.registers.entry(PATH.honggang, houses.id, '鹤峰西街12号')).toBeUndefined();
    });

    it('refuses a write over a revision someone else replaced, and a second new entry under one key', async () => {
      await ctx.store.registers.put(house('1号', { rooms: 2 }), null);
      await ctx.store.registers.put(house('1号', { rooms: 3 }), 1);
      await expect(ctx.store.registers.put(house('1号', { rooms: 4 }), 1)).rejects.toBeInstanceOf(StoreConflict);
      await expect(ctx.store.registers.put(house('1号', { rooms: 4 }), null)).rejects.toBeInstanceOf(StoreConflict);
      expect((await ctx.store.registers.entry(PATH.hefeng, houses.id, '1号'))?.data).toEqual({ houseNo: '1号', rooms: 3 });
      expect(await ctx.store.registers.history(PATH.hefeng, houses.id, '1号')).toHaveLength(2);
    });

    it('lists the entries in key order a page at a time, retired ones only when asked', async () => {
      for (const key of ['05', '01', '03', '04', '02']) await ctx.store.registers.put(house(key, {}));
      await ctx.store.registers.put(house('03', {}, { retired: true, note: '已拆除' }));
      const query = { unitPath: PATH.hefeng, register: houses.id, limit: 2 };
      const pages = await allPages((cursor) => ctx.store.registers.entries({ ...query, ...(cursor ? { cursor } : {}) }));
      expect(pages.map((page) => page.map((e) => e.key))).toEqual([
        ['01', '02'],
        ['04', '05'],
      ]);
      const all = await allPages((cursor) => ctx.store.registers.entries({ ...query, retired: true, ...(cursor ? { cursor } : {}) }));
      expect(all.flat().map((e) => [e.key, e.retired ?? false])).toEqual([
        ['01', false],
        ['02', false],
        ['03', true],
        ['04', false],
        ['05', false],
      ]);
    });

    it('writes entries in a commit, with the instance that wrote them, or not at all', async () => {
      const inspection = instance('inst-inspection', PATH.hefeng, { definitionKey: DEFINITION.rentalHousing });
      const written = house('鹤峰西街12号', { risk: 'medium' }, { by: 'system:registers', instanceId: inspection.id });
      await start(ctx.store, inspection, { registers: { put: [written] } });
      expect(await ctx.store.registers.entry(PATH.hefeng, houses.id, '鹤峰西街12号')).toEqual({ ...written, revision: 1 });

      const stale = { instance: inspection, expectedVersion: 7, events: [], registers: { put: [{ ...written, data: { risk: 'low' } }] } };
      await expect(ctx.store.commit(stale)).rejects.toBeInstanceOf(StoreConflict);
      expect((await ctx.store.registers.entry(PATH.hefeng, houses.id, '鹤峰西街12号'))?.data).toMatchObject({ risk: 'medium' });
      const foreign = house('2号', {}, { instanceId: 'inst-other' });
      await expect(
        ctx.store.commit({ instance: inspection, expectedVersion: 1, events: [], registers: { put: [foreign] } }),
      ).rejects.toThrow(/belongs to instance inst-other/);
    });

    it('refuses an entry without a key or with data that is no object', async () => {
      await expect(ctx.store.registers.put(house('', {}))).rejects.toThrow(/key of 1 to 200/);
      await expect(ctx.store.registers.put({ ...house('1号', {}), data: [] as unknown as Record<string, unknown> })).rejects.toThrow(
        /must be an object/,
      );
      expect(await ctx.store.registers.entry(PATH.hefeng, houses.id, '1号')).toBeUndefined();
    });
  });
}
