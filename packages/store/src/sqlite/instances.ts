import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { InstanceQuery, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { INSTANCE_SORT } from '../sorts.ts';
import { type InstanceRow, toInstance } from './rows.ts';
import { afterKey, type Condition, orderBy, type Sqlite, sortColumns, whereAll, withinRanges } from './sql.ts';

const ORDER = sortColumns(INSTANCE_SORT, { startedAt: 'started_at', id: 'id' }, '');

export function sqliteInstances({ statement }: Sqlite): Store['instances'] {
  return {
    async byId(id) {
      const row = statement('SELECT * FROM instances WHERE id = ?').get(id) as InstanceRow | undefined;
      return row && toInstance(row);
    },
    async byBusinessKey(definitionKey, unitPath, businessKey) {
      const row = statement('SELECT * FROM instances WHERE definition_key = ? AND unit_path = ? AND business_key = ?').get(
        definitionKey,
        unitPath,
        businessKey,
      ) as InstanceRow | undefined;
      return row && toInstance(row);
    },
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const conditions: Condition[] = [withinRanges('unit_path', ranges)];
      if (query.status !== undefined) conditions.push({ sql: 'status = ?', params: [query.status] });
      if (query.definitionKey !== undefined) conditions.push({ sql: 'definition_key = ?', params: [query.definitionKey] });
      if (query.businessKey !== undefined) conditions.push({ sql: 'business_key = ?', params: [query.businessKey] });
      if (query.startedBy !== undefined) conditions.push({ sql: 'started_by = ?', params: [query.startedBy] });
      if (query.withIncidents) conditions.push({ sql: 'incidents > 0', params: [] });
      if (query.cursor !== undefined) conditions.push(afterKey(ORDER, INSTANCE_SORT.direction, decodeCursor(INSTANCE_SORT, query.cursor)));
      const where = whereAll(conditions);
      const rows = statement(
        `SELECT * FROM instances ${startOrderIndex(query)} WHERE ${where.sql} ${orderBy(ORDER, INSTANCE_SORT.direction)} LIMIT ?`,
      ).all(...where.params, limit + 1) as InstanceRow[];
      return toPage(rows.map(toInstance), limit, INSTANCE_SORT);
    },
  };
}

/**
 * A town's or the district's list filtered by status or definition reads the newest rows in
 * start order and checks the unit inside the index (migration 3); a village's narrow range is
 * cheaper through the unit-range indexes. SQLite's planner cannot tell the two apart without
 * fresh statistics, so the choice is made here, by how high in the tree the reach starts.
 */
function startOrderIndex(query: InstanceQuery): string {
  // A person's own instances are few next to any unit's: read them by starter.
  if (query.startedBy !== undefined) return 'INDEXED BY instances_by_starter';
  const wide = query.reach.every((path) => path.split('/').length <= 4);
  if (!wide) return '';
  if (query.definitionKey !== undefined) return 'INDEXED BY instances_by_definition_started';
  if (query.status !== undefined) return 'INDEXED BY instances_by_status_started';
  return '';
}
