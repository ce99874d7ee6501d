import { checkLimit } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { NoticeRecord } from '../records.ts';
import { refusingDuplicates } from './errors.ts';
import {
  NOTICE_COLUMNS,
  type NoticeRow,
  noticeRow,
  OBJECTION_COLUMNS,
  type ObjectionRow,
  objectionRow,
  toNotice,
  toObjection,
} from './rows.ts';
import { insertInto, type Sqlite, withinRanges } from './sql.ts';

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
    async byId(id) {
      const row = statement('SELECT * FROM notices WHERE id = ?').get(id) as NoticeRow | undefined;
      return row && toNotice(row);
    },
  };
}

export function sqliteObjections({ statement }: Sqlite): Store['objections'] {
  return {
    async add(objection) {
      refusingDuplicates(
        () => statement(insertInto('objections', OBJECTION_COLUMNS)).run(objectionRow(objection)),
        () => `objection ${objection.id}`,
      );
    },
    async within(reach, limit) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      const rows = statement(`SELECT * FROM objections WHERE ${where.sql} ORDER BY received_at DESC, id DESC LIMIT ?`).all(
        ...where.params,
        checkLimit(limit),
      ) as ObjectionRow[];
      return rows.map(toObjection);
    },
  };
}
