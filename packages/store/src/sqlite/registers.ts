import { checkExpectedRevision, checkRegister, checkRegisterWrite } from '../checks.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import { type Store, StoreConflict } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { RegisterEntryRecord, RegisterWrite } from '../records.ts';
import { REGISTER_ENTRY_SORT } from '../sorts.ts';
import {
  REGISTER_COLUMNS,
  REGISTER_ENTRY_COLUMNS,
  type RegisterEntryRow,
  type RegisterRow,
  registerEntryRow,
  registerRow,
  toRegister,
  toRegisterEntry,
} from './rows.ts';
import { insertInto, type Sqlite, whereAll, withinRanges } from './sql.ts';

const ENTRY = 'SELECT * FROM register_entries WHERE unit_path = ? AND register = ? AND key = ?';
const UPSERT_ENTRY = `${insertInto('register_entries', REGISTER_ENTRY_COLUMNS)}
  ON CONFLICT (unit_path, register, key) DO UPDATE SET ${REGISTER_ENTRY_COLUMNS.slice(3)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

/**
 * Writes the entry's next revision, inside a write (a commit's or a put's): the newest in
 * register_entries, every one in register_revisions. With `expectedRevision`, another revision
 * written since the caller read is a conflict.
 */
export function putRegisterEntry(sqlite: Sqlite, write: RegisterWrite, expectedRevision?: number | null): RegisterEntryRecord {
  const { statement } = sqlite;
  const current = statement(ENTRY).get(write.unitPath, write.register, write.key) as RegisterEntryRow | undefined;
  const revision = (current?.revision as number | undefined) ?? 0;
  if (expectedRevision !== undefined && (expectedRevision ?? 0) !== revision) {
    throw new StoreConflict('register', `${write.register}/${write.key}`);
  }
  const entry: RegisterEntryRecord = { ...write, revision: revision + 1 };
  const row = registerEntryRow(entry);
  statement(UPSERT_ENTRY).run(row);
  statement(insertInto('register_revisions', REGISTER_ENTRY_COLUMNS)).run(row);
  return entry;
}

export function sqliteRegisters(sqlite: Sqlite): Store['registers'] {
  const { statement, write } = sqlite;
  return {
    async declare(register) {
      checkRegister(register);
      await write(() =>
        statement(
          `${insertInto('registers', REGISTER_COLUMNS)} ON CONFLICT (unit_path, id) DO UPDATE SET ${REGISTER_COLUMNS.slice(2)
            .map((c) => `${c} = excluded.${c}`)
            .join(', ')}`,
        ).run(registerRow(register)),
      );
    },
    async byId(unitPath, id) {
      const row = statement('SELECT * FROM registers WHERE unit_path = ? AND id = ?').get(unitPath, id) as RegisterRow | undefined;
      return row && toRegister(row);
    },
    async within(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      const rows = statement(`SELECT * FROM registers WHERE ${where.sql} ORDER BY unit_path, id`).all(...where.params) as RegisterRow[];
      return rows.map(toRegister);
    },
    async put(entry, expectedRevision) {
      checkRegisterWrite(entry);
      checkExpectedRevision(`entry ${entry.key} of register ${entry.register}`, expectedRevision);
      return write(() => putRegisterEntry(sqlite, entry, expectedRevision));
    },
    async entry(unitPath, register, key) {
      const row = statement(ENTRY).get(unitPath, register, key) as RegisterEntryRow | undefined;
      return row && toRegisterEntry(row);
    },
    async entries({ unitPath, register, retired, limit, cursor }) {
      checkLimit(limit);
      const where = whereAll([
        { sql: 'unit_path = ? AND register = ?', params: [unitPath, register] },
        ...(retired ? [] : [{ sql: 'retired = 0', params: [] }]),
        ...(cursor === undefined ? [] : [{ sql: 'key > ?', params: decodeCursor(REGISTER_ENTRY_SORT, cursor) }]),
      ]);
      const rows = statement(`SELECT * FROM register_entries WHERE ${where.sql} ORDER BY key LIMIT ?`).all(
        ...where.params,
        limit + 1,
      ) as RegisterEntryRow[];
      return toPage(rows.map(toRegisterEntry), limit, REGISTER_ENTRY_SORT);
    },
    async history(unitPath, register, key) {
      const rows = statement(
        'SELECT * FROM register_revisions WHERE unit_path = ? AND register = ? AND key = ? ORDER BY revision DESC',
      ).all(unitPath, register, key) as RegisterEntryRow[];
      return rows.map(toRegisterEntry);
    },
  };
}
