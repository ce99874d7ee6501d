import { EMPTY_CHAIN, extendChain } from '../chain.ts';
import { checkCommit } from '../checks.ts';
import type { Commit } from '../port.ts';
import { StoreConflict } from '../port.ts';
import type { InstanceRecord } from '../records.ts';
import { refusingDuplicates } from './errors.ts';
import { appendEvents } from './events.ts';
import { writeJobs } from './jobs.ts';
import { postNotice } from './notices.ts';
import { writeNotifications } from './notifications.ts';
import { putRegisterEntry } from './registers.ts';
import { INSTANCE_COLUMNS, instanceRow } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';
import { writeSubscriptions } from './subscriptions.ts';
import { endTask, upsertTask } from './tasks.ts';

const UPDATE_INSTANCE = `UPDATE instances SET ${INSTANCE_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id AND version = @version - 1`;

/**
 * One engine transition, written all or nothing (a savepoint in the group's transaction, see
 * groupCommit.ts): the instance (guarded by the version the writer read), its events chained
 * onto the head the instance row keeps, its inbox rows, jobs, subscriptions, notices, notifications and register entries.
 */
export function sqliteCommit(sqlite: Sqlite): (commit: Commit) => Promise<InstanceRecord> {
  const { statement, write } = sqlite;
  return async (commit) => {
    checkCommit(commit);
    const { instance, expectedVersion } = commit;
    return write(() =>
      refusingDuplicates(
        () => {
          const head = expectedVersion === null ? EMPTY_CHAIN : readHead(sqlite, instance.id, expectedVersion);
          const chained = extendChain(instance.id, head, commit.events);
          const stored = { ...instance, version: (expectedVersion ?? 0) + 1 };
          const row = instanceRow(stored, chained.head);
          if (expectedVersion === null) statement(insertInto('instances', INSTANCE_COLUMNS)).run(row);
          else if (statement(UPDATE_INSTANCE).run(row).changes === 0) throw new StoreConflict('instance', instance.id);
          appendEvents(sqlite, chained.records);
          for (const task of commit.tasks?.upsert ?? []) upsertTask(sqlite, task, instance.businessKey);
          for (const end of commit.tasks?.end ?? []) endTask(sqlite, instance.id, end);
          writeJobs(sqlite, instance, commit.jobs ?? {});
          if (commit.subscriptions) writeSubscriptions(sqlite, commit.subscriptions);
          for (const notice of commit.notices?.add ?? []) postNotice(sqlite, notice);
          writeNotifications(sqlite, commit.notifications?.add ?? []);
          for (const write of commit.registers?.put ?? []) putRegisterEntry(sqlite, write);
          return stored;
        },
        (key) =>
          key === 'instances.id'
            ? `instance ${instance.id}`
            : key.startsWith('instances.')
              ? `instance of ${instance.definitionKey} at ${instance.unitPath} with business key "${instance.businessKey}"`
              : key,
      ),
    );
  };
}

function readHead({ statement }: Sqlite, id: string, expectedVersion: number) {
  const row = statement('SELECT version, chain_seq AS seq, chain_hash AS hash FROM instances WHERE id = ?').get(id) as
    | { version: number; seq: number; hash: string }
    | undefined;
  if (row === undefined) throw new Error(`instance ${id} does not exist: commit it with expectedVersion null first`);
  if (row.version !== expectedVersion) throw new StoreConflict('instance', id);
  return { seq: row.seq, hash: row.hash };
}
