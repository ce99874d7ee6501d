import type { ClientSession, Filter } from 'mongodb';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Commit, Store } from '../port.ts';
import { StoreConflict, StoreDuplicate } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { InstanceJobRecord, InstanceRecord, JobRecord } from '../records.ts';
import { DEAD_LETTER_SORT } from '../sorts.ts';
import { type Collections, documentOf, type JobDoc, recordOf } from './collections.ts';
import { duplicateKeyFields, refusingDuplicates } from './errors.ts';
import { afterKey, sortSpec, withinRanges } from './filters.ts';

const FREE = 0;

const toJob = (doc: JobDoc): JobRecord => {
  const { lockedUntil, ...rest } = doc;
  return recordOf<JobRecord>(lockedUntil === FREE ? rest : doc);
};

const jobDoc = (job: JobRecord): JobDoc => ({ ...documentOf(job), lockedUntil: job.lockedUntil ?? FREE });

/** A job a claim at `now` may take: due, with retries left, and held by nobody (or by a lease that ran out). */
const claimable = (now: number): Filter<JobDoc> => ({ retries: { $gt: 0 }, dueAt: { $lte: now }, lockedUntil: { $lt: now } });

/** An outbox job given up on: out of retries, waiting for no incident. */
const DEAD: Filter<JobDoc> = { kind: 'outbox', retries: 0, incident: { $exists: false } };

/** Unlocked: nobody holds it. */
const unlocked = { $set: { lockedUntil: FREE }, $unset: { lockedBy: '' } } as const;

/**
 * Inside a commit of `instance`: jobs finished or parked by their holder (anyone else's hold
 * fails the commit), jobs resumed by a resolved incident, jobs no longer wanted (with an ended
 * instance, those parked on its incidents, which no one can resolve any more), new ones.
 */
export async function writeJobs(
  { jobs }: Collections,
  session: ClientSession,
  { id: instanceId, status }: Pick<InstanceRecord, 'id' | 'status'>,
  changes: NonNullable<Commit['jobs']>,
): Promise<void> {
  for (const { id, owner } of changes.done ?? []) {
    if ((await jobs.deleteOne({ _id: id, lockedBy: owner }, { session })).deletedCount === 0) throw new StoreConflict('job', id);
  }
  for (const { id, owner, incident, error } of changes.park ?? []) {
    const { matchedCount } = await jobs.updateOne(
      { _id: id, instanceId, lockedBy: owner },
      { $set: { retries: 0, incident, lastError: error, lockedUntil: FREE }, $unset: { lockedBy: '' } },
      { session },
    );
    if (matchedCount === 0) throw new StoreConflict('job', id);
  }
  for (const { incident, retries, dueAt } of changes.resume ?? []) {
    await jobs.updateMany({ instanceId, incident }, { $set: { retries, dueAt }, $unset: { incident: '' } }, { session });
  }
  for (const { ref, kind } of changes.remove ?? []) {
    await jobs.deleteMany({ instanceId, ref, ...(kind === undefined ? {} : { kind }) }, { session });
  }
  if (status !== 'active') await jobs.deleteMany({ instanceId, incident: { $exists: true } }, { session });
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
  /** A definition's job (a timer start event) held by `owner`. */
  const heldDefinitionJob = (id: string, owner: string): Filter<JobDoc> => ({ _id: id, lockedBy: owner, definitionId: { $exists: true } });
  return {
    async claimDue(kinds, owner, now, leaseMs, limit) {
      return kinds.length === 0 ? [] : lock({ kind: { $in: [...kinds] } }, owner, now, leaseMs, limit);
    },
    async fetchAndLock(types, reach, worker, now, lockMs, max) {
      const ranges = reachRanges(reach);
      if (types.length === 0 || ranges.length === 0) return [];
      const which = { kind: 'external' as const, type: { $in: [...types] }, ...withinRanges('unitPath', ranges) };
      return (await lock(which, worker, now, lockMs, max)) as InstanceJobRecord[];
    },
    async byId(id) {
      const doc = await jobs.findOne({ _id: id });
      return doc === null ? undefined : toJob(doc);
    },
    async ofInstance(instanceId) {
      return (await jobs.find({ instanceId }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toJob) as InstanceJobRecord[];
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
      return (await jobs.updateMany({ lockedBy: owner }, unlocked)).modifiedCount;
    },
    async countDue(now) {
      return jobs.countDocuments(claimable(now));
    },
    async oldestDue(now) {
      return (await jobs.findOne(claimable(now), { sort: { dueAt: 1 }, projection: { dueAt: 1 } }))?.dueAt;
    },
    /** The unique index on (definitionId, ref) makes a second job for the same start event a duplicate key. */
    async schedule(job) {
      try {
        await jobs.insertOne(jobDoc(job));
        return true;
      } catch (error) {
        const fields = duplicateKeyFields(error);
        if (fields === undefined) throw error;
        if (fields.includes('definitionId')) return false;
        throw new StoreDuplicate(`job ${job.id}`);
      }
    },
    async finish(id, owner, next) {
      if (next === undefined) return (await jobs.deleteOne(heldDefinitionJob(id, owner))).deletedCount > 0;
      const { matchedCount } = await jobs.updateOne(heldDefinitionJob(id, owner), {
        $set: { dueAt: next.dueAt, retries: next.retries, payload: next.payload, lockedUntil: FREE },
        $unset: { lockedBy: '', lastError: '' },
      });
      return matchedCount > 0;
    },
    async unschedule(definitionId) {
      return (await jobs.deleteMany({ definitionId })).deletedCount;
    },
    async deadLetters(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const and = [
        withinRanges('unitPath', ranges),
        ...(query.cursor === undefined ? [] : [afterKey(DEAD_LETTER_SORT, decodeCursor(DEAD_LETTER_SORT, query.cursor))]),
      ];
      const found = await jobs
        .find({ ...DEAD, type: query.type, $and: and })
        .sort(sortSpec(DEAD_LETTER_SORT))
        .limit(limit + 1)
        .toArray();
      return toPage(found.map(toJob) as InstanceJobRecord[], limit, DEAD_LETTER_SORT);
    },
    async revive(id, retries, dueAt) {
      const { matchedCount } = await jobs.updateOne(
        { _id: id, ...DEAD },
        { $set: { retries, dueAt, lockedUntil: FREE }, $unset: { lockedBy: '' } },
      );
      return matchedCount > 0;
    },
  };
}
