import { canonicalJson } from '../chain.ts';
import { checkAdoption, checkPublication, checkTemplateVersion } from '../checks.ts';
import { type Store, StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import type { AdoptionRecord, PublicationRecord, TemplateVersionRecord } from '../records.ts';
import { byTemplateThenVersion } from '../semver.ts';
import type { AdoptionDoc, Collections, PublicationDoc, TemplateVersionDoc } from './collections.ts';
import { duplicateKeyFields, refusingDuplicates } from './errors.ts';
import { withinRanges } from './filters.ts';

/** JSON fields as text (collections.ts says why). */
const versionDoc = ({ id, package: pkg, ...rest }: TemplateVersionRecord): TemplateVersionDoc => ({
  _id: id,
  ...rest,
  package: JSON.stringify(pkg),
});
const toVersion = ({ _id, package: pkg, ...rest }: TemplateVersionDoc): TemplateVersionRecord => ({
  id: _id,
  ...rest,
  package: JSON.parse(pkg),
});

const publicationDoc = ({ id, bounds, defaults, ...rest }: PublicationRecord): PublicationDoc => ({
  _id: id,
  ...rest,
  bounds: JSON.stringify(bounds),
  defaults: JSON.stringify(defaults),
});
const toPublication = ({ _id, bounds, defaults, ...rest }: PublicationDoc): PublicationRecord => ({
  id: _id,
  ...rest,
  bounds: JSON.parse(bounds),
  defaults: JSON.parse(defaults),
});

const adoptionDoc = ({ id, overlay, deployments, ...rest }: AdoptionRecord): AdoptionDoc => ({
  _id: id,
  ...rest,
  overlay: JSON.stringify(overlay),
  deployments: JSON.stringify(deployments),
});
const toAdoption = ({ _id, overlay, deployments, ...rest }: AdoptionDoc): AdoptionRecord => ({
  id: _id,
  ...rest,
  overlay: JSON.parse(overlay),
  deployments: JSON.parse(deployments),
});

const NEWEST_FIRST = { publishedAt: -1, _id: -1 } as const;

export function mongoTemplates({ templateVersions, publications }: Collections): Store['templates'] {
  return {
    async putVersion(record) {
      checkTemplateVersion(record);
      try {
        await templateVersions.insertOne(versionDoc(record));
      } catch (error) {
        if (duplicateKeyFields(error) === undefined) throw error;
        // Imported again (a restart reads the library anew): the same package is no change.
        const kept = await templateVersions.findOne({ _id: record.id });
        if (kept !== null && canonicalJson(toVersion(kept).package) === canonicalJson(record.package)) return;
        throw new StoreDuplicate(`template version ${record.id} with another package`);
      }
    },
    async version(templateId, version) {
      const doc = await templateVersions.findOne({ templateId, version });
      return doc === null ? undefined : toVersion(doc);
    },
    async versions(templateId) {
      const found = await templateVersions.find(templateId === undefined ? {} : { templateId }).toArray();
      // Semver is no text order (1.10.0 comes after 1.9.0): sorted here.
      return found.map(toVersion).sort(byTemplateThenVersion);
    },
    async publish(publication) {
      checkPublication(publication);
      await refusingDuplicates(
        () => publications.insertOne(publicationDoc(publication)),
        () => `publication ${publication.id}`,
      );
    },
    async publication(id) {
      const doc = await publications.findOne({ _id: id });
      return doc === null ? undefined : toPublication(doc);
    },
    async publicationsFor(unitPath, templateId) {
      const found = await publications
        .find({ unitPath: { $in: selfAndAbove(unitPath) }, ...(templateId === undefined ? {} : { templateId }) })
        .sort(NEWEST_FIRST)
        .toArray();
      return found.map(toPublication);
    },
    async publicationsWithin(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return (await publications.find(withinRanges('unitPath', ranges)).sort(NEWEST_FIRST).toArray()).map(toPublication);
    },
  };
}

export function mongoAdoptions({ adoptions }: Collections): Store['adoptions'] {
  return {
    async save(adoption, expectedRevision) {
      checkAdoption(adoption, expectedRevision);
      const doc = adoptionDoc(adoption);
      const describe = (fields: readonly string[]) =>
        fields.includes('templateId') ? `adoption of ${adoption.templateId} at ${adoption.unitPath}` : `adoption ${adoption.id}`;
      if (expectedRevision === null) {
        await refusingDuplicates(() => adoptions.insertOne(doc), describe);
        return;
      }
      const { matchedCount } = await refusingDuplicates(
        () => adoptions.replaceOne({ _id: adoption.id, revision: expectedRevision }, doc),
        describe,
      );
      if (matchedCount === 0) throw new StoreConflict('adoption', adoption.id);
    },
    async byId(id) {
      const doc = await adoptions.findOne({ _id: id });
      return doc === null ? undefined : toAdoption(doc);
    },
    async of(templateId, unitPath) {
      const doc = await adoptions.findOne({ unitPath, templateId });
      return doc === null ? undefined : toAdoption(doc);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return (await adoptions.find(withinRanges('unitPath', ranges)).sort({ unitPath: 1, templateId: 1 }).toArray()).map(toAdoption);
    },
  };
}
