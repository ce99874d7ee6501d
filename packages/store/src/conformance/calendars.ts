import { describe, expect, it } from 'vitest';
import type { CalendarRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, PATH, T0, USERS } from './fixtures.ts';

const ROOT = '/';

/** 国庆 2026 as the national calendar has it: 1–7 October off, Sunday 20 September and Saturday 10 October worked. */
const calendar = (unitPath: string, year: number, fields: Partial<CalendarRecord> = {}): CalendarRecord => ({
  unitPath,
  year,
  holidays: [`${year}-10-01`, `${year}-10-02`, `${year}-10-05`, `${year}-10-06`, `${year}-10-07`],
  workdays: [`${year}-09-20`, `${year}-10-10`],
  updatedAt: T0,
  updatedBy: 'system:calendar',
  ...fields,
});

export function calendarSpecs(ctx: SuiteContext): void {
  describe('calendars', () => {
    it('keep a unit’s year as it was put, leaving out what was not given', async () => {
      const provisional = calendar(ROOT, 2027, { provisional: true, note: '暂定，待国务院办公厅公布' });
      const settled = calendar(ROOT, 2026, { provisional: false });
      const bare = calendar(PATH.town, 2026, { holidays: [], workdays: [] });
      for (const c of [provisional, settled, bare]) await ctx.store.calendars.put(c);
      expect(await ctx.store.calendars.forUnit(ROOT, 2027)).toStrictEqual(provisional);
      expect(await ctx.store.calendars.forUnit(ROOT, 2026)).toStrictEqual(settled);
      expect(await ctx.store.calendars.forUnit(PATH.town, 2026)).toStrictEqual(bare);
    });

    it('replace a unit’s year with the calendar put after it', async () => {
      await ctx.store.calendars.put(calendar(PATH.town, 2026, { provisional: true, note: '暂定' }));
      const edited = calendar(PATH.town, 2026, {
        holidays: ['2026-09-29'],
        updatedAt: T0 + DAY,
        updatedBy: USERS.townOfficial.id,
      });
      await ctx.store.calendars.put(edited);
      expect(await ctx.store.calendars.forUnit(PATH.town, 2026)).toStrictEqual(edited);
      expect(await ctx.store.calendars.list([PATH.town])).toStrictEqual([edited]);
    });

    it('hold at a unit its own year, else the nearest unit above with that year, else none', async () => {
      const national2026 = calendar(ROOT, 2026);
      const national2027 = calendar(ROOT, 2027, { provisional: true });
      const town2026 = calendar(PATH.town, 2026, { holidays: ['2026-09-29'] });
      for (const c of [national2026, national2027, town2026]) await ctx.store.calendars.put(c);

      expect(await ctx.store.calendars.forUnit(PATH.hefeng, 2026)).toStrictEqual(town2026);
      expect(await ctx.store.calendars.forUnit(PATH.honggang, 2026)).toStrictEqual(town2026);
      expect(await ctx.store.calendars.forUnit(PATH.town, 2026)).toStrictEqual(town2026);
      expect(await ctx.store.calendars.forUnit(PATH.hefeng, 2027)).toStrictEqual(national2027);
      expect(await ctx.store.calendars.forUnit(PATH.district, 2026)).toStrictEqual(national2026);
      expect(await ctx.store.calendars.forUnit(PATH.hefeng, 2028)).toBeUndefined();
    });

    it('list those kept at units within reach, by unit path and year', async () => {
      const kept = [
        calendar(PATH.hefeng, 2027),
        calendar(ROOT, 2026),
        calendar(PATH.town, 2027),
        calendar(PATH.town, 2026),
        calendar(PATH.honggang, 2026),
      ];
      for (const c of kept) await ctx.store.calendars.put(c);
      const at = (path: string, year: number) => calendar(path, year);
      expect(await ctx.store.calendars.list([PATH.town])).toStrictEqual([
        at(PATH.town, 2026),
        at(PATH.town, 2027),
        at(PATH.hefeng, 2027),
        at(PATH.honggang, 2026),
      ]);
      expect(await ctx.store.calendars.list([PATH.hefeng, PATH.honggang])).toStrictEqual([at(PATH.hefeng, 2027), at(PATH.honggang, 2026)]);
      expect((await ctx.store.calendars.list([ROOT])).map((c) => [c.unitPath, c.year])).toEqual([
        [ROOT, 2026],
        [PATH.town, 2026],
        [PATH.town, 2027],
        [PATH.hefeng, 2027],
        [PATH.honggang, 2026],
      ]);
      expect(await ctx.store.calendars.list([])).toEqual([]);
    });
  });
}
