import type { Store } from '../port.ts';
import { backupDatabase, filesDirOf } from './backup.ts';
import { AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.ts';
import { openDatabase, type Synchronous } from './open.ts';
import { sqliteStore } from './store.ts';

export { restoreSqliteBackup } from './backup.ts';

export interface SqliteStoreOptions {
  /** The database file, e.g. `./data/shanzhi.db`; `:memory:` for a throwaway store (then `filesDir` is required). */
  readonly file: string;
  /** FULL (default) syncs every commit; NORMAL is faster and may lose the last commits on power loss. */
  readonly synchronous?: Synchronous;
  /** Where attachment content goes; default: a `files` folder beside the database file. */
  readonly filesDir?: string;
  /** This connection's page cache in KiB (default CACHE_KIB in open.ts); a bulk load wants more. */
  readonly cacheKiB?: number;
}

export interface SqliteStore extends Store {
  /** An online copy of the database and its attachment files, safe while the store is in use. */
  backup(toFile: string): Promise<void>;
}

/** The embedded store: one SQLite file in WAL mode, shareable by several server processes. */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const filesDir = options.filesDir ?? (options.file === ':memory:' ? undefined : filesDirOf(options.file));
  if (filesDir === undefined) throw new Error('an in-memory SQLite store needs a filesDir for attachment content');
  const db = openDatabase(options.file, options.synchronous, options.cacheKiB);
  const store = sqliteStore(db, filesDir);
  if (options.file === ':memory:') return { ...store, backup: (toFile) => backupDatabase(db, filesDir, toFile) };
  // Should the checkpoint thread fail, the committing connection checkpoints as SQLite does by default.
  const checkpointer = startCheckpointer(options.file, () => db.open && db.pragma('wal_autocheckpoint = 1000'));
  db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  return {
    ...store,
    backup: (toFile) => backupDatabase(db, filesDir, toFile),
    async close() {
      await checkpointer.stop();
      await store.close();
    },
  };
}
