import { type ChainHead, EMPTY_CHAIN, extendChain } from '../chain.ts';
import { checkCommit } from '../checks.ts';
import type { Commit } from '../port.ts';
import { StoreConflict } from '../port.ts';
import type { InstanceRecord } from '../records.ts';
import type { Postgres, Queryable } from './db.ts';
import { isWriteRace, refusingDuplicates } from './errors.ts';
import { writeJobs } from './jobs.ts';
import { postNotices } from './notices.ts';
import { writeNotifications } from './notifications.ts';
import { insertRecords } from './queries.ts';
import { putRegisterEntry } from './registers.ts';
import { assignments, insertRows, type Row, sql } from './sql.ts';
import { writeSubscriptions } from './subscriptions.ts';
import { EVENTS, INSTANCES, rowOf } from './tables.ts';
import { endTask, upsertTasks } from './tasks.ts';
import { keyedTurns } from './turns.ts';

/**
 * One engine transition, written all or nothing in one transaction: the instance (guarded by
 * the version the writer read), its events chained onto the head the instance row keeps, its
 * inbox rows, jobs, subscriptions, notices, notifications and register entries.
 *
 * The instance row is locked first (FOR NO KEY UPDATE, which leaves the rows that reference it
 * insertable): of two writers of one version, in any processes, the second waits for the first
 * to commit, then reads the new version and fails with StoreConflict, having written nothing. A
 * deadlock with another commit (each finishing a job the other touches) is reported the same
 * way: read again, try again.
 *
 * Within this process, commits of one instance (or starts of one business key) take turns in
 * the order they were made: the first made is the one that wins, and the others wait here
 * rather than each hold a connection while the server makes them wait for the row.
 */
export function postgresCommit(pg: Postgres): (commit: Commit) => Promise<InstanceRecord> {
  const inTurn = keyedTurns();
  return async (commit) => {
    checkCommit(commit);
    const { instance } = commit;
    const keys = [`instance ${instance.id}`];
    if (instance.businessKey !== undefined) {
      keys.push(`business key ${instance.definitionKey} ${instance.unitPath} ${instance.businessKey}`);
    }
    try {
      return await inTurn(keys, () =>
        pg.transaction((tx) =>
          refusingDuplicates(
            () => write(tx, commit),
            ({ constraint }) =>
              constraint === 'instances_pkey'
                ? `instance ${instance.id}`
                : constraint === 'instances_business_key'
                  ? `instance of ${instance.definitionKey} at ${instance.unitPath} with business key "${instance.businessKey}"`
                  : `${constraint} of instance ${instance.id}`,
          ),
        ),
      );
    } catch (error) {
      if (isWriteRace(error)) throw new StoreConflict('instance', instance.id);
      throw error;
    }
  };
}

async function write(tx: Queryable, commit: Commit): Promise<InstanceRecord> {
  const { instance, expectedVersion } = commit;
  const head = expectedVersion === null ? EMPTY_CHAIN : await lockHead(tx, instance.id, expectedVersion);
  const chained = extendChain(instance.id, head, commit.events);
  const stored = { ...instance, version: (expectedVersion ?? 0) + 1 };
  const row: Row = { ...rowOf(INSTANCES, stored), chain_seq: chained.head.seq, chain_hash: chained.head.hash };
  if (expectedVersion === null) {
    for (const statement of insertRows(INSTANCES.name, [row])) await tx.run(statement);
  } else {
    const { id: _id, ...changed } = row;
    await tx.run(sql`UPDATE instances SET ${assignments(changed)} WHERE id = ${instance.id}`);
  }
  await insertRecords(tx, EVENTS, chained.records);
  await upsertTasks(tx, commit.tasks?.upsert ?? [], instance.businessKey);
  for (const end of commit.tasks?.end ?? []) await endTask(tx, instance.id, end);
  await writeJobs(tx, instance, commit.jobs ?? {});
  if (commit.subscriptions) await writeSubscriptions(tx, commit.subscriptions);
  await postNotices(tx, commit.notices?.add ?? []);
  await writeNotifications(tx, commit.notifications?.add ?? []);
  for (const write of commit.registers?.put ?? []) await putRegisterEntry(tx, write);
  return stored;
}

/** The chain head of the version read, its row locked until the commit ends; StoreConflict when the version moved on. */
async function lockHead(tx: Queryable, id: string, expectedVersion: number): Promise<ChainHead> {
  const [row] = await tx.rows<{ version: number } & ChainHead>(
    sql`SELECT version, chain_seq AS seq, chain_hash AS hash FROM instances WHERE id = ${id} FOR NO KEY UPDATE`,
  );
  if (row === undefined) throw new Error(`instance ${id} does not exist: commit it with expectedVersion null first`);
  if (row.version !== expectedVersion) throw new StoreConflict('instance', id);
  return { seq: row.seq, hash: row.hash };
}
