import type Database from 'better-sqlite3';
import type { PathRange } from '../reach.ts';
import type { SortValue } from '../sorts.ts';
import { groupCommitter } from './groupCommit.ts';

export type SqlValue = string | number | null;

/** An open database and its prepared statements, prepared on first use (after migrations). */
export interface Sqlite {
  statement(sql: string): Database.Statement<unknown[]>;
  /**
   * Every write: `work` runs all or nothing, in the next group commit (groupCommit.ts), under
   * the write lock taken up front, so it never fails on a stale read and never makes the event
   * loop wait for another process's lock.
   */
  write<T>(work: () => T): Promise<T>;
  /** Writes what is queued now (before the database closes). */
  flush(): void;
}

export function wrapDatabase(db: Database.Database, busyTimeoutMs: number): Sqlite {
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const group = groupCommitter(db, busyTimeoutMs);
  return {
    statement(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    write: (work) => group.submit(work),
    flush: group.flush,
  };
}

/** A piece of a WHERE clause and its parameters. */
export interface Condition {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

export const whereAll = (conditions: readonly Condition[]): Condition => ({
  sql: conditions.length === 0 ? '1' : conditions.map((c) => c.sql).join(' AND '),
  params: conditions.flatMap((c) => c.params),
});

export const withinRanges = (column: string, ranges: readonly PathRange[]): Condition => ({
  sql: `(${ranges.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`,
  params: ranges.flatMap((range) => [range.from, range.to]),
});

/** Rows after the cursor's key: one row-value comparison, which SQLite answers from the sort's index. */
export const afterKey = (columns: readonly string[], direction: 'asc' | 'desc', key: readonly SortValue[]): Condition => ({
  sql: `(${columns.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`,
  params: key,
});

export { containing, orderByText as orderBy, sortColumns } from '../sqlText.ts';

/** `INSERT INTO table (a, b) VALUES (@a, @b)` for a row object whose keys are the columns. */
export const insertInto = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

/** `INSERT INTO table (a, b) VALUES (?, ?), (?, ?)` for `rows` rows, values in column order, row after row. */
export const insertRows = (table: string, columns: readonly string[], rows: number): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
