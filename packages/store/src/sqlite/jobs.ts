import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Commit, Store } from '../port.ts';
import { StoreConflict } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { InstanceJobRecord, InstanceRecord } from '../records.ts';
import { DEAD_LETTER_SORT } from '../sorts.ts';
import { refusingDuplicates } from './errors.ts';
import { JOB_COLUMNS, type JobRow, jobRow, toJob } from './rows.ts';
import { afterKey, type Condition, insertInto, orderBy, type Sqlite, sortColumns, whereAll, withinRanges } from './sql.ts';

type CommitJobs = NonNullable<Commit['jobs']>;

/** A job a claim at `now` may take: due, with retries left, and held by nobody (or by a lease that ran out). */
const CLAIMABLE = 'retries > 0 AND due_at <= @now AND (locked_until IS NULL OR locked_until < @now)';

/** An outbox job given up on: out of retries, waiting for no incident (jobs_dead holds exactly these). */
const DEAD = "kind = 'outbox' AND retries = 0 AND incident IS NULL";
const DEAD_ORDER = sortColumns(DEAD_LETTER_SORT, { dueAt: 'due_at', id: 'id' }, '');

/**
 * Inside a commit of `instance`: jobs finished or parked by their holder (anyone else's hold
 * fails the commit), jobs resumed by a resolved incident, jobs no longer wanted (with an ended
 * instance, those parked on its incidents, which no one can resolve any more), new ones.
 */
export function writeJobs(
  { statement }: Sqlite,
  { id: instanceId, status }: Pick<InstanceRecord, 'id' | 'status'>,
  jobs: CommitJobs,
): void {
  for (const { id, owner } of jobs.done ?? []) {
    if (statement('DELETE FROM jobs WHERE id = ? AND locked_by = ?').run(id, owner).changes === 0) throw new StoreConflict('job', id);
  }
  for (const { id, owner, incident, error } of jobs.park ?? []) {
    const { changes } = statement(
      `UPDATE jobs SET retries = 0, incident = ?, last_error = ?, locked_by = NULL, locked_until = NULL
       WHERE id = ? AND instance_id = ? AND locked_by = ?`,
    ).run(incident, error, id, instanceId, owner);
    if (changes === 0) throw new StoreConflict('job', id);
  }
  for (const { incident, retries, dueAt } of jobs.resume ?? []) {
    statement('UPDATE jobs SET retries = ?, due_at = ?, incident = NULL WHERE instance_id = ? AND incident = ?').run(
      retries,
      dueAt,
      instanceId,
      incident,
    );
  }
  for (const { ref, kind } of jobs.remove ?? []) {
    if (kind === undefined) statement('DELETE FROM jobs WHERE instance_id = ? AND ref = ?').run(instanceId, ref);
    else statement('DELETE FROM jobs WHERE instance_id = ? AND ref = ? AND kind = ?').run(instanceId, ref, kind);
  }
  if (status !== 'active') statement('DELETE FROM jobs WHERE instance_id = ? AND incident IS NOT NULL').run(instanceId);
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
  const lock = async (candidates: Condition, owner: string, now: number, leaseMs: number, max: number) => {
    if (max < 1) return [];
    const rows = await write(
      () =>
        statement(`UPDATE jobs SET locked_by = @owner, locked_until = @until WHERE id IN (${candidates.sql}) RETURNING *`).all(
          ...candidates.params,
          { owner, until: now + leaseMs, now, max },
        ) as JobRow[],
    );
    return rows.map(toJob).sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  };
  const list = (values: readonly string[]) => values.map(() => '?').join(', ');
  return {
    /**
     * Each kind's soonest due jobs are read in order off jobs_due (kind, due_at), at most @max per
     * kind, and the soonest of those are taken. (One `kind IN (…) ORDER BY due_at, id` would read
     * and sort every due job first: with a backlog of 100,000 due timers, every claim of 20 did.)
     */
    async claimDue(kinds, owner, now, leaseMs, limit) {
      if (kinds.length === 0) return [];
      const perKind = kinds.map(
        () => `SELECT * FROM (SELECT id, due_at FROM jobs WHERE kind = ? AND ${CLAIMABLE} ORDER BY due_at LIMIT @max)`,
      );
      const candidates = { sql: `SELECT id FROM (${perKind.join(' UNION ALL ')}) ORDER BY due_at, id LIMIT @max`, params: kinds };
      return lock(candidates, owner, now, leaseMs, limit);
    },
    async fetchAndLock(types, reach, worker, now, lockMs, max) {
      const ranges = reachRanges(reach);
      if (types.length === 0 || ranges.length === 0) return [];
      const within = withinRanges('unit_path', ranges);
      const candidates = {
        sql: `SELECT id FROM jobs WHERE kind = 'external' AND type IN (${list(types)}) AND ${within.sql} AND ${CLAIMABLE} ORDER BY due_at, id LIMIT @max`,
        params: [...types, ...within.params],
      };
      return (await lock(candidates, worker, now, lockMs, max)) as InstanceJobRecord[];
    },
    async byId(id) {
      const row = statement('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
      return row && toJob(row);
    },
    async ofInstance(instanceId) {
      const rows = statement('SELECT * FROM jobs WHERE instance_id = ? ORDER BY created_at, id').all(instanceId) as JobRow[];
      return rows.map(toJob) as InstanceJobRecord[];
    },
    async extendLock(id, owner, until) {
      return (
        (await write(() => statement('UPDATE jobs SET locked_until = ? WHERE id = ? AND locked_by = ?').run(until, id, owner))).changes > 0
      );
    },
    async retryLater(id, owner, retries, dueAt, error) {
      const { changes } = await write(() =>
        statement(
          'UPDATE jobs SET retries = ?, due_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?',
        ).run(retries, dueAt, error, id, owner),
      );
      return changes > 0;
    },
    async release(owner) {
      return (await write(() => statement('UPDATE jobs SET locked_by = NULL, locked_until = NULL WHERE locked_by = ?').run(owner))).changes;
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
    async schedule(job) {
      const insert = `${insertInto('jobs', JOB_COLUMNS)} ON CONFLICT (definition_id, ref) WHERE definition_id IS NOT NULL DO NOTHING`;
      return write(() =>
        refusingDuplicates(
          () => statement(insert).run(jobRow(job)).changes > 0,
          () => `job ${job.id}`,
        ),
      );
    },
    async finish(id, owner, next) {
      const mine = 'id = ? AND locked_by = ? AND definition_id IS NOT NULL';
      const { changes } = await write(() =>
        next === undefined
          ? statement(`DELETE FROM jobs WHERE ${mine}`).run(id, owner)
          : statement(
              `UPDATE jobs SET due_at = ?, retries = ?, payload = ?, last_error = NULL, locked_by = NULL, locked_until = NULL WHERE ${mine}`,
            ).run(next.dueAt, next.retries, JSON.stringify(next.payload), id, owner),
      );
      return changes > 0;
    },
    async unschedule(definitionId) {
      return (await write(() => statement('DELETE FROM jobs WHERE definition_id = ?').run(definitionId))).changes;
    },
    async deadLetters(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const conditions: Condition[] = [{ sql: `${DEAD} AND type = ?`, params: [query.type] }, withinRanges('unit_path', ranges)];
      if (query.cursor !== undefined) {
        conditions.push(afterKey(DEAD_ORDER, DEAD_LETTER_SORT.direction, decodeCursor(DEAD_LETTER_SORT, query.cursor)));
      }
      const where = whereAll(conditions);
      const rows = statement(`SELECT * FROM jobs WHERE ${where.sql} ${orderBy(DEAD_ORDER, DEAD_LETTER_SORT.direction)} LIMIT ?`).all(
        ...where.params,
        limit + 1,
      ) as JobRow[];
      return toPage(rows.map(toJob) as InstanceJobRecord[], limit, DEAD_LETTER_SORT);
    },
    async revive(id, retries, dueAt) {
      const { changes } = await write(() =>
        statement(`UPDATE jobs SET retries = ?, due_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND ${DEAD}`).run(
          retries,
          dueAt,
          id,
        ),
      );
      return changes > 0;
    },
  };
}
