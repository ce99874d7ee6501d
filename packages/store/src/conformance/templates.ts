import { describe, expect, it } from 'vitest';
import { StoreConflict, StoreDuplicate } from '../port.ts';
import type { AdoptionDeployment, AdoptionRecord, PublicationRecord, TemplateVersionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, DEFINITION, PATH, T0, USERS } from './fixtures.ts';

/** Templates are named like the procedures they render to. */
const TEMPLATE = { majorMatters: DEFINITION.majorMatters, rentalHousing: DEFINITION.rentalHousing } as const;

/** 大沥镇, another town of 南海区, and one of its villages. */
const DALI = { town: '/nanhai/dali/', taiping: '/nanhai/dali/taiping/' } as const;

/**
 * 四议两公开 as template-kit reads it: manifest, model, forms and the parameter schema. The forms
 * are JSON Schema, $-keywords and all, which every store must keep as they are.
 */
const majorMattersPackage = (version: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  manifest: { id: TEMPLATE.majorMatters, version, name: '重要事项“四议两公开”', publishes: ['提议', '商议', '审议', '决议', '公开'] },
  model: '<definitions><process id="major-matters" isExecutable="true"/></definitions>',
  forms: {
    proposal: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { 金额: { type: 'number', minimum: 0 } },
      type: 'object',
      properties: { 事项: { type: 'string' }, 金额: { $ref: '#/$defs/金额' } },
      required: ['事项'],
    },
  },
  parameters: { type: 'object', properties: { 公示天数: { type: 'integer', minimum: 5, maximum: 15, default: 7 } } },
  ...fields,
});

const templateVersion = (templateId: string, version: string, pkg = majorMattersPackage(version)): TemplateVersionRecord => ({
  id: `${templateId}@${version}`,
  templateId,
  version,
  package: pkg,
  importedAt: T0,
  importedBy: 'system:templates',
});

/** 里水镇 offers 四议两公开 1.0.0, posting five to ten days, seven unless a village says otherwise. */
const publication = (id: string, unitPath: string, fields: Partial<PublicationRecord> = {}): PublicationRecord => ({
  id,
  templateId: TEMPLATE.majorMatters,
  version: '1.0.0',
  unitPath,
  bounds: { 公示天数: { minimum: 5, maximum: 10 } },
  defaults: { 公示天数: 7 },
  publishedAt: T0,
  publishedBy: USERS.townOfficial.id,
  ...fields,
});

/** 鹤峰村 adopts it as it stands, posting five days, nothing deployed yet. */
const adoption = (id: string, unitPath: string, fields: Partial<AdoptionRecord> = {}): AdoptionRecord => ({
  id,
  templateId: TEMPLATE.majorMatters,
  unitPath,
  revision: 1,
  publicationId: 'pub-lishui-1',
  overlay: { parameters: { 公示天数: 5 } },
  deployments: [],
  createdAt: T0,
  updatedAt: T0,
  updatedBy: USERS.hefengClerk.id,
  ...fields,
});

const deployment = (n: number, fields: Partial<AdoptionDeployment> = {}): AdoptionDeployment => ({
  publicationId: 'pub-lishui-1',
  version: '1.0.0',
  overlay: { parameters: { 公示天数: 5 } },
  definitionId: `major-matters-hefeng-${n}`,
  deployedAt: T0 + n * DAY,
  deployedBy: USERS.hefengClerk.id,
  ...fields,
});

export function templateSpecs(ctx: SuiteContext): void {
  describe('governance templates', () => {
    it('keep a template version as imported, once: the same package again changes nothing, another under its id is refused', async () => {
      const first = templateVersion(TEMPLATE.majorMatters, '1.0.0');
      await ctx.store.templates.putVersion(first);
      expect(await ctx.store.templates.version(TEMPLATE.majorMatters, '1.0.0')).toStrictEqual(first);
      expect(await ctx.store.templates.version(TEMPLATE.majorMatters, '1.0.1')).toBeUndefined();
      expect(await ctx.store.templates.version(TEMPLATE.rentalHousing, '1.0.0')).toBeUndefined();

      // A restart imports the library again: the same package, its keys in another order.
      const { model, ...rest } = majorMattersPackage('1.0.0');
      await ctx.store.templates.putVersion({ ...first, package: { model, ...rest }, importedAt: T0 + DAY });
      await expect(
        ctx.store.templates.putVersion({ ...first, package: majorMattersPackage('1.0.0', { model: '<definitions/>' }) }),
      ).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.templates.versions()).toStrictEqual([first]);
    });

    it('list versions by template, oldest first by semver: 1.10.0 after 1.9.0, a release after its candidate', async () => {
      for (const version of ['1.10.0', '1.9.0', '1.2.0', '1.10.0-rc.1']) {
        await ctx.store.templates.putVersion(templateVersion(TEMPLATE.majorMatters, version));
      }
      await ctx.store.templates.putVersion(templateVersion(TEMPLATE.rentalHousing, '1.0.0', { manifest: { name: '出租屋登记' } }));
      const versions = async (templateId?: string) => (await ctx.store.templates.versions(templateId)).map((v) => v.id);
      expect(await versions(TEMPLATE.majorMatters)).toEqual([
        'major-matters@1.2.0',
        'major-matters@1.9.0',
        'major-matters@1.10.0-rc.1',
        'major-matters@1.10.0',
      ]);
      expect(await versions()).toEqual([...(await versions(TEMPLATE.majorMatters)), 'rental-housing@1.0.0']);
      expect(await versions('no-such-template')).toEqual([]);
      await expect(ctx.store.templates.putVersion(templateVersion(TEMPLATE.majorMatters, '1.11'))).rejects.toThrow(/semver/);
    });

    it('keep a publication as published, and refuse its id twice', async () => {
      const plain = publication('pub-lishui-1', PATH.town);
      const noted = publication('pub-lishui-2', PATH.town, { version: '1.1.0', note: '公示期可放宽到十天', publishedAt: T0 + DAY });
      for (const p of [plain, noted]) await ctx.store.templates.publish(p);
      expect(await ctx.store.templates.publication(plain.id)).toStrictEqual(plain);
      expect(await ctx.store.templates.publication(noted.id)).toStrictEqual(noted);
      expect(await ctx.store.templates.publication('no-such-publication')).toBeUndefined();
      await expect(ctx.store.templates.publish({ ...plain, publishedAt: T0 + 2 * DAY })).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.templates.publication(plain.id)).toStrictEqual(plain);
    });

    describe('publications', () => {
      const town1 = publication('pub-lishui-1', PATH.town);
      const town2 = publication('pub-lishui-2', PATH.town, { version: '1.1.0', publishedAt: T0 + DAY });
      const town3 = publication('pub-lishui-3', PATH.town, { version: '1.1.0', publishedAt: T0 + DAY, note: '同日更正' });
      const district = publication('pub-nanhai', PATH.district, { templateId: TEMPLATE.rentalHousing, publishedAt: T0 + 2 * DAY });
      const dali = publication('pub-dali', DALI.town, { publishedAt: T0 + 3 * DAY });
      const publishAll = async () => {
        for (const p of [town2, dali, town1, district, town3]) await ctx.store.templates.publish(p);
      };
      const ids = (found: readonly PublicationRecord[]) => found.map((p) => p.id);

      it('are adoptable by the publishing town and its villages, not by another town’s, newest first, by template when asked', async () => {
        await publishAll();
        const lishui = ['pub-nanhai', 'pub-lishui-3', 'pub-lishui-2', 'pub-lishui-1'];
        expect(await ctx.store.templates.publicationsFor(PATH.hefeng)).toStrictEqual([district, town3, town2, town1]);
        expect(ids(await ctx.store.templates.publicationsFor(PATH.honggang))).toEqual(lishui);
        expect(ids(await ctx.store.templates.publicationsFor(PATH.town))).toEqual(lishui);
        expect(ids(await ctx.store.templates.publicationsFor(PATH.hefeng, TEMPLATE.majorMatters))).toEqual(lishui.slice(1));
        expect(ids(await ctx.store.templates.publicationsFor(PATH.hefeng, TEMPLATE.rentalHousing))).toEqual(['pub-nanhai']);
        expect(ids(await ctx.store.templates.publicationsFor(DALI.taiping))).toEqual(['pub-dali', 'pub-nanhai']);
        expect(ids(await ctx.store.templates.publicationsFor(PATH.district))).toEqual(['pub-nanhai']);
        expect(await ctx.store.templates.publicationsFor('/')).toEqual([]);
      });

      it('made within reach are listed newest first', async () => {
        await publishAll();
        expect(await ctx.store.templates.publicationsWithin([PATH.town])).toStrictEqual([town3, town2, town1]);
        expect(ids(await ctx.store.templates.publicationsWithin([PATH.district]))).toEqual([
          'pub-dali',
          'pub-nanhai',
          'pub-lishui-3',
          'pub-lishui-2',
          'pub-lishui-1',
        ]);
        expect(ids(await ctx.store.templates.publicationsWithin([DALI.town, PATH.town]))).toEqual([
          'pub-dali',
          'pub-lishui-3',
          'pub-lishui-2',
          'pub-lishui-1',
        ]);
        expect(await ctx.store.templates.publicationsWithin([PATH.hefeng])).toEqual([]);
        expect(await ctx.store.templates.publicationsWithin([])).toEqual([]);
      });
    });
  });

  describe('template adoptions', () => {
    it('keep a unit’s adoption, read by id and by template and unit, one per template and unit', async () => {
      const hefeng = adoption('adoption-hefeng', PATH.hefeng);
      await ctx.store.adoptions.save(hefeng, null);
      expect(await ctx.store.adoptions.byId(hefeng.id)).toStrictEqual(hefeng);
      expect(await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.hefeng)).toStrictEqual(hefeng);
      expect(await ctx.store.adoptions.byId('no-such-adoption')).toBeUndefined();
      expect(await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.honggang)).toBeUndefined();
      expect(await ctx.store.adoptions.of(TEMPLATE.rentalHousing, PATH.hefeng)).toBeUndefined();

      await expect(ctx.store.adoptions.save(adoption('adoption-hefeng-again', PATH.hefeng), null)).rejects.toThrow(StoreDuplicate);
      await expect(ctx.store.adoptions.save(adoption(hefeng.id, PATH.honggang), null)).rejects.toThrow(StoreDuplicate);
      await ctx.store.adoptions.save(adoption('adoption-honggang', PATH.honggang, { updatedBy: USERS.honggangClerk.id }), null);
      await ctx.store.adoptions.save(adoption('adoption-hefeng-rental', PATH.hefeng, { templateId: TEMPLATE.rentalHousing }), null);
      expect(await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.hefeng)).toStrictEqual(hefeng);
      expect((await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.honggang))?.id).toBe('adoption-honggang');

      await expect(ctx.store.adoptions.save(adoption('adoption-town', PATH.town, { revision: 2 }), null)).rejects.toThrow(/revision/);
      expect(await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.town)).toBeUndefined();
    });

    it('are saved over the revision read, one more each time, their deployments the newest last', async () => {
      const created = adoption('adoption-hefeng', PATH.hefeng);
      await ctx.store.adoptions.save(created, null);
      const deployed = { ...created, revision: 2, deployments: [deployment(1)], updatedAt: T0 + DAY };
      await ctx.store.adoptions.save(deployed, 1);
      expect(await ctx.store.adoptions.byId(created.id)).toStrictEqual(deployed);

      const retuned = {
        ...deployed,
        revision: 3,
        publicationId: 'pub-lishui-2',
        overlay: { parameters: { 公示天数: 10 }, names: { publicise: '张榜公示' } },
        deployments: [
          ...deployed.deployments,
          deployment(2, { publicationId: 'pub-lishui-2', version: '1.1.0', overlay: { parameters: { 公示天数: 10 } }, note: '按镇里新版' }),
        ],
        updatedAt: T0 + 2 * DAY,
        updatedBy: USERS.hefengMember.id,
      };
      await ctx.store.adoptions.save(retuned, 2);
      expect(await ctx.store.adoptions.of(TEMPLATE.majorMatters, PATH.hefeng)).toStrictEqual(retuned);

      await expect(ctx.store.adoptions.save({ ...retuned, revision: 5 }, 3)).rejects.toThrow(/revision/);
      await expect(ctx.store.adoptions.save({ ...retuned, revision: 3 }, 3)).rejects.toThrow(/revision/);
      expect(await ctx.store.adoptions.byId(created.id)).toStrictEqual(retuned);
    });

    it('refuse a save over a revision someone else has saved over since, and change nothing', async () => {
      const created = adoption('adoption-hefeng', PATH.hefeng);
      await ctx.store.adoptions.save(created, null);
      const theirs = { ...created, revision: 2, overlay: { parameters: { 公示天数: 6 } }, updatedBy: USERS.hefengMember.id };
      await (await ctx.peer()).adoptions.save(theirs, 1);

      const mine = { ...created, revision: 2, overlay: { parameters: { 公示天数: 9 } }, updatedAt: T0 + DAY };
      const stale = ctx.store.adoptions.save(mine, 1);
      await expect(stale).rejects.toThrow(StoreConflict);
      await expect(stale).rejects.toMatchObject({ entity: 'adoption', id: created.id });
      expect(await ctx.store.adoptions.byId(created.id)).toStrictEqual(theirs);
      await expect(ctx.store.adoptions.save(adoption('adoption-none', PATH.honggang, { revision: 2 }), 1)).rejects.toThrow(StoreConflict);
      expect(await ctx.store.adoptions.byId('adoption-none')).toBeUndefined();
    });

    it('within reach are listed by unit, then template', async () => {
      const adoptions = [
        adoption('adoption-taiping', DALI.taiping),
        adoption('adoption-honggang', PATH.honggang),
        adoption('adoption-hefeng-rental', PATH.hefeng, { templateId: TEMPLATE.rentalHousing }),
        adoption('adoption-hefeng', PATH.hefeng),
      ];
      for (const a of adoptions) await ctx.store.adoptions.save(a, null);
      const ids = async (reach: string[]) => (await ctx.store.adoptions.within(reach)).map((a) => a.id);
      expect(await ctx.store.adoptions.within([PATH.hefeng])).toStrictEqual([adoptions[3], adoptions[2]]);
      expect(await ids([PATH.town])).toEqual(['adoption-hefeng', 'adoption-hefeng-rental', 'adoption-honggang']);
      expect(await ids([PATH.district])).toEqual(['adoption-taiping', 'adoption-hefeng', 'adoption-hefeng-rental', 'adoption-honggang']);
      expect(await ids([PATH.honggang, DALI.town])).toEqual(['adoption-taiping', 'adoption-honggang']);
      expect(await ids([])).toEqual([]);
    });
  });
}
