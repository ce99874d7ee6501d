import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../conformance/index.ts';
import type { Store } from '../port.ts';
import { collectionsOf, type SchemaVersionDoc } from './collections.ts';
import { createMongoStore } from './index.ts';
import { MIGRATIONS } from './migrations.ts';

/** Runs against a real replica set when SHANZHI_MONGODB_URL names one, each test in its own database. */
const url = process.env.SHANZHI_MONGODB_URL;

it.skipIf(url === undefined)(
  url === undefined ? 'MongoDB conformance skipped: SHANZHI_MONGODB_URL is not set' : 'SHANZHI_MONGODB_URL names a replica set or mongos',
  async () => {
    const client = new MongoClient(url!);
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      expect(hello.setName !== undefined || hello.msg === 'isdbgrid').toBe(true);
    } finally {
      await client.close();
    }
  },
);

if (url !== undefined) {
  const admin = new MongoClient(url);
  const dbNameOf = new WeakMap<Store, string>();
  let count = 0;
  afterAll(async () => {
    for (let n = 1; n <= count; n++) await admin.db(`shanzhi_test_${process.pid}_${n}`).dropDatabase();
    await admin.close();
  });

  storeConformance(
    'MongoDB',
    async () => {
      const dbName = `shanzhi_test_${process.pid}_${++count}`;
      const store = createMongoStore({ url, dbName });
      dbNameOf.set(store, dbName);
      return store;
    },
    {
      async tamper(store, instanceId, seq) {
        await admin
          .db(dbNameOf.get(store))
          .collection('events')
          .updateOne({ instanceId, seq }, { $set: { actor: 'mallory' } });
      },
      async openPeer(store) {
        return createMongoStore({ url, dbName: dbNameOf.get(store)! });
      },
    },
  );
}

describe.skipIf(url === undefined)('MongoDB migrations', () => {
  const client = url === undefined ? undefined : new MongoClient(url);
  let n = 0;
  const fresh = () => `shanzhi_migrations_${process.pid}_${++n}`;
  afterAll(async () => {
    for (let i = 1; i <= n; i++) await client?.db(`shanzhi_migrations_${process.pid}_${i}`).dropDatabase();
    await client?.close();
  });

  /** The schema_version document after migrating a database whose document read `before`. */
  async function migratedFrom(before: Pick<SchemaVersionDoc, 'version' | 'applied'>) {
    const dbName = fresh();
    const { schemaVersion } = collectionsOf(client!.db(dbName));
    await schemaVersion.insertOne({ _id: 'store', name: 'before', appliedAt: 0, ...before });
    const store = createMongoStore({ url: url!, dbName });
    await store.migrate();
    await store.close();
    return schemaVersion.findOne({ _id: 'store' });
  }

  const ALL = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);

  it('reads a document from before steps were listed as every step up to its version, and lists them from then on', async () => {
    expect(await migratedFrom({ version: 6 })).toMatchObject({ version: Math.max(...ALL), applied: ALL });
  });

  it('runs a step that lands after a higher one', async () => {
    const late = ALL.at(-2);
    expect(await migratedFrom({ version: Math.max(...ALL), applied: ALL.filter((v) => v !== late) })).toMatchObject({ applied: ALL });
  });
});
