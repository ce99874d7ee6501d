import type { Reach } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import type { Postgres } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { raw, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import type { Table } from './tables.ts';

/** What definitions and forms share: versions count per key and unit. */
interface Versioned {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly unitPath: string;
}

/**
 * A table of versioned records (definitions, forms): its columns include id, key, version and
 * unit_path, with UNIQUE (key, unit_path, version) and an index on (unit_path, key, version).
 */
export interface VersionedTable<R extends Versioned> extends Table<R> {
  /** What a duplicate id is called: `definition`, `form`. */
  readonly noun: string;
}

/** The queries of Store.definitions and Store.forms, over one table. */
export function postgresVersioned<R extends Versioned>(pg: Postgres, table: VersionedTable<R>) {
  const ofKey = (key: string | undefined): Sql[] => (key === undefined ? [] : [sql`key = ${key}`]);
  const ORDER = sql`ORDER BY key, unit_path, version`;
  return {
    /**
     * Numbered under a transaction-scoped advisory lock on (table, key, unit): concurrent deploys
     * of one key at one unit, from any process, take their turns and never the same version.
     */
    async deploy(record: Omit<R, 'version'>): Promise<R> {
      assertUnitPath(record.unitPath);
      return pg.transaction(async (tx) => {
        const lock = `${table.name} ${record.key} ${record.unitPath}`;
        await tx.run(sql`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`);
        const [highest] = await tx.rows<{ version: number | null }>(
          sql`SELECT max(version) AS version FROM ${raw(table.name)} WHERE key = ${record.key} AND unit_path = ${record.unitPath}`,
        );
        // Omit<R, 'version'> plus a version is an R, which TypeScript cannot see for a type parameter.
        const deployed = { ...record, version: (highest?.version ?? 0) + 1 } as R;
        await refusingDuplicates(
          () => insertRecords(tx, table, [deployed]),
          () => `${table.noun} ${record.id}`,
        );
        return deployed;
      });
    },
    async byId(id: string): Promise<R | undefined> {
      return selectOne(pg, table, sql`WHERE id = ${id}`);
    },
    async list(reach: Reach, key?: string): Promise<R[]> {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(pg, table, sql`WHERE ${whereAll([withinRanges('unit_path', ranges), ...ofKey(key)])} ${ORDER}`);
    },
    /** The unit's own versions first, then each unit above's: the nearest unit's newest (or asked) version. */
    async nearest(key: string, unitPath: string, version?: number): Promise<R | undefined> {
      const conditions = [sql`unit_path = ANY(${selfAndAbove(unitPath)})`, ...ofKey(key)];
      if (version !== undefined) conditions.push(sql`version = ${version}`);
      return selectOne(pg, table, sql`WHERE ${whereAll(conditions)} ORDER BY length(unit_path) DESC, version DESC LIMIT 1`);
    },
    async visibleAt(unitPath: string, key?: string): Promise<R[]> {
      return selectAll(pg, table, sql`WHERE ${whereAll([sql`unit_path = ANY(${selfAndAbove(unitPath)})`, ...ofKey(key)])} ${ORDER}`);
    },
  };
}
