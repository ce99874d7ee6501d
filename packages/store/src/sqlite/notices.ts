import type { Store } from '../port.ts';
import type { NoticeRecord } from '../records.ts';
import { refusingDuplicates } from './errors.ts';
import { NOTICE_COLUMNS, type NoticeRow, noticeRow, toNotice } from './rows.ts';
import { insertInto, type Sqlite } from './sql.ts';

/** Inside a commit: a notice a process step posted. */
export function postNotice({ statement }: Sqlite, notice: NoticeRecord): void {
  refusingDuplicates(
    () => statement(insertInto('notices', NOTICE_COLUMNS)).run(noticeRow(notice)),
    () => `notice ${notice.id}`,
  );
}

export function sqliteNotices({ statement }: Sqlite): Store['notices'] {
  return {
    async current(unitPath, now) {
      const rows = statement(
        'SELECT * FROM notices WHERE unit_path = ? AND until > ? AND posted_at <= ? ORDER BY posted_at DESC, id DESC',
      ).all(unitPath, now, now) as NoticeRow[];
      return rows.map(toNotice);
    },
  };
}
