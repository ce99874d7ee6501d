import { principalsOfReader } from '../inbox.ts';
import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { DEFAULT_INBOX_SORT, INBOX_SORTS } from '../sorts.ts';
import { type TaskRow, toTask } from './rows.ts';
import { afterKey, type Condition, containing, orderBy, type Sqlite, sortColumns, whereAll, withinRanges } from './sql.ts';

const ENTRY_COLUMNS = { dueOrder: 'due_order', priorityOrder: 'priority_order', createdAt: 'created_at', id: 'task_id' };

/**
 * The inbox: for each principal of the reader (inbox.ts), the first `limit + 1` entries after
 * the cursor, read in order from that sort's index with the reach and filters checked on the
 * way; then the best `limit + 1` distinct tasks of those lists. A task reachable through two
 * principals (a candidate user who is also in a candidate group) appears once.
 */
export function sqliteInbox({ statement }: Sqlite): Store['tasks']['inbox'] {
  return async (query) => {
    const limit = checkLimit(query.limit);
    const sort = INBOX_SORTS[query.sort ?? DEFAULT_INBOX_SORT];
    const ranges = reachRanges(query.reach);
    if (ranges.length === 0) return { items: [] };

    const columns = sortColumns(sort, ENTRY_COLUMNS, '');
    const entryColumns = sortColumns(sort, ENTRY_COLUMNS, 'e.');
    const conditions: Condition[] = [{ sql: 'e.status = ?', params: [query.status ?? 'open'] }, withinRanges('e.unit_path', ranges)];
    if (query.definitionKey !== undefined) conditions.push({ sql: 'e.definition_key = ?', params: [query.definitionKey] });
    if (query.dueBefore !== undefined) conditions.push({ sql: 'e.due_order < ?', params: [query.dueBefore] });
    if (query.text) {
      const pattern = containing(query.text);
      conditions.push({ sql: `(t.name LIKE ? ESCAPE '\\' OR t.business_key LIKE ? ESCAPE '\\')`, params: [pattern, pattern] });
    }
    if (query.cursor !== undefined) conditions.push(afterKey(entryColumns, sort.direction, decodeCursor(sort, query.cursor)));
    const where = whereAll(conditions);
    const from = query.text ? 'inbox_entries e JOIN tasks t ON t.id = e.task_id' : 'inbox_entries e';
    const perPrincipal = `SELECT * FROM (SELECT ${entryColumns.join(', ')} FROM ${from}
      WHERE e.principal = ? AND ${where.sql} ${orderBy(entryColumns, sort.direction)} LIMIT ?)`;

    const principals = principalsOfReader(query);
    const sql = `WITH page AS (
        SELECT DISTINCT ${columns.join(', ')} FROM (${principals.map(() => perPrincipal).join(' UNION ALL ')})
        ${orderBy(columns, sort.direction)} LIMIT ?
      )
      SELECT t.* FROM page JOIN tasks t ON t.id = page.task_id ${orderBy(
        columns.map((c) => `page.${c}`),
        sort.direction,
      )}`;
    const params = [...principals.flatMap((principal) => [principal, ...where.params, limit + 1]), limit + 1];
    const rows = statement(sql).all(...params) as TaskRow[];
    return toPage(rows.map(toTask), limit, sort);
  };
}

/** The same entries as the inbox, counted once per task across the reader's principals. */
export function sqliteInboxCount({ statement }: Sqlite): Store['tasks']['count'] {
  return async (query) => {
    const ranges = reachRanges(query.reach);
    if (ranges.length === 0) return 0;
    const principals = principalsOfReader(query);
    const conditions: Condition[] = [
      { sql: `e.principal IN (${principals.map(() => '?').join(', ')})`, params: principals },
      { sql: 'e.status = ?', params: [query.status ?? 'open'] },
      withinRanges('e.unit_path', ranges),
    ];
    if (query.definitionKey !== undefined) conditions.push({ sql: 'e.definition_key = ?', params: [query.definitionKey] });
    if (query.dueBefore !== undefined) conditions.push({ sql: 'e.due_order < ?', params: [query.dueBefore] });
    const where = whereAll(conditions);
    const row = statement(`SELECT COUNT(DISTINCT e.task_id) AS n FROM inbox_entries e WHERE ${where.sql}`).get(...where.params) as {
      n: number;
    };
    return row.n;
  };
}
