import Database from 'better-sqlite3';

export type Synchronous = 'FULL' | 'NORMAL';

/** How long a writer waits for another process's write lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the database file the way several server processes can share it: WAL (readers never
 * block the writer), a busy timeout (writers queue instead of failing), foreign keys on.
 * `FULL` syncs every commit to disk; `NORMAL` may lose the last commits on power loss (never on
 * a process crash) and is faster.
 */
export function openDatabase(file: string, synchronous: Synchronous = 'FULL'): Database.Database {
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error(`synchronous must be FULL or NORMAL, not ${synchronous}`);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  return db;
}
