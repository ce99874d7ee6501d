import { windowEnd } from '../attempts.ts';
import type { Store } from '../port.ts';
import type { Collections } from './collections.ts';

/** One document per key and window, counted with $inc; a TTL index on `expiresAt` forgets ended windows. */
export function mongoAttempts({ attempts }: Collections): Store['attempts'] {
  return {
    async count(key, windowMs, now) {
      const endsAt = windowEnd(windowMs, now);
      const doc = await attempts.findOneAndUpdate(
        { _id: `${key}\u0000${endsAt}` },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(endsAt) } },
        { upsert: true, returnDocument: 'after' },
      );
      return { count: doc?.count ?? 1, endsAt };
    },
  };
}
