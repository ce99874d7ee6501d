import type { Store } from '../port.ts';
import type { DelegationRecord } from '../records.ts';
import { type Collections, type DelegationDoc, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';

const NEWEST_FIRST = { createdAt: -1, _id: -1 } as const;
const toRecord = (doc: DelegationDoc) => recordOf<DelegationRecord>(doc);

export function mongoDelegations({ delegations }: Collections): Store['delegations'] {
  return {
    async put(delegation) {
      await refusingDuplicates(
        () => delegations.insertOne(documentOf(delegation)),
        () => `delegation ${delegation.id}`,
      );
    },
    async byId(id) {
      const doc = await delegations.findOne({ _id: id });
      return doc === null ? undefined : toRecord(doc);
    },
    async end(id, at) {
      const { modifiedCount } = await delegations.updateOne({ _id: id, endedAt: { $exists: false } }, { $set: { endedAt: at } });
      return modifiedCount > 0;
    },
    async activeFor(userId, at, definitionKey) {
      const doc = await delegations.findOne(
        {
          userId,
          from: { $lte: at },
          until: { $gt: at },
          $and: [
            { $or: [{ endedAt: { $exists: false } }, { endedAt: { $gt: at } }] },
            { $or: [{ definitionKey: { $exists: false } }, { definitionKey }] },
          ],
        },
        { sort: NEWEST_FIRST },
      );
      return doc === null ? undefined : toRecord(doc);
    },
    async ofUser(userId) {
      return (
        await delegations
          .find({ $or: [{ userId }, { deputyId: userId }] })
          .sort(NEWEST_FIRST)
          .toArray()
      ).map(toRecord);
    },
  };
}
