import pg from 'pg';
import { afterAll, it } from 'vitest';
import { storeConformance } from '../conformance/index.ts';
import type { Store } from '../port.ts';
import { createPostgresStore } from './index.ts';
import { startTestServer, testServerUnavailable } from './testServer.ts';

const unavailable = testServerUnavailable();

it.skipIf(unavailable === undefined)(`PostgreSQL conformance skipped: ${unavailable}`, () => {});

if (unavailable === undefined) {
  const server = await startTestServer();
  afterAll(() => server.stop(), 60_000);
  const urlOf = new WeakMap<Store, string>();
  const open = (url: string) => {
    const store = createPostgresStore({ url });
    urlOf.set(store, url);
    return store;
  };

  storeConformance('PostgreSQL', async () => open(await server.createDatabase()), {
    /** Someone with the database and psql, rewriting who did something. */
    async tamper(store, instanceId, seq) {
      const client = new pg.Client({ connectionString: urlOf.get(store) });
      await client.connect();
      try {
        await client.query(`UPDATE events SET actor = 'mallory' WHERE instance_id = $1 AND seq = $2`, [instanceId, seq]);
      } finally {
        await client.end();
      }
    },
    /** Another server process: a pool of its own on the same database. */
    async openPeer(store) {
      return open(urlOf.get(store)!);
    },
  });
}
