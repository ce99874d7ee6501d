import { canonicalJson } from '../chain.ts';
import { checkAdoption, checkPublication, checkTemplateVersion } from '../checks.ts';
import { type Store, StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges, selfAndAbove } from '../reach.ts';
import { byTemplateThenVersion } from '../semver.ts';
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
import { type Condition, insertInto, type Sqlite, whereAll, withinRanges } from './sql.ts';

const NEWEST_FIRST = 'ORDER BY published_at DESC, id DESC';

/** The adoption read at `revision - 1` (checkAdoption saw to it that the record's revision is the next). */
const UPDATE_ADOPTION = `UPDATE adoptions SET ${ADOPTION_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id AND revision = @revision - 1`;

const ofTemplate = (templateId: string | undefined): Condition[] =>
  templateId === undefined ? [] : [{ sql: 'template_id = ?', params: [templateId] }];

export function sqliteTemplates({ statement, write }: Sqlite): Store['templates'] {
  const publications = (where: Condition) =>
    (statement(`SELECT * FROM publications WHERE ${where.sql} ${NEWEST_FIRST}`).all(...where.params) as PublicationRow[]).map(
      toPublication,
    );
  return {
    async putVersion(record) {
      checkTemplateVersion(record);
      await write(() => {
        const kept = statement('SELECT * FROM template_versions WHERE id = ?').get(record.id) as TemplateVersionRow | undefined;
        if (kept !== undefined) {
          // Imported again (a restart reads the library anew): the same package is no change.
          if (canonicalJson(toTemplateVersion(kept).package) === canonicalJson(record.package)) return;
          throw new StoreDuplicate(`template version ${record.id} with another package`);
        }
        refusingDuplicates(
          () => statement(insertInto('template_versions', TEMPLATE_VERSION_COLUMNS)).run(templateVersionRow(record)),
          () => `template version ${record.id}`,
        );
      });
    },
    async version(templateId, version) {
      const row = statement('SELECT * FROM template_versions WHERE template_id = ? AND version = ?').get(templateId, version) as
        | TemplateVersionRow
        | undefined;
      return row && toTemplateVersion(row);
    },
    async versions(templateId) {
      const where = whereAll(ofTemplate(templateId));
      const rows = statement(`SELECT * FROM template_versions WHERE ${where.sql}`).all(...where.params) as TemplateVersionRow[];
      // Semver is no text order (1.10.0 comes after 1.9.0): sorted here.
      return rows.map(toTemplateVersion).sort(byTemplateThenVersion);
    },
    async publish(publication) {
      checkPublication(publication);
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
      const units = selfAndAbove(unitPath);
      return publications(
        whereAll([{ sql: `unit_path IN (${units.map(() => '?').join(', ')})`, params: units }, ...ofTemplate(templateId)]),
      );
    },
    async publicationsWithin(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return publications(withinRanges('unit_path', ranges));
    },
  };
}

export function sqliteAdoptions({ statement, write }: Sqlite): Store['adoptions'] {
  return {
    async save(adoption, expectedRevision) {
      checkAdoption(adoption, expectedRevision);
      const row = adoptionRow(adoption);
      await write(() =>
        refusingDuplicates(
          () => {
            if (expectedRevision === null) statement(insertInto('adoptions', ADOPTION_COLUMNS)).run(row);
            else if (statement(UPDATE_ADOPTION).run(row).changes === 0) throw new StoreConflict('adoption', adoption.id);
          },
          (key) => (key === 'adoptions.id' ? `adoption ${adoption.id}` : `adoption of ${adoption.templateId} at ${adoption.unitPath}`),
        ),
      );
    },
    async byId(id) {
      const row = statement('SELECT * FROM adoptions WHERE id = ?').get(id) as AdoptionRow | undefined;
      return row && toAdoption(row);
    },
    async of(templateId, unitPath) {
      const row = statement('SELECT * FROM adoptions WHERE unit_path = ? AND template_id = ?').get(unitPath, templateId) as
        | AdoptionRow
        | undefined;
      return row && toAdoption(row);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      return (
        statement(`SELECT * FROM adoptions WHERE ${where.sql} ORDER BY unit_path, template_id`).all(...where.params) as AdoptionRow[]
      ).map(toAdoption);
    },
  };
}
