import { canonicalJson } from '../chain.ts';
import { checkRevision } from '../checks.ts';
import { type Store, StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import { compareVersions } from '../semver.ts';
import { refusingDuplicates } from './errors.ts';
import {
  ADOPTION_COLUMNS,
  type AdoptionRow,
  adoptionRow,
  PUBLICATION_COLUMNS,
  type PublicationRow,
  publicationRow,
  TEMPLATE_VERSION_COLUMNS,
  type TemplateVersionRow,
  templateVersionRow,
  toAdoption,
  toPublication,
  toTemplateVersion,
} from './rows.ts';
import { insertInto, type Sqlite, withinRanges } from './sql.ts';

export function sqliteTemplates({ statement, write }: Sqlite): Store['templates'] {
  return {
    async putVersion(record) {
      await write(() => {
        const kept = statement('SELECT * FROM template_versions WHERE id = ?').get(record.id) as TemplateVersionRow | undefined;
        if (!kept) return void statement(insertInto('template_versions', TEMPLATE_VERSION_COLUMNS)).run(templateVersionRow(record));
        if (canonicalJson(toTemplateVersion(kept).package) !== canonicalJson(record.package)) {
          throw new StoreDuplicate(`template version ${record.id} with another package`);
        }
      });
    },
    async version(templateId, version) {
      const row = statement('SELECT * FROM template_versions WHERE template_id = ? AND version = ?').get(templateId, version) as
        | TemplateVersionRow
        | undefined;
      return row && toTemplateVersion(row);
    },
    async versions(templateId) {
      const rows = (
        templateId === undefined
          ? statement('SELECT * FROM template_versions').all()
          : statement('SELECT * FROM template_versions WHERE template_id = ?').all(templateId)
      ) as TemplateVersionRow[];
      return rows.map(toTemplateVersion).sort((a, b) => a.templateId.localeCompare(b.templateId) || compareVersions(a.version, b.version));
    },
    async publish(publication) {
      await write(() =>
        refusingDuplicates(
          () => statement(insertInto('publications', PUBLICATION_COLUMNS)).run(publicationRow(publication)),
          () => `publication ${publication.id}`,
        ),
      );
    },
    async publication(id) {
      const row = statement('SELECT * FROM publications WHERE id = ?').get(id) as PublicationRow | undefined;
      return row && toPublication(row);
    },
    async publicationsFor(unitPath, templateId) {
      const above = selfAndAbove(unitPath);
      const rows = statement(
        `SELECT * FROM publications WHERE unit_path IN (${above.map(() => '?').join(', ')}) AND (? IS NULL OR template_id = ?)
         ORDER BY published_at DESC, id DESC`,
      ).all(...above, templateId ?? null, templateId ?? null) as PublicationRow[];
      return rows.map(toPublication);
    },
    async publicationsWithin(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      const rows = statement(`SELECT * FROM publications WHERE ${where.sql} ORDER BY published_at DESC, id DESC`).all(
        ...where.params,
      ) as PublicationRow[];
      return rows.map(toPublication);
    },
  };
}

export function sqliteAdoptions({ statement, write }: Sqlite): Store['adoptions'] {
  return {
    async save(adoption, expectedRevision) {
      checkRevision(adoption, expectedRevision);
      await write(() => {
        if (expectedRevision === null) {
          return void refusingDuplicates(
            () => statement(insertInto('adoptions', ADOPTION_COLUMNS)).run(adoptionRow(adoption)),
            () => `adoption of ${adoption.templateId} at ${adoption.unitPath}`,
          );
        }
        const row = adoptionRow(adoption);
        const changed = statement(
          `UPDATE adoptions SET revision = ?, publication_id = ?, overlay = ?, deployments = ?, updated_at = ?, updated_by = ?
           WHERE id = ? AND revision = ?`,
        ).run(row.revision, row.publication_id, row.overlay, row.deployments, row.updated_at, row.updated_by, row.id, expectedRevision);
        if (changed.changes === 0) throw new StoreConflict('adoption', adoption.id);
      });
    },
    async byId(id) {
      const row = statement('SELECT * FROM adoptions WHERE id = ?').get(id) as AdoptionRow | undefined;
      return row && toAdoption(row);
    },
    async of(templateId, unitPath) {
      const row = statement('SELECT * FROM adoptions WHERE template_id = ? AND unit_path = ?').get(templateId, unitPath) as
        | AdoptionRow
        | undefined;
      return row && toAdoption(row);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      const rows = statement(`SELECT * FROM adoptions WHERE ${where.sql} ORDER BY unit_path, template_id`).all(
        ...where.params,
      ) as AdoptionRow[];
      return rows.map(toAdoption);
    },
  };
}
