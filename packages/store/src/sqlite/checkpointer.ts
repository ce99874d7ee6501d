import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpoint thread copies the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 250;
/**
 * SQLite's own checkpoint, run by the committing connection, stays on as a safety net with a
 * high mark (pages of WAL, about 40 MB): should the thread fall behind, the WAL stays bounded.
 */
export const AUTOCHECKPOINT_PAGES = 10_000;

// Plain JavaScript, evaluated: a worker thread loads it without the TypeScript loader the server runs under.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Another process's checkpoint holds the lock: it does the work.
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Checkpoints on a thread of their own. In WAL mode every commit appends pages to the WAL and,
 * every so often, the connection that commits copies them back into the database file: work
 * done on the event loop, in the middle of a request. A PASSIVE checkpoint on its own
 * connection, on another thread, does that copying beside the writers instead of in their way
 * (it never blocks them, and skips a round when another process is checkpointing).
 */
export function startCheckpointer(file: string, onFailure: (error: unknown) => void, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref();
  worker.once('error', onFailure);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held while it stops: an unref'd worker alone would let the process exit under this await.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
