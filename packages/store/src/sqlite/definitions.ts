import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import { refusingDuplicates } from './errors.ts';
import { DEFINITION_COLUMNS, type DefinitionRow, definitionRow, toDefinition } from './rows.ts';
import { insertInto, type Sqlite, type SqlValue, whereAll, withinRanges } from './sql.ts';

export function sqliteDefinitions({ statement, write }: Sqlite): Store['definitions'] {
  const one = (sql: string, ...params: SqlValue[]) => {
    const row = statement(sql).get(...params) as DefinitionRow | undefined;
    return row && toDefinition(row);
  };
  return {
    async deploy(def) {
      assertUnitPath(def.unitPath);
      return write(() => {
        const { latest } = statement('SELECT max(version) AS latest FROM definitions WHERE key = ? AND unit_path = ?').get(
          def.key,
          def.unitPath,
        ) as {
          latest: number | null;
        };
        const deployed = { ...def, version: (latest ?? 0) + 1 };
        refusingDuplicates(
          () => statement(insertInto('definitions', DEFINITION_COLUMNS)).run(definitionRow(deployed)),
          () => `definition ${def.id}`,
        );
        return deployed;
      });
    },
    async byId(id) {
      return one('SELECT * FROM definitions WHERE id = ?', id);
    },
    async latest(key, unitPath) {
      return one('SELECT * FROM definitions WHERE key = ? AND unit_path = ? ORDER BY version DESC LIMIT 1', key, unitPath);
    },
    async list(reach, key) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = whereAll([withinRanges('unit_path', ranges), ...(key === undefined ? [] : [{ sql: 'key = ?', params: [key] }])]);
      const rows = statement(`SELECT * FROM definitions WHERE ${where.sql} ORDER BY key, unit_path, version`).all(
        ...where.params,
      ) as DefinitionRow[];
      return rows.map(toDefinition);
    },
    async nearest(key, unitPath, version) {
      // Unit by unit, nearest first. The versions come off definitions_by_unit alone and the
      // newest is picked here: SQLite's backwards seek for ORDER BY version DESC LIMIT 1 costs
      // several times more than reading a key's few versions.
      for (const unit of selfAndAbove(unitPath)) {
        const versions = statement('SELECT id, version FROM definitions WHERE unit_path = ? AND key = ?').all(unit, key) as {
          id: string;
          version: number;
        }[];
        let pick: { id: string; version: number } | undefined;
        for (const v of versions) if (version === undefined ? v.version > (pick?.version ?? 0) : v.version === version) pick = v;
        if (pick) return one('SELECT * FROM definitions WHERE id = ?', pick.id);
      }
      return undefined;
    },
    async visibleAt(unitPath, key) {
      const units = selfAndAbove(unitPath);
      const where = whereAll([
        { sql: `unit_path IN (${units.map(() => '?').join(', ')})`, params: units },
        ...(key === undefined ? [] : [{ sql: 'key = ?', params: [key] }]),
      ]);
      const rows = statement(`SELECT * FROM definitions WHERE ${where.sql} ORDER BY key, unit_path, version`).all(
        ...where.params,
      ) as DefinitionRow[];
      return rows.map(toDefinition);
    },
  };
}
