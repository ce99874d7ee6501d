import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Commit, Store } from '../port.ts';
import { StoreConflict } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { InstanceJobRecord, InstanceRecord, JobRecord } from '../records.ts';
import { DEAD_LETTER_SORT } from '../sorts.ts';
import { sortColumns } from '../sqlText.ts';
import type { Postgres, Queryable } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { afterKey, orderBy, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import { JOBS, recordOf } from './tables.ts';

type CommitJobs = NonNullable<Commit['jobs']>;

/** A job a claim at `now` may take: due, with retries left, and held by nobody (or by a lease that ran out). */
const claimable = (now: number): Sql => sql`retries > 0 AND due_at <= ${now} AND (locked_until IS NULL OR locked_until < ${now})`;

/** An outbox job given up on: out of retries, waiting for no incident (jobs_dead holds exactly these). */
const DEAD = sql`kind = 'outbox' AND retries = 0 AND incident IS NULL`;
const DEAD_ORDER = sortColumns(DEAD_LETTER_SORT, { dueAt: 'due_at', id: 'id' }, '');

/**
 * Inside a commit of `instance`: jobs finished or parked by their holder (anyone else's hold
 * fails the commit), jobs resumed by a resolved incident, jobs no longer wanted (with an ended
 * instance, those parked on its incidents, which no one can resolve any more), new ones.
 */
export async function writeJobs(
  tx: Queryable,
  { id: instanceId, status }: Pick<InstanceRecord, 'id' | 'status'>,
  jobs: CommitJobs,
): Promise<void> {
  for (const { id, owner } of jobs.done ?? []) {
    if ((await tx.run(sql`DELETE FROM jobs WHERE id = ${id} AND locked_by = ${owner}`)) === 0) throw new StoreConflict('job', id);
  }
  for (const { id, owner, incident, error } of jobs.park ?? []) {
    const parked = await tx.run(
      sql`UPDATE jobs SET retries = 0, incident = ${incident}, last_error = ${error}, locked_by = NULL, locked_until = NULL
          WHERE id = ${id} AND instance_id = ${instanceId} AND locked_by = ${owner}`,
    );
    if (parked === 0) throw new StoreConflict('job', id);
  }
  for (const { incident, retries, dueAt } of jobs.resume ?? []) {
    await tx.run(
      sql`UPDATE jobs SET retries = ${retries}, due_at = ${dueAt}, incident = NULL WHERE instance_id = ${instanceId} AND incident = ${incident}`,
    );
  }
  for (const { ref, kind } of jobs.remove ?? []) {
    await tx.run(
      sql`DELETE FROM jobs WHERE instance_id = ${instanceId} AND ref = ${ref}${kind === undefined ? sql`` : sql` AND kind = ${kind}`}`,
    );
  }
  if (status !== 'active') await tx.run(sql`DELETE FROM jobs WHERE instance_id = ${instanceId} AND incident IS NOT NULL`);
  const added = jobs.add ?? [];
  await refusingDuplicates(
    () => insertRecords(tx, JOBS, added),
    ({ key }) => `job ${key}`,
  );
}

/** Held jobs as a claim hands them out: soonest due first. */
const soonestFirst = (rows: readonly Record<string, unknown>[]): JobRecord[] =>
  rows.map((row) => recordOf(JOBS, row)).sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));

export function postgresJobs(pg: Postgres): Store['jobs'] {
  /**
   * One statement picks and locks: the candidates are read FOR UPDATE SKIP LOCKED, so a job
   * another claim (in any process) has picked but not yet committed is passed over rather than
   * waited for, and one whose lease another claim has just committed is read again and, no
   * longer claimable, left out. So each job goes to one owner at a time.
   */
  const lock = async (picked: Sql, owner: string, until: number) =>
    soonestFirst(
      await pg.rows(
        sql`WITH picked AS (${picked})
            UPDATE jobs SET locked_by = ${owner}, locked_until = ${until} FROM picked WHERE jobs.id = picked.id RETURNING jobs.*`,
      ),
    );
  return {
    /**
     * Each kind's soonest due jobs are read in order off jobs_due (kind, due_at), at most `limit`
     * per kind, and the soonest of those are taken (one `kind = ANY(...) ORDER BY due_at` would
     * read and sort every due job of those kinds first). The per-kind rows not taken are locked
     * only until the statement's transaction ends, a moment later.
     */
    async claimDue(kinds, owner, now, leaseMs, limit) {
      if (kinds.length === 0 || limit < 1) return [];
      const picked = sql`SELECT due.id FROM unnest(${kinds}::text[]) AS k (kind) CROSS JOIN LATERAL (
          SELECT id, due_at FROM jobs WHERE jobs.kind = k.kind AND ${claimable(now)}
          ORDER BY due_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED
        ) due ORDER BY due.due_at, due.id LIMIT ${limit}`;
      return lock(picked, owner, now + leaseMs);
    },
    async fetchAndLock(types, reach, worker, now, lockMs, max) {
      const ranges = reachRanges(reach);
      if (types.length === 0 || ranges.length === 0 || max < 1) return [];
      const picked = sql`SELECT id FROM jobs
        WHERE kind = 'external' AND type = ANY(${types}) AND ${withinRanges('unit_path', ranges)} AND ${claimable(now)}
        ORDER BY due_at, id LIMIT ${max} FOR UPDATE SKIP LOCKED`;
      return (await lock(picked, worker, now + lockMs)) as InstanceJobRecord[];
    },
    async byId(id) {
      return selectOne(pg, JOBS, sql`WHERE id = ${id}`);
    },
    async ofInstance(instanceId) {
      return (await selectAll(pg, JOBS, sql`WHERE instance_id = ${instanceId} ORDER BY created_at, id`)) as InstanceJobRecord[];
    },
    async extendLock(id, owner, until) {
      return (await pg.run(sql`UPDATE jobs SET locked_until = ${until} WHERE id = ${id} AND locked_by = ${owner}`)) > 0;
    },
    async retryLater(id, owner, retries, dueAt, error) {
      const retried = await pg.run(
        sql`UPDATE jobs SET retries = ${retries}, due_at = ${dueAt}, last_error = ${error}, locked_by = NULL, locked_until = NULL
            WHERE id = ${id} AND locked_by = ${owner}`,
      );
      return retried > 0;
    },
    async release(owner) {
      return pg.run(sql`UPDATE jobs SET locked_by = NULL, locked_until = NULL WHERE locked_by = ${owner}`);
    },
    async countDue(now) {
      const [row] = await pg.rows<{ due: number }>(sql`SELECT count(*) AS due FROM jobs WHERE ${claimable(now)}`);
      return row?.due ?? 0;
    },
    async oldestDue(now) {
      const [row] = await pg.rows<{ oldest: number | null }>(sql`SELECT min(due_at) AS oldest FROM jobs WHERE ${claimable(now)}`);
      return row?.oldest ?? undefined;
    },
    async schedule(job) {
      const added = await refusingDuplicates(
        () => insertRecords(pg, JOBS, [job], sql` ON CONFLICT (definition_id, ref) WHERE definition_id IS NOT NULL DO NOTHING`),
        () => `job ${job.id}`,
      );
      return added > 0;
    },
    async finish(id, owner, next) {
      const mine = sql`id = ${id} AND locked_by = ${owner} AND definition_id IS NOT NULL`;
      const finished = await pg.run(
        next === undefined
          ? sql`DELETE FROM jobs WHERE ${mine}`
          : sql`UPDATE jobs SET due_at = ${next.dueAt}, retries = ${next.retries}, payload = ${JSON.stringify(next.payload)},
                  last_error = NULL, locked_by = NULL, locked_until = NULL
                WHERE ${mine}`,
      );
      return finished > 0;
    },
    async unschedule(definitionId) {
      return pg.run(sql`DELETE FROM jobs WHERE definition_id = ${definitionId}`);
    },
    async deadLetters(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const conditions = [DEAD, sql`type = ${query.type}`, withinRanges('unit_path', ranges)];
      if (query.cursor !== undefined) {
        conditions.push(afterKey(DEAD_ORDER, DEAD_LETTER_SORT.direction, decodeCursor(DEAD_LETTER_SORT, query.cursor)));
      }
      const jobs = await selectAll(
        pg,
        JOBS,
        sql`WHERE ${whereAll(conditions)} ${orderBy(DEAD_ORDER, DEAD_LETTER_SORT.direction)} LIMIT ${limit + 1}`,
      );
      return toPage(jobs as InstanceJobRecord[], limit, DEAD_LETTER_SORT);
    },
    async revive(id, retries, dueAt) {
      const revived = await pg.run(
        sql`UPDATE jobs SET retries = ${retries}, due_at = ${dueAt}, locked_by = NULL, locked_until = NULL WHERE id = ${id} AND ${DEAD}`,
      );
      return revived > 0;
    },
  };
}
