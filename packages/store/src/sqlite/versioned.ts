import type { Reach } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import { refusingDuplicates } from './errors.ts';
import { insertInto, type Sqlite, type SqlValue, whereAll, withinRanges } from './sql.ts';

/** What definitions and forms share: versions count per key and unit. */
interface Versioned {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly unitPath: string;
}

/**
 * A table of versioned records: its columns include id, key, version and unit_path, with
 * UNIQUE (key, unit_path, version) and an index on (unit_path, key, version).
 */
export interface VersionedTable<R extends Versioned, Row> {
  readonly name: string;
  readonly columns: readonly string[];
  /** What a duplicate id is called: `definition`, `form`. */
  readonly noun: string;
  readonly toRow: (record: R) => Row;
  readonly toRecord: (row: Row) => R;
}

/** The queries of Store.definitions and Store.forms, over one table. */
export function sqliteVersioned<R extends Versioned, Row>({ statement, write }: Sqlite, table: VersionedTable<R, Row>) {
  const one = (sql: string, ...params: SqlValue[]): R | undefined => {
    const row = statement(sql).get(...params) as Row | undefined;
    return row && table.toRecord(row);
  };
  const all = (sql: string, ...params: SqlValue[]): R[] => (statement(sql).all(...params) as Row[]).map(table.toRecord);
  const ofKey = (key: string | undefined) => (key === undefined ? [] : [{ sql: 'key = ?', params: [key] }]);
  return {
    /** Numbered inside the write, under the write lock, so concurrent deploys never take the same version. */
    async deploy(record: Omit<R, 'version'>): Promise<R> {
      assertUnitPath(record.unitPath);
      return write(() => {
        const { latest } = statement(`SELECT max(version) AS latest FROM ${table.name} WHERE key = ? AND unit_path = ?`).get(
          record.key,
          record.unitPath,
        ) as { latest: number | null };
        // Omit<R, 'version'> plus a version is an R, which TypeScript cannot see for a type parameter.
        const deployed = { ...record, version: (latest ?? 0) + 1 } as R;
        refusingDuplicates(
          () => statement(insertInto(table.name, table.columns)).run(table.toRow(deployed)),
          () => `${table.noun} ${record.id}`,
        );
        return deployed;
      });
    },
    async byId(id: string): Promise<R | undefined> {
      return one(`SELECT * FROM ${table.name} WHERE id = ?`, id);
    },
    async list(reach: Reach, key?: string): Promise<R[]> {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = whereAll([withinRanges('unit_path', ranges), ...ofKey(key)]);
      return all(`SELECT * FROM ${table.name} WHERE ${where.sql} ORDER BY key, unit_path, version`, ...where.params);
    },
    async nearest(key: string, unitPath: string, version?: number): Promise<R | undefined> {
      // Unit by unit, nearest first. The versions come off the (unit_path, key, version) index
      // alone and the newest is picked here: SQLite's backwards seek for ORDER BY version DESC
      // LIMIT 1 costs several times more than reading a key's few versions.
      for (const unit of selfAndAbove(unitPath)) {
        const versions = statement(`SELECT id, version FROM ${table.name} WHERE unit_path = ? AND key = ?`).all(unit, key) as {
          id: string;
          version: number;
        }[];
        let pick: { id: string; version: number } | undefined;
        for (const v of versions) if (version === undefined ? v.version > (pick?.version ?? 0) : v.version === version) pick = v;
        if (pick) return one(`SELECT * FROM ${table.name} WHERE id = ?`, pick.id);
      }
      return undefined;
    },
    async visibleAt(unitPath: string, key?: string): Promise<R[]> {
      const units = selfAndAbove(unitPath);
      const where = whereAll([{ sql: `unit_path IN (${units.map(() => '?').join(', ')})`, params: units }, ...ofKey(key)]);
      return all(`SELECT * FROM ${table.name} WHERE ${where.sql} ORDER BY key, unit_path, version`, ...where.params);
    },
  };
}
