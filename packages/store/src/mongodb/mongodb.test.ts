import { MongoClient } from 'mongodb';
import { afterAll, expect, it } from 'vitest';
import { storeConformance } from '../conformance/index.ts';
import type { Store } from '../port.ts';
import { createMongoStore } from './index.ts';

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
