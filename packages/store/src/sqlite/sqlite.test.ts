import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { storeConformance } from '../conformance/index.ts';
import type { Store } from '../port.ts';
import { createSqliteStore } from './index.ts';
import { openDatabase } from './open.ts';
import { sqliteStore } from './store.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;

/** Someone with the database and a SQLite shell, rewriting who did something. */
const tamperWith = (db: Database.Database, instanceId: string, seq: number) =>
  db.prepare(`UPDATE events SET actor = 'mallory' WHERE instance_id = ? AND seq = ?`).run(instanceId, seq);

const fileOf = new WeakMap<Store, string>();
storeConformance(
  'SQLite file',
  async () => {
    const dir = join(folder, `file-${++count}`);
    mkdirSync(dir);
    const file = join(dir, 'shanzhi.db');
    const store = createSqliteStore({ file });
    fileOf.set(store, file);
    return store;
  },
  {
    async tamper(store, instanceId, seq) {
      const db = new Database(fileOf.get(store)!);
      tamperWith(db, instanceId, seq);
      db.close();
    },
    async openPeer(store) {
      return createSqliteStore({ file: fileOf.get(store)! });
    },
  },
);

const dbOf = new WeakMap<Store, Database.Database>();
storeConformance(
  'SQLite in memory',
  async () => {
    const db = openDatabase(':memory:');
    const store = sqliteStore(db, join(folder, `memory-files-${++count}`));
    dbOf.set(store, db);
    return store;
  },
  { tamper: async (store, instanceId, seq) => void tamperWith(dbOf.get(store)!, instanceId, seq) },
);
