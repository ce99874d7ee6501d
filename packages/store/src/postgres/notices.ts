import { checkLimit } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import type { NoticeRecord } from '../records.ts';
import type { Postgres, Queryable } from './db.ts';
import { refusingDuplicates } from './errors.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { sql, withinRanges } from './sql.ts';
import { NOTICES, OBJECTIONS } from './tables.ts';

/** Inside a commit: the notices its process steps posted. */
export async function postNotices(tx: Queryable, notices: readonly NoticeRecord[]): Promise<void> {
  await refusingDuplicates(
    () => insertRecords(tx, NOTICES, notices),
    ({ key }) => `notice ${key}`,
  );
}

export function postgresNotices(pg: Postgres): Store['notices'] {
  return {
    async current(unitPath, now) {
      return selectAll(
        pg,
        NOTICES,
        sql`WHERE unit_path = ${unitPath} AND until > ${now} AND posted_at <= ${now} ORDER BY posted_at DESC, id DESC`,
      );
    },
    async byId(id) {
      return selectOne(pg, NOTICES, sql`WHERE id = ${id}`);
    },
  };
}

export function postgresObjections(pg: Postgres): Store['objections'] {
  return {
    async add(objection) {
      await refusingDuplicates(
        () => insertRecords(pg, OBJECTIONS, [objection]),
        () => `objection ${objection.id}`,
      );
    },
    async within(reach, limit) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(
        pg,
        OBJECTIONS,
        sql`WHERE ${withinRanges('unit_path', ranges)} ORDER BY received_at DESC, id DESC LIMIT ${checkLimit(limit)}`,
      );
    },
  };
}
