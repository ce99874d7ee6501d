import { describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { FormRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { FORM, PATH, T0, USERS } from './fixtures.ts';

/** A JSON Schema 2020-12 form as the designer writes it: Chinese field names, nested objects, $-keywords. */
const RENTAL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: '出租屋登记与安全检查',
  required: ['房屋地址', '房东'],
  additionalProperties: false,
  properties: {
    房屋地址: { type: 'string', title: '房屋地址', minLength: 5, maxLength: 200 },
    房东: { $ref: '#/$defs/人员', title: '房东' },
    租客: { type: 'array', title: '租客（新市民）', items: { $ref: '#/$defs/人员' }, maxItems: 500 },
    建筑面积: { type: 'number', exclusiveMinimum: 0, default: 0.5 },
    三合一场所: { type: 'boolean', default: false },
    备注: { type: ['string', 'null'], default: null },
  },
  $defs: {
    // An $id beside a $ref, as a bundled schema has it.
    人员: {
      $id: 'urn:shanzhi:person',
      $ref: 'urn:shanzhi:contact',
      type: 'object',
      properties: { 姓名: { type: 'string' }, 手机号: { type: 'string', pattern: '^1\\d{10}$' } },
    },
  },
};

const RENTAL_UI = {
  'ui:order': ['房屋地址', '房东', '*'],
  房屋地址: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  租客: { items: { 手机号: { 'ui:placeholder': '11 位手机号' } } },
};

const form = (id: string, unitPath: string, key: string = FORM.proposal): Omit<FormRecord, 'version'> => ({
  id,
  key,
  unitPath,
  title: '重要事项提议',
  schema: { type: 'object', properties: { 事项: { type: 'string', title: '事项名称' } } },
  deployedAt: T0,
  deployedBy: USERS.townOfficial.id,
});

export function formSpecs(ctx: SuiteContext): void {
  describe('forms', () => {
    const deploy = (id: string, unitPath: string, key?: string) => ctx.store.forms.deploy(form(id, unitPath, key));

    it('numbers versions per key and unit: the same key at another unit starts at 1', async () => {
      expect((await deploy('town-1', PATH.town)).version).toBe(1);
      expect((await deploy('town-2', PATH.town)).version).toBe(2);
      expect((await deploy('hefeng-1', PATH.hefeng)).version).toBe(1);
      expect((await deploy('hefeng-rental-1', PATH.hefeng, FORM.rentalHouse)).version).toBe(1);
      expect((await deploy('hefeng-2', PATH.hefeng)).version).toBe(2);
      expect((await ctx.store.forms.byId('hefeng-2'))?.version).toBe(2);
    });

    it('gives back schema and uiSchema exactly as deployed, and no uiSchema when none was given', async () => {
      const rental = {
        ...form('rental-1', PATH.hefeng, FORM.rentalHouse),
        title: '出租屋登记',
        schema: RENTAL_SCHEMA,
        uiSchema: RENTAL_UI,
      };
      expect(await ctx.store.forms.deploy(rental)).toStrictEqual({ ...rental, version: 1 });
      expect(await ctx.store.forms.byId('rental-1')).toStrictEqual({ ...rental, version: 1 });
      expect(await ctx.store.forms.nearest(FORM.rentalHouse, PATH.hefeng)).toStrictEqual({ ...rental, version: 1 });
      await deploy('proposal-1', PATH.hefeng);
      expect(await ctx.store.forms.byId('proposal-1')).not.toHaveProperty('uiSchema');
      expect(await ctx.store.forms.list([PATH.hefeng])).toStrictEqual([
        { ...form('proposal-1', PATH.hefeng), version: 1 },
        { ...rental, version: 1 },
      ]);
    });

    it('answers undefined for an unknown id', async () => {
      await deploy('town-1', PATH.town);
      expect(await ctx.store.forms.byId('form-none')).toBeUndefined();
    });

    it('refuses a second form with the same id, and keeps the first', async () => {
      await deploy('town-1', PATH.town);
      await expect(ctx.store.forms.deploy({ ...form('town-1', PATH.town), title: '另一个' })).rejects.toThrow(StoreDuplicate);
      expect((await ctx.store.forms.byId('town-1'))?.title).toBe('重要事项提议');
      expect((await deploy('town-2', PATH.town)).version).toBe(2);
    });

    it('refuses a unit path that is not a materialized unit path', async () => {
      await expect(deploy('town-1', '/nanhai/lishui')).rejects.toThrow(/unit path/);
    });

    it('lists only the forms within reach, of one key when asked', async () => {
      await deploy('hefeng-1', PATH.hefeng);
      await deploy('honggang-1', PATH.honggang);
      await deploy('hefeng-rental-1', PATH.hefeng, FORM.rentalHouse);
      await deploy('town-1', PATH.town);
      const ids = async (reach: string[], key?: string) => (await ctx.store.forms.list(reach, key)).map((f) => f.id);
      expect(await ids([PATH.hefeng])).toEqual(['hefeng-1', 'hefeng-rental-1']);
      expect(await ids([PATH.hefeng, PATH.honggang], FORM.proposal)).toEqual(['hefeng-1', 'honggang-1']);
      expect(await ids([PATH.town], FORM.proposal)).toEqual(['town-1', 'hefeng-1', 'honggang-1']);
      expect(await ids([PATH.town], FORM.rentalHouse)).toEqual(['hefeng-rental-1']);
      expect(await ids([])).toEqual([]);
    });

    it('shows a unit its own forms and those of the units above it, by key, unit and version', async () => {
      await deploy('town-rental-1', PATH.town, FORM.rentalHouse);
      await deploy('hefeng-1', PATH.hefeng);
      await deploy('town-1', PATH.town);
      await deploy('town-2', PATH.town);
      await deploy('district-1', PATH.district);
      await deploy('honggang-1', PATH.honggang);
      await deploy('hefeng-group-1', `${PATH.hefeng}1/`);
      const ids = async (unit: string, key?: string) => (await ctx.store.forms.visibleAt(unit, key)).map((f) => f.id);
      expect(await ids(PATH.hefeng)).toEqual(['district-1', 'town-1', 'town-2', 'hefeng-1', 'town-rental-1']);
      expect(await ids(PATH.hefeng, FORM.rentalHouse)).toEqual(['town-rental-1']);
      expect(await ids(PATH.town)).toEqual(['district-1', 'town-1', 'town-2', 'town-rental-1']);
      expect(await ids('/')).toEqual([]);
    });

    it("gives a village the town's form until it deploys its own, and a version from the nearest unit that holds it", async () => {
      await deploy('district-1', PATH.district);
      await deploy('district-2', PATH.district);
      await deploy('district-3', PATH.district);
      await deploy('town-1', PATH.town);
      await deploy('town-2', PATH.town);
      const nearest = async (unit: string, version?: number) => (await ctx.store.forms.nearest(FORM.proposal, unit, version))?.id;
      expect(await nearest(PATH.hefeng)).toBe('town-2');
      await deploy('hefeng-1', PATH.hefeng);
      expect(await nearest(PATH.hefeng)).toBe('hefeng-1');
      expect(await nearest(PATH.hefeng, 1)).toBe('hefeng-1');
      expect(await nearest(PATH.hefeng, 2)).toBe('town-2');
      expect(await nearest(PATH.hefeng, 3)).toBe('district-3');
      expect(await nearest(PATH.hefeng, 4)).toBeUndefined();
      expect(await nearest(PATH.honggang)).toBe('town-2');
      expect(await nearest(PATH.honggang, 1)).toBe('town-1');
      expect(await nearest(PATH.district)).toBe('district-3');
      expect(await nearest('/')).toBeUndefined();
      expect(await ctx.store.forms.nearest(FORM.rentalHouse, PATH.hefeng)).toBeUndefined();
    });

    it('gives deploys of one key and unit made at the same moment distinct, consecutive versions', async () => {
      const other = await ctx.peer();
      const deployed = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((n, i) => (i % 2 === 0 ? ctx.store : other).forms.deploy(form(`hefeng-${n}`, PATH.hefeng))),
      );
      expect(deployed.map((f) => f.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
      for (const f of deployed) expect((await ctx.store.forms.byId(f.id))?.version).toBe(f.version);
    });
  });
}
