import { MongoServerError } from 'mongodb';
import { StoreDuplicate } from '../port.ts';

export const REPLICA_SET_REQUIRED =
  'the MongoDB store needs transactions, which need a replica set or a sharded cluster: start mongod with --replSet (a one-member replica set will do) and connect with ?replicaSet=<name>';

/** The fields of the unique index a duplicate key error names, or undefined for any other error. */
export function duplicateKeyFields(error: unknown): string[] | undefined {
  if (!(error instanceof MongoServerError) || error.code !== 11000) return undefined;
  const pattern: unknown = error.keyPattern;
  return pattern !== null && typeof pattern === 'object' ? Object.keys(pattern) : [];
}

/** Runs `work`; a MongoDB that cannot run transactions gets a message saying what to do. */
export async function explainingReplicaSet<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 20 && /replica set|mongos/i.test(error.message)) {
      throw new Error(REPLICA_SET_REQUIRED, { cause: error });
    }
    throw error;
  }
}

/** Runs `work`; a duplicate key becomes StoreDuplicate naming what `describe` says the index's fields hold. */
export async function refusingDuplicates<T>(work: () => Promise<T>, describe: (fields: readonly string[]) => string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const fields = duplicateKeyFields(error);
    if (fields !== undefined) throw new StoreDuplicate(describe(fields));
    throw error;
  }
}
