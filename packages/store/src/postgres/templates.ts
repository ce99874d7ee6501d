import { canonicalJson } from '../chain.ts';
import { checkAdoption, checkPublication, checkTemplateVersion } from '../checks.ts';
import { type Store, StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import { byTemplateThenVersion } from '../semver.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { assignments, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import { ADOPTIONS, PUBLICATIONS, rowOf, TEMPLATE_VERSIONS } from './tables.ts';

const NEWEST_FIRST = sql`ORDER BY published_at DESC, id DESC`;

const ofTemplate = (templateId: string | undefined): Sql[] => (templateId === undefined ? [] : [sql`template_id = ${templateId}`]);

export function postgresTemplates(pg: Postgres): Store['templates'] {
  const publications = (where: Sql) => selectAll(pg, PUBLICATIONS, sql`WHERE ${where} ${NEWEST_FIRST}`);
  return {
    /** Inserted unless kept already (two processes importing the library at once both get here): then the packages are compared. */
    async putVersion(record) {
      checkTemplateVersion(record);
      if ((await insertRecords(pg, TEMPLATE_VERSIONS, [record], sql` ON CONFLICT DO NOTHING`)) > 0) return;
      const kept = await selectOne(pg, TEMPLATE_VERSIONS, sql`WHERE id = ${record.id}`);
      // Imported again (a restart reads the library anew): the same package is no change.
      if (kept !== undefined && canonicalJson(kept.package) === canonicalJson(record.package)) return;
      throw new StoreDuplicate(`template version ${record.id} with another package`);
    },
    async version(templateId, version) {
      return selectOne(pg, TEMPLATE_VERSIONS, sql`WHERE template_id = ${templateId} AND version = ${version}`);
    },
    async versions(templateId) {
      // Semver is no text order (1.10.0 comes after 1.9.0): sorted here.
      return (await selectAll(pg, TEMPLATE_VERSIONS, sql`WHERE ${whereAll(ofTemplate(templateId))}`)).sort(byTemplateThenVersion);
    },
    async publish(publication) {
      checkPublication(publication);
      await refusingDuplicates(
        () => insertRecords(pg, PUBLICATIONS, [publication]),
        () => `publication ${publication.id}`,
      );
    },
    async publication(id) {
      return selectOne(pg, PUBLICATIONS, sql`WHERE id = ${id}`);
    },
    async publicationsFor(unitPath, templateId) {
      return publications(whereAll([sql`unit_path = ANY(${selfAndAbove(unitPath)})`, ...ofTemplate(templateId)]));
    },
    async publicationsWithin(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return publications(withinRanges('unit_path', ranges));
    },
  };
}

export function postgresAdoptions(pg: Postgres): Store['adoptions'] {
  return {
    /** A replacement is one UPDATE guarded by the revision read: of two saves over the same revision, the second matches nothing. */
    async save(adoption, expectedRevision) {
      checkAdoption(adoption, expectedRevision);
      if (expectedRevision === null) {
        await refusingDuplicates(
          () => insertRecords(pg, ADOPTIONS, [adoption]),
          ({ constraint }) =>
            constraint === 'adoptions_pkey' ? `adoption ${adoption.id}` : `adoption of ${adoption.templateId} at ${adoption.unitPath}`,
        );
        return;
      }
      const { id: _id, ...changed } = rowOf(ADOPTIONS, adoption);
      const updated = await refusingDuplicates(
        () => pg.run(sql`UPDATE adoptions SET ${assignments(changed)} WHERE id = ${adoption.id} AND revision = ${expectedRevision}`),
        () => `adoption of ${adoption.templateId} at ${adoption.unitPath}`,
      );
      if (updated === 0) throw new StoreConflict('adoption', adoption.id);
    },
    async byId(id) {
      return selectOne(pg, ADOPTIONS, sql`WHERE id = ${id}`);
    },
    async of(templateId, unitPath) {
      return selectOne(pg, ADOPTIONS, sql`WHERE unit_path = ${unitPath} AND template_id = ${templateId}`);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(pg, ADOPTIONS, sql`WHERE ${withinRanges('unit_path', ranges)} ORDER BY unit_path, template_id`);
    },
  };
}
