import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { instance, job, PATH, start, T0 } from '../conformance/fixtures.ts';
import { storeConformance } from '../conformance/index.ts';
import type { Store } from '../port.ts';
import { openPool } from './db.ts';
import { createPostgresStore } from './index.ts';
import { MIGRATIONS, type Migration, migrate } from './migrations.ts';
import { startTestServer, testServerUnavailable } from './testServer.ts';

const unavailable = testServerUnavailable();

if (unavailable !== undefined) it.skip(`PostgreSQL conformance skipped: ${unavailable}`, () => {});
else {
  const server = await startTestServer();
  afterAll(() => server.stop(), 60_000);
  const urlOf = new WeakMap<Store, string>();
  /** A store with a pool of its own, as each server process has. */
  const open = (url: string) => {
    const store = createPostgresStore({ url });
    urlOf.set(store, url);
    return store;
  };
  /** Someone with the database and psql. */
  const psql = async <R>(url: string, text: string, values: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as R[];
    } finally {
      await client.end();
    }
  };

  it('runs on PostgreSQL 15 or later', async () => {
    const [row] = await psql<{ version: number }>(
      await server.createDatabase(),
      "SELECT current_setting('server_version_num')::int AS version",
    );
    expect(row?.version).toBeGreaterThanOrEqual(150_000);
  });

  storeConformance('PostgreSQL', async () => open(await server.createDatabase()), {
    async tamper(store, instanceId, seq) {
      await psql(urlOf.get(store)!, `UPDATE events SET actor = 'mallory' WHERE instance_id = $1 AND seq = $2`, [instanceId, seq]);
    },
    async openPeer(store) {
      return open(urlOf.get(store)!);
    },
  });

  describe('PostgreSQL migrations', () => {
    const step = (version: number): Migration => ({ version, name: `step ${version}`, sql: `CREATE TABLE step_${version} (id text)` });
    const versions = async (url: string) =>
      (await psql<{ version: number }>(url, 'SELECT version FROM schema_version ORDER BY version')).map((row) => row.version);

    it('runs a step that lands after a higher one, and refuses a database newer than this code', async () => {
      const url = await server.createDatabase();
      const pool = openPool(url);
      try {
        await migrate(pool, [step(1), step(3)]);
        await migrate(pool, [step(1), step(2), step(3)]);
        expect(await versions(url)).toEqual([1, 2, 3]);
        await expect(migrate(pool, [step(1), step(2)])).rejects.toThrow(/newer than this Shanzhi knows/);
      } finally {
        await pool.end();
      }
    });
  });

  describe('PostgreSQL shared by several server processes', () => {
    it('migrates once when several processes open a new database at the same moment', async () => {
      const url = await server.createDatabase();
      const stores = [open(url), open(url), open(url)];
      try {
        await Promise.all(stores.map((store) => store.migrate()));
        const steps = await psql<{ version: number }>(url, 'SELECT version FROM schema_version ORDER BY version');
        expect(steps.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('hands each due timer and external job to exactly one of the claims two processes make at once', async () => {
      const url = await server.createDatabase();
      const [a, b] = [open(url), open(url)];
      try {
        await a.migrate();
        const road = instance('inst-road', PATH.hefeng);
        const timers = Array.from({ length: 300 }, (_, i) => job(road, `timer-${String(i).padStart(3, '0')}`, { dueAt: T0 + i }));
        const sms = Array.from({ length: 100 }, (_, i) =>
          job(road, `sms-${String(i).padStart(3, '0')}`, { kind: 'external', type: 'sms', dueAt: T0 + i }),
        );
        await start(a, road, { jobs: { add: [...timers, ...sms] } });

        const now = T0 + 10_000;
        /** Claims, a few at a time, until nothing is left. */
        const drain = async (claim: () => Promise<readonly { id: string }[]>) => {
          const ids: string[] = [];
          for (let got = await claim(); got.length > 0; got = await claim()) ids.push(...got.map((j) => j.id));
          return ids;
        };
        const claims = await Promise.all(
          (['server-a', 'server-b'] as const).flatMap((owner) => {
            const store = owner === 'server-a' ? a : b;
            return [
              drain(() => store.jobs.claimDue(['timer'], owner, now, 60_000, 5)),
              drain(() => store.jobs.claimDue(['timer'], owner, now, 60_000, 5)),
              drain(() => store.jobs.fetchAndLock(['sms'], [PATH.town], owner, now, 60_000, 5)),
            ];
          }),
        );

        const all = claims.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.sort()).toEqual([...sms, ...timers].map((j) => j.id).sort());
        expect(claims.filter((ids) => ids.length > 0).length).toBeGreaterThan(2);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    }, 30_000);
  });
}
