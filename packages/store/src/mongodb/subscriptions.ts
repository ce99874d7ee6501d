import type { ClientSession } from 'mongodb';
import type { Commit, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { SubscriptionRecord } from '../records.ts';
import type { Collections, SubscriptionDoc } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { withinRanges } from './filters.ts';

const subscriptionId = (instanceId: string, sub: string) => `${instanceId}#${sub}`;
const toSubscription = ({ _id, ...record }: SubscriptionDoc): SubscriptionRecord => record;

/** Inside a commit: subscriptions closed go, new ones come. */
export async function writeSubscriptions(
  { subscriptions }: Collections,
  session: ClientSession,
  changes: NonNullable<Commit['subscriptions']>,
): Promise<void> {
  for (const { instanceId, sub } of changes.remove ?? []) {
    await subscriptions.deleteOne({ _id: subscriptionId(instanceId, sub) }, { session });
  }
  for (const record of changes.add ?? []) {
    await refusingDuplicates(
      () => subscriptions.insertOne({ _id: subscriptionId(record.instanceId, record.sub), ...record }, { session }),
      () => `subscription ${record.sub} of instance ${record.instanceId}`,
    );
  }
}

export function mongoSubscriptions({ subscriptions }: Collections): Store['subscriptions'] {
  const waiting = async (kind: 'message' | 'signal', name: string, correlationKey: string | undefined, reach: readonly string[]) => {
    const ranges = reachRanges(reach);
    if (ranges.length === 0) return [];
    const found = await subscriptions
      .find({ kind, name, correlationKey: correlationKey ?? { $exists: false }, ...withinRanges('unitPath', ranges) })
      .sort({ instanceId: 1, sub: 1 })
      .toArray();
    return found.map(toSubscription);
  };
  return {
    async messages(name, correlationKey, reach) {
      return waiting('message', name, correlationKey, reach);
    },
    async signals(name, reach) {
      return waiting('signal', name, undefined, reach);
    },
  };
}
