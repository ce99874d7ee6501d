import type { ClientSession, MongoClient } from 'mongodb';
import { type ChainHead, EMPTY_CHAIN, extendChain } from '../chain.ts';
import { checkCommit } from '../checks.ts';
import type { Commit } from '../port.ts';
import { StoreConflict } from '../port.ts';
import type { InstanceRecord } from '../records.ts';
import type { BusinessKeyDoc, Collections, InstanceDoc } from './collections.ts';
import { documentOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { appendEvents } from './events.ts';
import { writeJobs } from './jobs.ts';
import { postNotice } from './notices.ts';
import { writeNotifications } from './notifications.ts';
import { putRegisterEntry } from './registers.ts';
import { writeSubscriptions } from './subscriptions.ts';
import { endTask, upsertTask } from './tasks.ts';
import { inTransaction } from './transactions.ts';

const businessKeyId = (instance: Pick<InstanceRecord, 'definitionKey' | 'unitPath' | 'businessKey'>): BusinessKeyDoc['_id'] | undefined =>
  instance.businessKey === undefined
    ? undefined
    : { definitionKey: instance.definitionKey, unitPath: instance.unitPath, businessKey: instance.businessKey };

/**
 * One engine transition in one transaction (a replica set or sharded cluster is required): the
 * instance replaced only if it still has the version the writer read, its events chained onto
 * the head the instance document keeps, its tasks, jobs, subscriptions, notices, notifications and register entries. withTransaction
 * retries transient write conflicts; a retry that finds the version moved on throws StoreConflict.
 */
export function mongoCommit(client: MongoClient, collections: Collections): (commit: Commit) => Promise<InstanceRecord> {
  return async (commit) => {
    checkCommit(commit);
    return inTransaction(client, (session) => write(collections, session, commit));
  };
}

async function write(collections: Collections, session: ClientSession, commit: Commit): Promise<InstanceRecord> {
  const { instance, expectedVersion } = commit;
  const stored: InstanceRecord = { ...instance, version: (expectedVersion ?? 0) + 1 };
  const previous = expectedVersion === null ? undefined : await readPrevious(collections, session, instance.id, expectedVersion);
  const chained = extendChain(instance.id, previous === undefined ? EMPTY_CHAIN : head(previous), commit.events);
  const doc: InstanceDoc = { ...documentOf(stored), chainSeq: chained.head.seq, chainHash: chained.head.hash };

  await moveBusinessKey(collections, session, previous, stored);
  if (previous === undefined) {
    await refusingDuplicates(
      () => collections.instances.insertOne(doc, { session }),
      () => `instance ${instance.id}`,
    );
  } else {
    const { matchedCount } = await collections.instances.replaceOne({ _id: instance.id, version: previous.version }, doc, { session });
    if (matchedCount === 0) throw new StoreConflict('instance', instance.id);
  }
  await appendEvents(collections, session, instance.unitPath, chained.records);
  for (const task of commit.tasks?.upsert ?? []) await upsertTask(collections, session, task, instance.businessKey);
  for (const end of commit.tasks?.end ?? []) await endTask(collections, session, instance.id, end);
  await writeJobs(collections, session, instance, commit.jobs ?? {});
  if (commit.subscriptions) await writeSubscriptions(collections, session, commit.subscriptions);
  for (const notice of commit.notices?.add ?? []) await postNotice(collections, session, notice);
  await writeNotifications(collections, session, commit.notifications?.add ?? []);
  for (const write of commit.registers?.put ?? []) await putRegisterEntry(collections, session, write);
  return stored;
}

async function readPrevious({ instances }: Collections, session: ClientSession, id: string, expectedVersion: number) {
  const previous = await instances.findOne({ _id: id }, { session, projection: { state: 0 } });
  if (previous === null) throw new Error(`instance ${id} does not exist: commit it with expectedVersion null first`);
  if (previous.version !== expectedVersion) throw new StoreConflict('instance', id);
  return previous;
}

const head = (doc: Pick<InstanceDoc, 'chainSeq' | 'chainHash'>): ChainHead => ({ seq: doc.chainSeq, hash: doc.chainHash });

/** Claims the instance's business key (unique even across shards), giving back one it no longer uses. */
async function moveBusinessKey(
  { businessKeys }: Collections,
  session: ClientSession,
  previous: Pick<InstanceDoc, 'definitionKey' | 'unitPath' | 'businessKey'> | undefined,
  next: InstanceRecord,
) {
  const from = previous && businessKeyId(previous);
  const to = businessKeyId(next);
  if (JSON.stringify(from) === JSON.stringify(to)) return;
  if (from !== undefined) await businessKeys.deleteOne({ _id: from }, { session });
  if (to !== undefined) {
    await refusingDuplicates(
      () => businessKeys.insertOne({ _id: to, instanceId: next.id }, { session }),
      () => `instance of ${next.definitionKey} at ${next.unitPath} with business key "${next.businessKey}"`,
    );
  }
}
