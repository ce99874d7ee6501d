import type { ClientSession } from 'mongodb';
import type { Store } from '../port.ts';
import type { NoticeRecord } from '../records.ts';
import { type Collections, documentOf, recordOf } from './collections.ts';
import { refusingDuplicates } from './errors.ts';

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
  };
}
