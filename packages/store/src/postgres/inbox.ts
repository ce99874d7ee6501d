import { principalsOfReader } from '../inbox.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { InboxCountQuery, Store } from '../port.ts';
import { type PathRange, reachRanges } from '../reach.ts';
import { DEFAULT_INBOX_SORT, INBOX_SORTS } from '../sorts.ts';
import { containing, sortColumns } from '../sqlText.ts';
import type { Postgres } from './db.ts';
import { afterKey, join, orderBy, raw, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import { recordOf, TASKS } from './tables.ts';

const ENTRY_COLUMNS = { dueOrder: 'due_order', priorityOrder: 'priority_order', createdAt: 'created_at', id: 'task_id' };

/** The entries of the inbox's tabs and counts: the status asked (open by default), within reach, of the procedure, due before. */
function filters(query: InboxCountQuery, ranges: readonly PathRange[]): Sql[] {
  const conditions = [sql`e.status = ${query.status ?? 'open'}`, withinRanges('e.unit_path', ranges)];
  if (query.definitionKey !== undefined) conditions.push(sql`e.definition_key = ${query.definitionKey}`);
  if (query.dueBefore !== undefined) conditions.push(sql`e.due_order < ${query.dueBefore}`);
  return conditions;
}

/**
 * The inbox: for each principal of the reader (inbox.ts of the store), the first `limit + 1`
 * entries after the cursor, read in order from that sort's index with the reach and filters
 * checked on the way; then the best `limit + 1` distinct tasks of those lists. A task reachable
 * through two principals (a candidate user who is also in a candidate group) appears once.
 */
export function postgresInbox(pg: Postgres): Store['tasks']['inbox'] {
  return async (query) => {
    const limit = checkLimit(query.limit);
    const sort = INBOX_SORTS[query.sort ?? DEFAULT_INBOX_SORT];
    const ranges = reachRanges(query.reach);
    if (ranges.length === 0) return { items: [] };

    const columns = sortColumns(sort, ENTRY_COLUMNS, '');
    const entryColumns = sortColumns(sort, ENTRY_COLUMNS, 'e.');
    const conditions = filters(query, ranges);
    if (query.text) {
      const pattern = containing(query.text);
      conditions.push(sql`(t.name ILIKE ${pattern} ESCAPE '\\' OR t.business_key ILIKE ${pattern} ESCAPE '\\')`);
    }
    if (query.cursor !== undefined) conditions.push(afterKey(entryColumns, sort.direction, decodeCursor(sort, query.cursor)));
    const from = raw(query.text ? 'inbox_entries e JOIN tasks t ON t.id = e.task_id' : 'inbox_entries e');
    const perPrincipal = principalsOfReader(query).map(
      (principal) =>
        sql`(SELECT ${raw(entryColumns.join(', '))} FROM ${from} WHERE e.principal = ${principal} AND ${whereAll(conditions)}
             ${orderBy(entryColumns, sort.direction)} LIMIT ${limit + 1})`,
    );
    const rows = await pg.rows<Record<string, unknown>>(
      sql`WITH page AS (
            SELECT DISTINCT ${raw(columns.join(', '))} FROM (${join(perPrincipal, ' UNION ALL ')}) entries
            ${orderBy(columns, sort.direction)} LIMIT ${limit + 1}
          )
          SELECT t.* FROM page JOIN tasks t ON t.id = page.task_id ${orderBy(
            columns.map((c) => `page.${c}`),
            sort.direction,
          )}`,
    );
    return toPage(
      rows.map((row) => recordOf(TASKS, row)),
      limit,
      sort,
    );
  };
}

/** The same entries as the inbox, counted once per task across the reader's principals. */
export function postgresInboxCount(pg: Postgres): Store['tasks']['count'] {
  return async (query) => {
    const ranges = reachRanges(query.reach);
    if (ranges.length === 0) return 0;
    const where = whereAll([sql`e.principal = ANY(${principalsOfReader(query)})`, ...filters(query, ranges)]);
    const [row] = await pg.rows<{ n: number }>(sql`SELECT count(DISTINCT e.task_id) AS n FROM inbox_entries e WHERE ${where}`);
    return row?.n ?? 0;
  };
}
