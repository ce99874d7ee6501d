import type { ClientSession, Filter } from 'mongodb';
import type { Commit, Store } from '../port.ts';
import type { JobRecord } from '../records.ts';
import { type Collections, documentOf, type JobDoc, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';

const FREE = 0;

const toJob = (doc: JobDoc): JobRecord => {
  const { lockedUntil, ...rest } = doc;
  return recordOf<JobRecord>(lockedUntil === FREE ? rest : doc);
};

const jobDoc = (job: JobRecord): JobDoc => ({ ...documentOf(job), lockedUntil: job.lockedUntil ?? FREE });

/** A job a claim at `now` may take: due, with retries left, and held by nobody (or by a lease that ran out). */
const claimable = (now: number): Filter<JobDoc> => ({ retries: { $gt: 0 }, dueAt: { $lte: now }, lockedUntil: { $lt: now } });

/** Inside a commit: jobs done or no longer wanted go, new ones come. */
export async function writeJobs({ jobs }: Collections, session: ClientSession, changes: NonNullable<Commit['jobs']>): Promise<void> {
  if (changes.done?.length) await jobs.deleteMany({ _id: { $in: [...changes.done] } }, { session });
  for (const { instanceId, ref, kind } of changes.remove ?? []) {
    await jobs.deleteMany({ instanceId, ref, ...(kind === undefined ? {} : { kind }) }, { session });
  }
  for (const job of changes.add ?? []) {
    await refusingDuplicates(
      () => jobs.insertOne(jobDoc(job), { session }),
      () => `job ${job.id}`,
    );
  }
}

export function mongoJobs({ jobs }: Collections): Store['jobs'] {
  /**
   * Takes jobs one at a time, soonest due first: each findOneAndUpdate matches only a job that
   * is still free and locks it in the same atomic step, so no two owners get the same job.
   */
  const lock = async (which: Filter<JobDoc>, owner: string, now: number, leaseMs: number, max: number) => {
    const taken: JobRecord[] = [];
    while (taken.length < max) {
      const doc = await jobs.findOneAndUpdate(
        { ...which, ...claimable(now) },
        { $set: { lockedBy: owner, lockedUntil: now + leaseMs } },
        { sort: { dueAt: 1, _id: 1 }, returnDocument: 'after' },
      );
      if (doc === null) break;
      taken.push(toJob(doc));
    }
    return taken;
  };
  return {
    async claimDue(kinds, owner, now, leaseMs, limit) {
      return kinds.length === 0 ? [] : lock({ kind: { $in: [...kinds] } }, owner, now, leaseMs, limit);
    },
    async fetchAndLock(types, worker, now, lockMs, max) {
      return types.length === 0 ? [] : lock({ kind: 'external', type: { $in: [...types] } }, worker, now, lockMs, max);
    },
    async byId(id) {
      const doc = await jobs.findOne({ _id: id });
      return doc === null ? undefined : toJob(doc);
    },
    async extendLock(id, owner, until) {
      return (await jobs.updateOne({ _id: id, lockedBy: owner }, { $set: { lockedUntil: until } })).matchedCount > 0;
    },
    async retryLater(id, owner, retries, dueAt, error) {
      const { matchedCount } = await jobs.updateOne(
        { _id: id, lockedBy: owner },
        { $set: { retries, dueAt, lastError: error, lockedUntil: FREE }, $unset: { lockedBy: '' } },
      );
      return matchedCount > 0;
    },
    async release(owner) {
      return (await jobs.updateMany({ lockedBy: owner }, { $set: { lockedUntil: FREE }, $unset: { lockedBy: '' } })).modifiedCount;
    },
    async countDue(now) {
      return jobs.countDocuments(claimable(now));
    },
    async oldestDue(now) {
      return (await jobs.findOne(claimable(now), { sort: { dueAt: 1 }, projection: { dueAt: 1 } }))?.dueAt;
    },
  };
}
