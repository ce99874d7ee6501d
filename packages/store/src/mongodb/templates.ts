import { canonicalJson } from '../chain.ts';
import { checkRevision } from '../checks.ts';
import { type Store, StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import type { AdoptionRecord, PublicationRecord, TemplateVersionRecord } from '../records.ts';
import { compareVersions } from '../semver.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { withinRanges } from './filters.ts';

export function mongoTemplates({ templateVersions, publications }: Collections): Store['templates'] {
  return {
    async putVersion(record) {
      try {
        await refusingDuplicates(
          () => templateVersions.insertOne(documentOf(record)),
          () => `template version ${record.id}`,
        );
        return;
      } catch (error) {
        if (!(error instanceof StoreDuplicate)) throw error;
      }
      // Kept already (another process imported the library too): the same package is no change.
      const stored = await templateVersions.findOne({ _id: record.id });
      if (stored && canonicalJson(stored.package) !== canonicalJson(record.package)) {
        throw new StoreDuplicate(`template version ${record.id} with another package`);
      }
    },
    async version(templateId, version) {
      const doc = await templateVersions.findOne({ templateId, version });
      return doc === null ? undefined : recordOf<TemplateVersionRecord>(doc);
    },
    async versions(templateId) {
      const found = await templateVersions.find(templateId === undefined ? {} : { templateId }).toArray();
      return found
        .map((doc) => recordOf<TemplateVersionRecord>(doc))
        .sort((a, b) => a.templateId.localeCompare(b.templateId) || compareVersions(a.version, b.version));
    },
    async publish(publication) {
      await refusingDuplicates(
        () => publications.insertOne(documentOf(publication)),
        () => `publication ${publication.id}`,
      );
    },
    async publication(id) {
      const doc = await publications.findOne({ _id: id });
      return doc === null ? undefined : recordOf<PublicationRecord>(doc);
    },
    async publicationsFor(unitPath, templateId) {
      const found = await publications
        .find({ unitPath: { $in: selfAndAbove(unitPath) }, ...(templateId === undefined ? {} : { templateId }) })
        .sort({ publishedAt: -1, _id: -1 })
        .toArray();
      return found.map((doc) => recordOf<PublicationRecord>(doc));
    },
    async publicationsWithin(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const found = await publications.find(withinRanges('unitPath', ranges)).sort({ publishedAt: -1, _id: -1 }).toArray();
      return found.map((doc) => recordOf<PublicationRecord>(doc));
    },
  };
}

export function mongoAdoptions({ adoptions }: Collections): Store['adoptions'] {
  return {
    async save(adoption, expectedRevision) {
      checkRevision(adoption, expectedRevision);
      if (expectedRevision === null) {
        await refusingDuplicates(
          () => adoptions.insertOne(documentOf(adoption)),
          () => `adoption of ${adoption.templateId} at ${adoption.unitPath}`,
        );
        return;
      }
      const { _id, ...fields } = documentOf(adoption);
      const result = await adoptions.updateOne({ _id, revision: expectedRevision }, { $set: fields });
      if (result.matchedCount === 0) throw new StoreConflict('adoption', adoption.id);
    },
    async byId(id) {
      const doc = await adoptions.findOne({ _id: id });
      return doc === null ? undefined : recordOf<AdoptionRecord>(doc);
    },
    async of(templateId, unitPath) {
      const doc = await adoptions.findOne({ templateId, unitPath });
      return doc === null ? undefined : recordOf<AdoptionRecord>(doc);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const found = await adoptions.find(withinRanges('unitPath', ranges)).sort({ unitPath: 1, templateId: 1 }).toArray();
      return found.map((doc) => recordOf<AdoptionRecord>(doc));
    },
  };
}
