import type { Document } from 'mongodb';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { InstanceRecord } from '../records.ts';
import { INSTANCE_SORT } from '../sorts.ts';
import type { Collections, InstanceDoc } from './collections.ts';
import { recordOf } from './collections.ts';
import { afterKey, sortSpec, withinRanges } from './filters.ts';

export const toInstance = (doc: InstanceDoc): InstanceRecord => recordOf<InstanceRecord>(doc, ['chainSeq', 'chainHash']);

export function mongoInstances({ instances }: Collections): Store['instances'] {
  return {
    async byId(id) {
      const doc = await instances.findOne({ _id: id });
      return doc === null ? undefined : toInstance(doc);
    },
    async byBusinessKey(definitionKey, unitPath, businessKey) {
      const doc = await instances.findOne({ unitPath, definitionKey, businessKey });
      return doc === null ? undefined : toInstance(doc);
    },
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const filter: Document = {
        $and: [
          withinRanges('unitPath', ranges),
          ...(query.cursor === undefined ? [] : [afterKey(INSTANCE_SORT, decodeCursor(INSTANCE_SORT, query.cursor))]),
        ],
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.definitionKey === undefined ? {} : { definitionKey: query.definitionKey }),
        ...(query.businessKey === undefined ? {} : { businessKey: query.businessKey }),
        ...(query.startedBy === undefined ? {} : { startedBy: query.startedBy }),
        ...(query.withIncidents ? { incidents: { $gt: 0 } } : {}),
      };
      const found = await instances
        .find(filter)
        .sort(sortSpec(INSTANCE_SORT))
        .limit(limit + 1)
        .toArray();
      return toPage(found.map(toInstance), limit, INSTANCE_SORT);
    },
  };
}
