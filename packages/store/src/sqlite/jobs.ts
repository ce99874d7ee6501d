import type { Commit, Store } from '../port.ts';
import { refusingDuplicates } from './errors.ts';
import { JOB_COLUMNS, type JobRow, jobRow, toJob } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

type CommitJobs = NonNullable<Commit['jobs']>;

/** A job a claim at `now` may take: due, with retries left, and held by nobody (or by a lease that ran out). */
const CLAIMABLE = 'retries > 0 AND due_at <= @now AND (locked_until IS NULL OR locked_until < @now)';

/** Inside a commit: jobs done or no longer wanted go, new ones come. */
export function writeJobs({ statement }: Sqlite, jobs: CommitJobs): void {
  for (const id of jobs.done ?? []) statement('DELETE FROM jobs WHERE id = ?').run(id);
  for (const { instanceId, ref, kind } of jobs.remove ?? []) {
    if (kind === undefined) statement('DELETE FROM jobs WHERE instance_id = ? AND ref = ?').run(instanceId, ref);
    else statement('DELETE FROM jobs WHERE instance_id = ? AND ref = ? AND kind = ?').run(instanceId, ref, kind);
  }
  for (const job of jobs.add ?? []) {
    refusingDuplicates(
      () => statement(insertInto('jobs', JOB_COLUMNS)).run(jobRow(job)),
      () => `job ${job.id}`,
    );
  }
}

export function sqliteJobs({ statement, write }: Sqlite): Store['jobs'] {
  /**
   * One UPDATE picks and locks the jobs, inside an IMMEDIATE transaction: no other process can
   * write between the pick and the lock, so a job goes to one owner at a time.
   */
  const lock = (pick: (list: string) => string, values: readonly string[], owner: string, now: number, leaseMs: number, max: number) => {
    if (values.length === 0 || max < 1) return [];
    const names = values.map((_, i) => `@v${i}`);
    const params = { owner, until: now + leaseMs, now, max, ...Object.fromEntries(values.map((value, i) => [`v${i}`, value])) };
    const rows = write(
      () =>
        statement(
          `UPDATE jobs SET locked_by = @owner, locked_until = @until WHERE id IN (
             SELECT id FROM jobs WHERE ${pick(names.join(', '))} AND ${CLAIMABLE} ORDER BY due_at, id LIMIT @max
           ) RETURNING *`,
        ).all(params) as JobRow[],
    );
    return rows.map(toJob).sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  };
  return {
    async claimDue(kinds, owner, now, leaseMs, limit) {
      return lock((list) => `kind IN (${list})`, kinds, owner, now, leaseMs, limit);
    },
    async fetchAndLock(types, worker, now, lockMs, max) {
      return lock((list) => `kind = 'external' AND type IN (${list})`, types, worker, now, lockMs, max);
    },
    async byId(id) {
      const row = statement('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
      return row && toJob(row);
    },
    async extendLock(id, owner, until) {
      return statement('UPDATE jobs SET locked_until = ? WHERE id = ? AND locked_by = ?').run(until, id, owner).changes > 0;
    },
    async retryLater(id, owner, retries, dueAt, error) {
      const { changes } = statement(
        'UPDATE jobs SET retries = ?, due_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?',
      ).run(retries, dueAt, error, id, owner);
      return changes > 0;
    },
    async release(owner) {
      return statement('UPDATE jobs SET locked_by = NULL, locked_until = NULL WHERE locked_by = ?').run(owner).changes;
    },
    async countDue(now) {
      return (statement(`SELECT count(*) AS due FROM jobs WHERE ${CLAIMABLE}`).get({ now }) as { due: number }).due;
    },
    async oldestDue(now) {
      return (
        (statement(`SELECT min(due_at) AS oldest FROM jobs WHERE ${CLAIMABLE}`).get({ now }) as { oldest: number | null }).oldest ??
        undefined
      );
    },
  };
}
