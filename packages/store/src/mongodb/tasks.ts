import type { ClientSession, Document } from 'mongodb';
import { principalsOfReader, principalsOfTask } from '../inbox.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Commit, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { TaskRecord } from '../records.ts';
import { DEFAULT_INBOX_SORT, dueOrder, INBOX_SORTS, priorityOrder } from '../sorts.ts';
import { type Collections, documentOf, recordOf, type TaskDoc } from './collections.ts';
import { afterKey, containing, sortSpec, withinRanges } from './filters.ts';

type TaskEnd = NonNullable<NonNullable<Commit['tasks']>['end']>[number];

const INBOX_FIELDS = ['businessKey', 'principals', 'dueOrder', 'priorityOrder'];
const toTask = (doc: TaskDoc): TaskRecord => recordOf<TaskRecord>(doc, INBOX_FIELDS);

/** The task as stored: the record plus what the inbox indexes need (inbox.ts in src). */
const taskDoc = (task: TaskRecord, businessKey: string | undefined): TaskDoc => ({
  ...documentOf(task),
  ...(businessKey === undefined ? {} : { businessKey }),
  principals: principalsOfTask(task),
  dueOrder: dueOrder(task),
  priorityOrder: priorityOrder(task),
});

/** Inside a commit: inserts the task at version 1 or replaces it at the next version. */
export async function upsertTask({ tasks }: Collections, session: ClientSession, task: TaskRecord, businessKey: string | undefined) {
  const stored = await tasks.findOne({ _id: task.id }, { session, projection: { version: 1 } });
  await tasks.replaceOne({ _id: task.id }, taskDoc({ ...task, version: (stored?.version ?? 0) + 1 }, businessKey), {
    session,
    upsert: true,
  });
}

/** Inside a commit: ends an open task of the instance; an already ended one stays as it was. */
export async function endTask({ tasks }: Collections, session: ClientSession, instanceId: string, end: TaskEnd) {
  await tasks.updateOne(
    { _id: end.id, instanceId, status: 'open' },
    { $set: { status: end.status, endedAt: end.at, ...(end.by === undefined ? {} : { endedBy: end.by }) }, $inc: { version: 1 } },
    { session },
  );
}

export function mongoTasks({ tasks }: Collections): Store['tasks'] {
  return {
    async byId(id) {
      const doc = await tasks.findOne({ _id: id });
      return doc === null ? undefined : toTask(doc);
    },
    /** One find: the reader's principals against the multikey index of the sort, reach and filters checked on the way. */
    async inbox(query) {
      const limit = checkLimit(query.limit);
      const sort = INBOX_SORTS[query.sort ?? DEFAULT_INBOX_SORT];
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const and: Document[] = [withinRanges('unitPath', ranges)];
      if (query.text) and.push({ $or: [{ name: containing(query.text) }, { businessKey: containing(query.text) }] });
      if (query.cursor !== undefined) and.push(afterKey(sort, decodeCursor(sort, query.cursor)));
      const filter: Document = {
        principals: { $in: principalsOfReader(query) },
        status: query.status ?? 'open',
        $and: and,
        ...(query.definitionKey === undefined ? {} : { definitionKey: query.definitionKey }),
        ...(query.dueBefore === undefined ? {} : { dueOrder: { $lt: query.dueBefore } }),
      };
      const found = await tasks
        .find(filter)
        .sort(sortSpec(sort))
        .limit(limit + 1)
        .toArray();
      return toPage(found.map(toTask), limit, sort);
    },
    async count(query) {
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return 0;
      return tasks.countDocuments({
        principals: { $in: principalsOfReader(query) },
        status: query.status ?? 'open',
        $and: [withinRanges('unitPath', ranges)],
        ...(query.definitionKey === undefined ? {} : { definitionKey: query.definitionKey }),
        ...(query.dueBefore === undefined ? {} : { dueOrder: { $lt: query.dueBefore } }),
      });
    },
    async ofInstance(instanceId) {
      return (await tasks.find({ instanceId }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toTask);
    },
    async dueBetween(after, until, limit) {
      const found = await tasks
        .find({ status: 'open', dueAt: { $gt: after, $lte: until } })
        .sort({ dueAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return found.map(toTask);
    },
    async countOpen(reach) {
      const ranges = reach === undefined ? undefined : reachRanges(reach);
      if (ranges?.length === 0) return { total: 0, byDefinition: {} };
      const groups = await tasks
        .aggregate<{ _id: string; open: number }>([
          { $match: { status: 'open', ...(ranges ? withinRanges('unitPath', ranges) : {}) } },
          { $group: { _id: '$definitionKey', open: { $sum: 1 } } },
        ])
        .toArray();
      return {
        total: groups.reduce((sum, group) => sum + group.open, 0),
        byDefinition: Object.fromEntries(groups.map((group) => [group._id, group.open])),
      };
    },
  };
}
