import type { ClientSession, MongoClient } from 'mongodb';
import { explainingReplicaSet } from './errors.ts';

/** `work` in one transaction (a replica set or sharded cluster is required); withTransaction retries transient conflicts. */
export async function inTransaction<T>(client: MongoClient, work: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = client.startSession();
  try {
    return await explainingReplicaSet(() => session.withTransaction(work));
  } finally {
    await session.endSession();
  }
}
