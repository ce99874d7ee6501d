import type { ClientSession } from 'mongodb';
import { verifyChain } from '../chain.ts';
import type { Store } from '../port.ts';
import type { EventRecord } from '../records.ts';
import type { Collections, EventDoc } from './collections.ts';

const toEvent = ({ _id, unitPath, ...record }: EventDoc): EventRecord => record as EventRecord;

/** Inside a commit: appends events already chained onto the instance's head. */
export async function appendEvents({ events }: Collections, session: ClientSession, unitPath: string, records: readonly EventRecord[]) {
  if (records.length === 0) return;
  await events.insertMany(
    records.map((record) => ({ _id: `${record.instanceId}#${record.seq}`, unitPath, ...record })),
    { session },
  );
}

export function mongoEvents({ events, instances }: Collections): Store['events'] {
  const ofInstance = async (instanceId: string) => (await events.find({ instanceId }).sort({ seq: 1 }).toArray()).map(toEvent);
  return {
    ofInstance,
    async range(instanceId, afterSeq, limit) {
      return (
        await events
          .find({ instanceId, seq: { $gt: afterSeq } })
          .sort({ seq: 1 })
          .limit(limit)
          .toArray()
      ).map(toEvent);
    },
    async verify(instanceId) {
      const heads = instances
        .find(instanceId === undefined ? {} : { _id: instanceId }, { projection: { chainSeq: 1, chainHash: 1 } })
        .sort({ _id: 1 });
      for await (const head of heads) {
        const broken = verifyChain(head._id, await ofInstance(head._id), { seq: head.chainSeq, hash: head.chainHash });
        if (broken !== undefined) return broken;
      }
      return undefined;
    },
  };
}
