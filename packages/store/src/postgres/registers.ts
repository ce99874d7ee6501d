import { checkExpectedRevision, checkRegister, checkRegisterWrite } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import { type Store, StoreConflict } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { RegisterEntryRecord, RegisterWrite } from '../records.ts';
import { REGISTER_ENTRY_SORT } from '../sorts.ts';
import type { Postgres, Queryable } from './db.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { setExcluded, sql, whereAll, withinRanges } from './sql.ts';
import { REGISTER_ENTRIES, REGISTER_REVISIONS, REGISTERS } from './tables.ts';

const ENTRY_KEY = ['unit_path', 'register', 'key'];
const NEXT_REVISION = setExcluded(Object.keys(REGISTER_ENTRIES.columns), ENTRY_KEY);

/**
 * Writes the entry's next revision in the transaction: the newest in register_entries, every one
 * in register_revisions. The entry's row is locked while its revision is read, so two writers of
 * one entry (two processes) take turns and each writes the next; with `expectedRevision`, another
 * revision written since the caller read is a conflict.
 */
export async function putRegisterEntry(
  tx: Queryable,
  write: RegisterWrite,
  expectedRevision?: number | null,
): Promise<RegisterEntryRecord> {
  const [current] = await tx.rows<{ revision: number }>(
    sql`SELECT revision FROM register_entries WHERE unit_path = ${write.unitPath} AND register = ${write.register} AND key = ${write.key} FOR UPDATE`,
  );
  const revision = current?.revision ?? 0;
  if (expectedRevision !== undefined && (expectedRevision ?? 0) !== revision) {
    throw new StoreConflict('register', `${write.register}/${write.key}`);
  }
  const entry: RegisterEntryRecord = { ...write, revision: revision + 1 };
  // A first write racing another first write of the same key: the second finds the row the first made and conflicts.
  const written = await insertRecords(
    tx,
    REGISTER_ENTRIES,
    [entry],
    sql` ON CONFLICT (unit_path, register, key) DO UPDATE ${NEXT_REVISION} WHERE register_entries.revision = ${revision}`,
  );
  if (written === 0) throw new StoreConflict('register', `${write.register}/${write.key}`);
  await insertRecords(tx, REGISTER_REVISIONS, [entry]);
  return entry;
}

export function postgresRegisters(pg: Postgres): Store['registers'] {
  return {
    async declare(register) {
      checkRegister(register);
      const replace = setExcluded(Object.keys(REGISTERS.columns), ['unit_path', 'id']);
      await insertRecords(pg, REGISTERS, [register], sql` ON CONFLICT (unit_path, id) DO UPDATE ${replace}`);
    },
    async byId(unitPath, id) {
      return selectOne(pg, REGISTERS, sql`WHERE unit_path = ${unitPath} AND id = ${id}`);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(pg, REGISTERS, sql`WHERE ${withinRanges('unit_path', ranges)} ORDER BY unit_path, id`);
    },
    async put(write, expectedRevision) {
      checkRegisterWrite(write);
      checkExpectedRevision(`entry ${write.key} of register ${write.register}`, expectedRevision);
      return pg.transaction((tx) => putRegisterEntry(tx, write, expectedRevision));
    },
    async entry(unitPath, register, key) {
      return selectOne(pg, REGISTER_ENTRIES, sql`WHERE unit_path = ${unitPath} AND register = ${register} AND key = ${key}`);
    },
    async entries({ unitPath, register, retired, limit, cursor }) {
      checkLimit(limit);
      const where = whereAll([
        sql`unit_path = ${unitPath} AND register = ${register}`,
        ...(retired ? [] : [sql`retired IS NOT TRUE`]),
        ...(cursor === undefined ? [] : [sql`key > ${decodeCursor(REGISTER_ENTRY_SORT, cursor)[0]}`]),
      ]);
      const rows = await selectAll(pg, REGISTER_ENTRIES, sql`WHERE ${where} ORDER BY key LIMIT ${limit + 1}`);
      return toPage(rows, limit, REGISTER_ENTRY_SORT);
    },
    async history(unitPath, register, key) {
      return selectAll(
        pg,
        REGISTER_REVISIONS,
        sql`WHERE unit_path = ${unitPath} AND register = ${register} AND key = ${key} ORDER BY revision DESC`,
      );
    },
  };
}
