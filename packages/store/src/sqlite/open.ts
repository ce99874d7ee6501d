import Database from 'better-sqlite3';

export type Synchronous = 'FULL' | 'NORMAL';

/** How long a writer waits for another process's write lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;
/**
 * Page cache per connection, in KiB (64 MiB). SQLite's default of 2 MB does not hold the pages
 * every request touches (the right edge of each index, sessions, users, grants), and each miss
 * is a read from the OS; 64 MiB keeps them, at a cost any machine running a town can afford.
 */
export const CACHE_KIB = 65_536;

/**
 * Opens the database file the way several server processes can share it: WAL (readers never
 * block the writer), a busy timeout (writers queue instead of failing), foreign keys on, a
 * page cache of CACHE_KIB.
 * `FULL` syncs every commit to disk; `NORMAL` may lose the last commits on power loss (never on
 * a process crash) and is faster.
 */
export function openDatabase(file: string, synchronous: Synchronous = 'FULL', cacheKiB = CACHE_KIB): Database.Database {
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new Error(`synchronous must be FULL or NORMAL, not ${synchronous}`);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${cacheKiB}`);
  return db;
}
