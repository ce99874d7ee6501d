import type { ClientSession } from 'mongodb';
import { checkLimit } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { NoticeRecord, ObjectionRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';
import { withinRanges } from './filters.ts';

/** Inside a commit: a notice a process step posted. */
export async function postNotice({ notices }: Collections, session: ClientSession, notice: NoticeRecord): Promise<void> {
  await refusingDuplicates(
    () => notices.insertOne(documentOf(notice), { session }),
    () => `notice ${notice.id}`,
  );
}

export function mongoNotices({ notices }: Collections): Store['notices'] {
  return {
    async current(unitPath, now) {
      const found = await notices
        .find({ unitPath, until: { $gt: now }, postedAt: { $lte: now } })
        .sort({ postedAt: -1, _id: -1 })
        .toArray();
      return found.map((doc) => recordOf<NoticeRecord>(doc));
    },
    async byId(id) {
      const doc = await notices.findOne({ _id: id });
      return doc === null ? undefined : recordOf<NoticeRecord>(doc);
    },
  };
}

export function mongoObjections({ objections }: Collections): Store['objections'] {
  return {
    async add(objection) {
      await refusingDuplicates(
        () => objections.insertOne(documentOf(objection)),
        () => `objection ${objection.id}`,
      );
    },
    async within(reach, limit) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const found = await objections
        .find(withinRanges('unitPath', ranges))
        .sort({ receivedAt: -1, _id: -1 })
        .limit(checkLimit(limit))
        .toArray();
      return found.map((doc) => recordOf<ObjectionRecord>(doc));
    },
  };
}
