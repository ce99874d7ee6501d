import type { Document } from 'mongodb';
import type { MatterCounts, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { CLOSED_STATUSES, periodsOf } from '../stats.ts';
import type { Collections } from './collections.ts';
import { withinRanges } from './filters.ts';

/** Top-level instances within reach, of one procedure when asked. */
const matters = (reach: readonly string[], definitionKey: string | undefined): Document => ({
  ...withinRanges('unitPath', reachRanges(reach)),
  parentId: null,
  ...(definitionKey === undefined ? {} : { definitionKey }),
});

/** A task of the matter that ended after its due time made it late. */
const isLate = { $and: [{ $isNumber: '$dueAt' }, { $isNumber: '$endedAt' }, { $gt: ['$endedAt', '$dueAt'] }] };

/** The matter's tasks, folded into flags: `late`, and `overdue` (an open task due before `now`). */
const taskFlags = (tasks: string, now?: number): Document => ({
  $lookup: {
    from: tasks,
    let: { id: '$_id' },
    pipeline: [
      { $match: { $expr: { $eq: ['$instanceId', '$$id'] } } },
      {
        $group: {
          _id: null,
          late: { $max: isLate },
          ...(now === undefined
            ? {}
            : { overdue: { $max: { $and: [{ $eq: ['$status', 'open'] }, { $isNumber: '$dueAt' }, { $lt: ['$dueAt', now] }] } } }),
        },
      },
    ],
    as: 'flags',
  },
});

const countIf = (condition: unknown): Document => ({ $sum: { $cond: [condition, 1, 0] } });

export function mongoStats({ instances, tasks }: Collections): Store['stats'] {
  return {
    async matters(query) {
      if (query.reach.length === 0) return [];
      return instances
        .aggregate<MatterCounts>([
          { $match: { ...matters(query.reach, query.definitionKey), startedAt: { $gte: query.startedFrom, $lt: query.startedTo } } },
          taskFlags(tasks.collectionName, query.now),
          {
            $set: {
              isOpen: { $eq: ['$status', 'active'] },
              isClosed: { $in: ['$status', CLOSED_STATUSES] },
              late: { $eq: [{ $first: '$flags.late' }, true] },
              overdue: { $eq: [{ $first: '$flags.overdue' }, true] },
            },
          },
          {
            $group: {
              _id: { unitPath: '$unitPath', definitionKey: '$definitionKey' },
              started: { $sum: 1 },
              open: countIf('$isOpen'),
              overdue: countIf({ $and: ['$isOpen', '$overdue'] }),
              closedOnTime: countIf({ $and: ['$isClosed', { $not: ['$late'] }] }),
              closedLate: countIf({ $and: ['$isClosed', '$late'] }),
            },
          },
          { $sort: { '_id.unitPath': 1, '_id.definitionKey': 1 } },
          {
            $project: {
              _id: 0,
              unitPath: '$_id.unitPath',
              definitionKey: '$_id.definitionKey',
              started: 1,
              open: 1,
              overdue: 1,
              closedOnTime: 1,
              closedLate: 1,
            },
          },
        ])
        .toArray();
    },
    async trend(query) {
      const periods = periodsOf(query.bounds);
      const zero = periods.map((p) => ({ ...p, started: 0, closed: 0, closedOnTime: 0 }));
      if (periods.length === 0 || query.reach.length === 0) return zero;
      const within = { $gte: query.bounds[0], $lt: query.bounds[query.bounds.length - 1] };
      const closedWithin = { status: { $in: CLOSED_STATUSES }, endedAt: within };
      const [facets] = await instances
        .aggregate<{ started: { _id: number; started: number }[]; closed: { _id: number; closed: number; closedOnTime: number }[] }>([
          // Both halves are $or filters: side by side in one object the second would replace the first.
          { $match: { $and: [matters(query.reach, query.definitionKey), { $or: [{ startedAt: within }, closedWithin] }] } },
          {
            $facet: {
              started: [
                { $match: { startedAt: within } },
                { $bucket: { groupBy: '$startedAt', boundaries: [...query.bounds], output: { started: { $sum: 1 } } } },
              ],
              closed: [
                { $match: closedWithin },
                taskFlags(tasks.collectionName),
                { $set: { late: { $eq: [{ $first: '$flags.late' }, true] } } },
                {
                  $bucket: {
                    groupBy: '$endedAt',
                    boundaries: [...query.bounds],
                    output: { closed: { $sum: 1 }, closedOnTime: countIf({ $not: ['$late'] }) },
                  },
                },
              ],
            },
          },
        ])
        .toArray();
      // A bucket's _id is its lower bound; periods with no matter have no bucket.
      const started = new Map(facets?.started.map((b) => [b._id, b.started]));
      const closed = new Map(facets?.closed.map((b) => [b._id, b]));
      return zero.map((p) => ({
        ...p,
        started: started.get(p.from) ?? 0,
        closed: closed.get(p.from)?.closed ?? 0,
        closedOnTime: closed.get(p.from)?.closedOnTime ?? 0,
      }));
    },
  };
}
