import type { Queryable } from './db.ts';
import { insertRows, raw, type Sql, sql } from './sql.ts';
import { recordOf, rowOf, type Table } from './tables.ts';

/** What every repository reads and writes through: `SELECT *` mapped to records, and batched inserts of records. */

/** The records `SELECT * FROM table <rest>` returns; `rest` is the WHERE, ORDER BY and LIMIT. */
export async function selectAll<R>(db: Queryable, table: Table<R>, rest: Sql): Promise<R[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`SELECT * FROM ${raw(table.name)} ${rest}`);
  return rows.map((row) => recordOf(table, row));
}

/** The first record `SELECT * FROM table <rest>` returns, if any. */
export async function selectOne<R>(db: Queryable, table: Table<R>, rest: Sql): Promise<R | undefined> {
  return (await selectAll(db, table, rest))[0];
}

/** Inserts the records, several rows per INSERT (`suffix`: an ON CONFLICT clause); the number of rows written. */
export async function insertRecords<R>(db: Queryable, table: Table<R>, records: readonly R[], suffix?: Sql): Promise<number> {
  let written = 0;
  for (const statement of insertRows(
    table.name,
    records.map((record) => rowOf(table, record)),
    suffix,
  )) {
    written += await db.run(statement);
  }
  return written;
}
