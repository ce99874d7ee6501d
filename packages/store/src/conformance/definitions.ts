import { describe, expect, it } from 'vitest';
import type { DefinitionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DEFINITION, FORM, PATH, T0, USERS } from './fixtures.ts';

const definition = (id: string, unitPath: string, key: string = DEFINITION.majorMatters): Omit<DefinitionRecord, 'version'> => ({
  id,
  key,
  unitPath,
  name: '重要事项“四议两公开”',
  xml: `<definitions id="${id}"><process id="${key}" isExecutable="true"/></definitions>`,
  deployedAt: T0,
  deployedBy: USERS.townOfficial.id,
});

export function definitionSpecs(ctx: SuiteContext): void {
  describe('process definitions', () => {
    it('numbers versions per key and unit', async () => {
      expect((await ctx.store.definitions.deploy(definition('d1', PATH.hefeng))).version).toBe(1);
      expect((await ctx.store.definitions.deploy(definition('d2', PATH.hefeng))).version).toBe(2);
      expect((await ctx.store.definitions.deploy(definition('d3', PATH.honggang))).version).toBe(1);
      expect((await ctx.store.definitions.deploy(definition('d4', PATH.hefeng, DEFINITION.rentalHousing))).version).toBe(1);
    });

    it('finds a definition by id and the latest version', async () => {
      await ctx.store.definitions.deploy(definition('d1', PATH.hefeng));
      await ctx.store.definitions.deploy(definition('d2', PATH.hefeng));
      expect(await ctx.store.definitions.byId('d1')).toEqual({ ...definition('d1', PATH.hefeng), version: 1 });
      expect((await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.hefeng))?.id).toBe('d2');
      expect(await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.honggang)).toBeUndefined();
    });

    it('lists only the definitions within reach', async () => {
      await ctx.store.definitions.deploy(definition('d1', PATH.hefeng));
      await ctx.store.definitions.deploy(definition('d2', PATH.honggang));
      await ctx.store.definitions.deploy(definition('d3', PATH.hefeng, DEFINITION.rentalHousing));
      const ids = async (reach: string[], key?: string) => (await ctx.store.definitions.list(reach, key)).map((d) => d.id).sort();
      expect(await ids([PATH.hefeng])).toEqual(['d1', 'd3']);
      expect(await ids([PATH.town])).toEqual(['d1', 'd2', 'd3']);
      expect(await ids([PATH.town], DEFINITION.majorMatters)).toEqual(['d1', 'd2']);
      expect(await ids([])).toEqual([]);
    });

    it('shows a unit its own definitions and those of the units above it, not those below or beside it', async () => {
      await ctx.store.definitions.deploy(definition('d-town', PATH.town));
      await ctx.store.definitions.deploy(definition('d-district', PATH.district, DEFINITION.rentalHousing));
      await ctx.store.definitions.deploy(definition('d-hefeng', PATH.hefeng));
      await ctx.store.definitions.deploy(definition('d-honggang', PATH.honggang));
      await ctx.store.definitions.deploy(definition('d-hefeng-1', `${PATH.hefeng}1/`));
      const ids = async (unit: string, key?: string) => (await ctx.store.definitions.visibleAt(unit, key)).map((d) => d.id);
      expect(await ids(PATH.hefeng)).toEqual(['d-town', 'd-hefeng', 'd-district']);
      expect(await ids(PATH.hefeng, DEFINITION.majorMatters)).toEqual(['d-town', 'd-hefeng']);
      expect(await ids(PATH.town)).toEqual(['d-town', 'd-district']);
      expect(await ids('/')).toEqual([]);
    });

    it('finds what a unit runs under a key: the newest version at the unit, else at the nearest unit above', async () => {
      await ctx.store.definitions.deploy(definition('town-1', PATH.town));
      await ctx.store.definitions.deploy(definition('town-2', PATH.town));
      await ctx.store.definitions.deploy(definition('district-1', PATH.district));
      await ctx.store.definitions.deploy(definition('district-2', PATH.district));
      await ctx.store.definitions.deploy(definition('district-3', PATH.district));
      await ctx.store.definitions.deploy(definition('hefeng-1', PATH.hefeng));
      const nearest = async (unit: string, version?: number) =>
        (await ctx.store.definitions.nearest(DEFINITION.majorMatters, unit, version))?.id;
      expect(await nearest(PATH.hefeng)).toBe('hefeng-1');
      expect(await nearest(PATH.honggang)).toBe('town-2');
      expect(await nearest(PATH.honggang, 1)).toBe('town-1');
      expect(await nearest(PATH.honggang, 3)).toBe('district-3');
      expect(await nearest(PATH.honggang, 4)).toBeUndefined();
      expect(await nearest(PATH.district)).toBe('district-3');
      expect(await nearest('/')).toBeUndefined();
      expect(await ctx.store.definitions.nearest(DEFINITION.rentalHousing, PATH.hefeng)).toBeUndefined();
    });

    it('keeps the forms a definition pins, and pins none when given none', async () => {
      const forms = { [FORM.proposal]: 'form-proposal-3', [FORM.rentalHouse]: 'form-rental-house-1' };
      const pinned = { ...definition('d1', PATH.town), forms };
      expect((await ctx.store.definitions.deploy(pinned)).forms).toEqual(forms);
      await ctx.store.definitions.deploy(definition('d-rental', PATH.town, DEFINITION.rentalHousing));
      const read = {
        byId: await ctx.store.definitions.byId('d1'),
        latest: await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.town),
        nearest: await ctx.store.definitions.nearest(DEFINITION.majorMatters, PATH.hefeng),
        list: (await ctx.store.definitions.list([PATH.town], DEFINITION.majorMatters))[0],
        visibleAt: (await ctx.store.definitions.visibleAt(PATH.hefeng, DEFINITION.majorMatters))[0],
      };
      for (const def of Object.values(read)) expect(def).toStrictEqual({ ...pinned, version: 1 });
      const unpinned = [
        await ctx.store.definitions.byId('d-rental'),
        await ctx.store.definitions.latest(DEFINITION.rentalHousing, PATH.town),
        await ctx.store.definitions.nearest(DEFINITION.rentalHousing, PATH.hefeng),
        ...(await ctx.store.definitions.list([PATH.town], DEFINITION.rentalHousing)),
        ...(await ctx.store.definitions.visibleAt(PATH.hefeng, DEFINITION.rentalHousing)),
      ];
      expect(unpinned).toHaveLength(5);
      for (const def of unpinned) expect(def).not.toHaveProperty('forms');
    });

    it('keeps the variables every instance of a definition starts with, and none when given none', async () => {
      // A village's adoption of 四议两公开, rendered: the parameters as the village set them.
      const variables = { 公示天数: 5, 表决方式: '举手表决', 到会比例: 0.67, 公开栏: ['村务公开栏', '微信群'], 提醒: { 提前天数: 1 } };
      const adopted = { ...definition('d-hefeng', PATH.hefeng), variables };
      expect((await ctx.store.definitions.deploy(adopted)).variables).toEqual(variables);
      await ctx.store.definitions.deploy(definition('d-rental', PATH.hefeng, DEFINITION.rentalHousing));
      const read = [
        await ctx.store.definitions.byId('d-hefeng'),
        await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.hefeng),
        await ctx.store.definitions.nearest(DEFINITION.majorMatters, PATH.hefeng),
        ...(await ctx.store.definitions.list([PATH.hefeng], DEFINITION.majorMatters)),
        ...(await ctx.store.definitions.visibleAt(PATH.hefeng, DEFINITION.majorMatters)),
      ];
      expect(read).toHaveLength(5);
      for (const def of read) expect(def).toStrictEqual({ ...adopted, version: 1 });
      expect(await ctx.store.definitions.byId('d-rental')).not.toHaveProperty('variables');
    });

    it('keeps the note its deployer wrote on a version, and none when given none', async () => {
      const noted = { ...definition('d1', PATH.town), note: '村委会审议前增加党支部研究环节' };
      expect((await ctx.store.definitions.deploy(noted)).note).toBe(noted.note);
      await ctx.store.definitions.deploy(definition('d2', PATH.town));
      const read = [
        await ctx.store.definitions.byId('d1'),
        (await ctx.store.definitions.list([PATH.town], DEFINITION.majorMatters))[0],
        (await ctx.store.definitions.visibleAt(PATH.hefeng, DEFINITION.majorMatters))[0],
        await ctx.store.definitions.nearest(DEFINITION.majorMatters, PATH.hefeng, 1),
      ];
      for (const def of read) expect(def).toStrictEqual({ ...noted, version: 1 });
      expect(await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.town)).not.toHaveProperty('note');
    });

    it('refuses a second definition with the same id', async () => {
      await ctx.store.definitions.deploy(definition('d1', PATH.hefeng));
      await expect(ctx.store.definitions.deploy(definition('d1', PATH.hefeng))).rejects.toThrow(/already exists/);
      expect((await ctx.store.definitions.latest(DEFINITION.majorMatters, PATH.hefeng))?.version).toBe(1);
    });
  });
}
