import type Database from 'better-sqlite3';

interface Pending {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Writes run in one transaction at most; the rest go into the next one, at once. */
export const MAX_GROUP = 256;
/** While another process holds the write lock: the longest pause between attempts. */
const MAX_RETRY_MS = 4;

export interface GroupCommitter {
  /** Queues `work` for the next group; settles once that group's transaction is committed (or `work` failed). */
  submit<T>(work: () => T): Promise<T>;
  /** Writes whatever is queued now (before the database closes). */
  flush(): void;
}

/**
 * Group commit, for every write of the store (an engine step's commit, a job claim, a login's
 * session). The writes submitted while the event loop handles one round of I/O (every request
 * that arrived together) are run when that round ends, in one IMMEDIATE transaction, each in
 * its own savepoint. One BEGIN/COMMIT, one WAL append and, under synchronous FULL, one fsync
 * serve them all, and the pages several of them touch (the right edge of each index, the
 * B-tree interiors) go to the WAL once instead of once per write.
 *
 * Each write still stands alone: one that fails (a version conflict, a duplicate key) rolls
 * back its savepoint and rejects, and the others go on. Nothing settles before the transaction
 * has committed, so a caller is never told "stored" for something that could still be lost.
 * Should the transaction itself fail (the disk is full), every write in it is rejected with
 * that error and none is written.
 *
 * When another server process holds the write lock, the group does not wait for it inside
 * SQLite, which would sleep and stall this process's event loop: it tries again a moment
 * later, goes on serving requests meanwhile, and takes in the writes that arrive, until
 * `busyTimeoutMs` has passed; then its writes are rejected with SQLITE_BUSY.
 */
export function groupCommitter(db: Database.Database, busyTimeoutMs: number): GroupCommitter {
  let queue: Pending[] = [];
  let scheduled = false;
  let waitingSince: number | undefined;
  let retries = 0;
  // better-sqlite3 runs a transaction function called inside another as a SAVEPOINT.
  const alone = db.transaction((work: () => unknown) => work());
  const together = db.transaction((group: readonly Pending[]): Settled[] =>
    group.map((p) => {
      try {
        return { ok: true, value: alone(p.work) };
      } catch (error) {
        // Some failures (an I/O error, a full disk) end the whole transaction, not just the savepoint.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  // Prepared once: db.pragma() would prepare them again for every group.
  const noWait = db.prepare('PRAGMA busy_timeout = 0');
  const wait = db.prepare(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  /** BEGIN IMMEDIATE without SQLite's own busy wait (restored for everything else). */
  const withoutWaiting = <T>(work: () => T): T => {
    noWait.run();
    try {
      return work();
    } finally {
      wait.run();
    }
  };

  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      let settled: Settled[];
      try {
        settled = withoutWaiting(() => together.immediate(group));
      } catch (error) {
        const now = Date.now();
        waitingSince ??= now;
        if (isBusy(error) && now - waitingSince < busyTimeoutMs) {
          scheduled = true;
          setTimeout(flush, Math.min(MAX_RETRY_MS, ++retries));
          return;
        }
        settled = group.map(() => ({ ok: false, error }));
      }
      waitingSince = undefined;
      retries = 0;
      queue = queue.slice(group.length);
      for (const [i, s] of settled.entries()) {
        const p = group[i] as Pending;
        if (s.ok) p.resolve(s.value);
        else p.reject(s.error);
      }
    }
  };

  return {
    submit<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}

function isBusy(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_BUSY';
}
