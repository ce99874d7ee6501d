import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { instance, PATH, start, task } from '../conformance/fixtures.ts';
import { createSqliteStore } from './index.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-group-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('group commit while another process holds the write lock', () => {
  it('keeps the event loop turning, takes in the commits that arrive, and lands them all once the lock is free', async () => {
    const file = join(folder, 'shanzhi.db');
    const store = createSqliteStore({ file });
    await store.migrate();
    // Another server process, in the middle of a long write.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');

    const road = instance('inst-road', PATH.hefeng);
    const first = start(store, road, { tasks: { upsert: [task(road, '2')] } });
    let turns = 0;
    const ticking = setInterval(() => turns++, 5);
    await new Promise((r) => setTimeout(r, 100));
    const lamp = instance('inst-lamp', PATH.honggang);
    const second = start(store, lamp);
    await new Promise((r) => setTimeout(r, 100));
    expect(turns).toBeGreaterThan(10);
    expect(await store.instances.byId(road.id)).toBeUndefined();

    other.exec('COMMIT');
    other.close();
    clearInterval(ticking);
    expect((await first).version).toBe(1);
    expect((await second).version).toBe(1);
    expect((await store.tasks.ofInstance(road.id)).map((t) => t.id)).toEqual([`${road.id}:2`]);
    await store.close();
  });
});

describe('checkpoints', () => {
  it('copy what was committed into the database file on a thread of their own, well before SQLite would', async () => {
    const file = join(folder, 'checkpointed.db');
    const store = createSqliteStore({ file });
    await store.migrate();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const record = instance(`inst-${i}`, PATH.hefeng);
        return start(store, record, { tasks: { upsert: [task(record, '2')] } });
      }),
    );
    const pages = () => statSync(file).size / 4096;
    const deadline = Date.now() + 5_000;
    while (pages() < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pages()).toBeGreaterThanOrEqual(20);
    await store.close();
  });
});
