import type { Store } from '../port.ts';
import type { SessionRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';

export function mongoSessions({ sessions }: Collections): Store['sessions'] {
  return {
    async create(session) {
      await refusingDuplicates(
        () => sessions.insertOne(documentOf(session)),
        () => `session ${session.id}`,
      );
    },
    async byId(id) {
      const doc = await sessions.findOne({ _id: id });
      return doc === null ? undefined : recordOf<SessionRecord>(doc);
    },
    /** One update matching the token being spent: of two callers spending it, the second matches nothing. */
    async rotate(id, tokenHash, next, now) {
      const { matchedCount } = await sessions.updateOne(
        { _id: id, tokenHash, revokedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { tokenHash: next.tokenHash, expiresAt: next.expiresAt } },
      );
      return matchedCount > 0;
    },
    async revoke(id, at) {
      await sessions.updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { revokedAt: at } });
    },
    async purgeExpired(before) {
      return (await sessions.deleteMany({ expiresAt: { $lt: before } })).deletedCount;
    },
  };
}
