import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { instance, job, PATH, start, T0 } from '../conformance/fixtures.ts';
import { MIGRATIONS, schemaVersion } from './migrations.ts';
import { openDatabase } from './open.ts';
import { sqliteStore } from './store.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-migrations-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('upgrades a database of the first schema without losing its jobs', async () => {
  const db = openDatabase(':memory:');
  const [first] = MIGRATIONS;
  db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
  db.exec(first?.sql ?? '');
  db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (1, ?, ?)').run(first?.name, T0);
  const road = instance('inst-road', PATH.hefeng);
  db.prepare(
    `INSERT INTO instances (id, definition_id, definition_key, unit_path, status, version, state, started_at, started_by, incidents, chain_seq, chain_hash)
     VALUES (?, ?, ?, ?, 'active', 1, ?, ?, ?, 0, 0, ?)`,
  ).run(road.id, road.definitionId, road.definitionKey, road.unitPath, JSON.stringify(road.state), T0, road.startedBy, '0'.repeat(64));
  db.prepare(
    `INSERT INTO jobs (id, kind, type, instance_id, unit_path, ref, due_at, retries, payload, locked_by, locked_until, created_at)
     VALUES ('timer-deadline', 'timer', 'timer', ?, ?, 'timer-deadline', ?, 3, '{}', 'server-a', ?, ?)`,
  ).run(road.id, road.unitPath, T0, T0 + 1, T0);

  const store = sqliteStore(db, join(folder, 'files'));
  await store.migrate();
  expect(schemaVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
  expect(await store.jobs.byId('timer-deadline')).toEqual(job(road, 'timer-deadline', { lockedBy: 'server-a', lockedUntil: T0 + 1 }));
  const well = instance('inst-well', PATH.honggang);
  await start(store, well, { jobs: { add: [job(well, 'timer-well')] } });
  expect((await store.jobs.ofInstance(well.id)).map((j) => j.id)).toEqual(['timer-well']);
  await store.close();
});
