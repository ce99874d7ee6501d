import { describe, expect, it } from 'vitest';
import { StoreConflict, StoreDuplicate } from '../port.ts';
import type { AdoptionRecord, PublicationRecord, TemplateVersionRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { DAY, PATH, T0, USERS } from './fixtures.ts';

const version = (
  templateId: string,
  v: string,
  pkg: Record<string, unknown> = { manifest: { id: templateId, version: v } },
): TemplateVersionRecord => ({
  id: `${templateId}@${v}`,
  templateId,
  version: v,
  package: pkg,
  importedAt: T0,
  importedBy: 'system:library',
});

const publication = (id: string, unitPath: string, at: number, templateId = 'key-matters'): PublicationRecord => ({
  id,
  templateId,
  version: '1.0.0',
  unitPath,
  bounds: { postingDays: { minimum: 7, maximum: 15 } },
  defaults: { filingThreshold: 200000 },
  publishedAt: at,
  publishedBy: USERS.townOfficial.id,
});

const adoption = (fields: Partial<AdoptionRecord> = {}): AdoptionRecord => ({
  id: 'adopt-hefeng',
  templateId: 'key-matters',
  unitPath: PATH.hefeng,
  revision: 1,
  publicationId: 'pub-lishui',
  overlay: { parameters: { postingDays: 10 } },
  deployments: [
    {
      publicationId: 'pub-lishui',
      version: '1.0.0',
      overlay: { parameters: { postingDays: 10 } },
      definitionId: 'd1',
      deployedAt: T0,
      deployedBy: USERS.hefengClerk.id,
    },
  ],
  createdAt: T0,
  updatedAt: T0,
  updatedBy: USERS.hefengClerk.id,
  ...fields,
});

export function templateSpecs(ctx: SuiteContext): void {
  describe('template versions and publications', () => {
    it('keeps a version once: importing the same package again changes nothing, another package under its id is refused', async () => {
      const first = version('key-matters', '1.0.0', { manifest: { id: 'key-matters', version: '1.0.0' }, process: '<definitions/>' });
      await ctx.store.templates.putVersion(first);
      await ctx.store.templates.putVersion({
        ...first,
        importedAt: T0 + DAY,
        package: { process: '<definitions/>', manifest: { version: '1.0.0', id: 'key-matters' } },
      });
      expect(await ctx.store.templates.version('key-matters', '1.0.0')).toEqual(first);
      await expect(ctx.store.templates.putVersion({ ...first, package: { process: '<changed/>' } })).rejects.toThrow(StoreDuplicate);
      expect(await ctx.store.templates.version('key-matters', '9.9.9')).toBeUndefined();
    });

    it('lists versions by template, in semver order', async () => {
      for (const [id, v] of [
        ['key-matters', '1.10.0'],
        ['covenant-amendment', '1.0.0'],
        ['key-matters', '1.9.0'],
        ['key-matters', '1.9.1'],
      ] as const) {
        await ctx.store.templates.putVersion(version(id, v));
      }
      expect((await ctx.store.templates.versions()).map((r) => r.id)).toEqual([
        'covenant-amendment@1.0.0',
        'key-matters@1.9.0',
        'key-matters@1.9.1',
        'key-matters@1.10.0',
      ]);
      expect((await ctx.store.templates.versions('key-matters')).map((r) => r.version)).toEqual(['1.9.0', '1.9.1', '1.10.0']);
    });

    it('offers a town’s publications to the units below it, newest first, and not to another town’s', async () => {
      const older = publication('pub-district', PATH.district, T0);
      const town = publication('pub-lishui', PATH.town, T0 + DAY);
      const other = publication('pub-rental', PATH.town, T0 + 2 * DAY, 'rental-housing');
      const village = publication('pub-honggang', PATH.honggang, T0 + 3 * DAY);
      for (const p of [older, town, other, village]) await ctx.store.templates.publish(p);
      await expect(ctx.store.templates.publish(town)).rejects.toThrow(StoreDuplicate);

      expect(await ctx.store.templates.publication('pub-lishui')).toEqual(town);
      expect((await ctx.store.templates.publicationsFor(PATH.hefeng)).map((p) => p.id)).toEqual([
        'pub-rental',
        'pub-lishui',
        'pub-district',
      ]);
      expect((await ctx.store.templates.publicationsFor(PATH.hefeng, 'key-matters')).map((p) => p.id)).toEqual([
        'pub-lishui',
        'pub-district',
      ]);
      expect((await ctx.store.templates.publicationsFor(PATH.honggang, 'key-matters')).map((p) => p.id)).toEqual([
        'pub-honggang',
        'pub-lishui',
        'pub-district',
      ]);
      expect((await ctx.store.templates.publicationsWithin([PATH.town])).map((p) => p.id)).toEqual([
        'pub-honggang',
        'pub-rental',
        'pub-lishui',
      ]);
      expect(await ctx.store.templates.publicationsWithin([])).toEqual([]);
    });
  });

  describe('adoptions', () => {
    it('keeps one adoption of a template per unit, found by id and by template and unit', async () => {
      await ctx.store.templates.publish(publication('pub-lishui', PATH.town, T0));
      const made = adoption();
      await ctx.store.adoptions.save(made, null);
      expect(await ctx.store.adoptions.byId(made.id)).toEqual(made);
      expect(await ctx.store.adoptions.of('key-matters', PATH.hefeng)).toEqual(made);
      expect(await ctx.store.adoptions.of('key-matters', PATH.honggang)).toBeUndefined();
      await expect(ctx.store.adoptions.save({ ...made, id: 'adopt-again' }, null)).rejects.toThrow(StoreDuplicate);
    });

    it('saves a change at the revision read; a stale revision is refused and changes nothing', async () => {
      await ctx.store.templates.publish(publication('pub-lishui', PATH.town, T0));
      await ctx.store.adoptions.save(adoption(), null);
      const changed = adoption({ revision: 2, overlay: { parameters: { postingDays: 12 } }, updatedAt: T0 + DAY });
      await ctx.store.adoptions.save(changed, 1);
      await expect(ctx.store.adoptions.save(adoption({ revision: 2, overlay: {} }), 1)).rejects.toThrow(StoreConflict);
      expect(await ctx.store.adoptions.byId('adopt-hefeng')).toEqual(changed);
      await expect(ctx.store.adoptions.save(adoption({ revision: 5 }), 2)).rejects.toThrow(/revision/);
    });

    it('lists the adoptions within reach by unit', async () => {
      await ctx.store.templates.publish(publication('pub-lishui', PATH.town, T0));
      await ctx.store.adoptions.save(adoption({ id: 'a-honggang', unitPath: PATH.honggang }), null);
      await ctx.store.adoptions.save(adoption(), null);
      expect((await ctx.store.adoptions.within([PATH.town])).map((a) => a.id)).toEqual(['adopt-hefeng', 'a-honggang']);
      expect((await ctx.store.adoptions.within([PATH.honggang])).map((a) => a.id)).toEqual(['a-honggang']);
    });
  });
}
