import { checkLimit, decodeCursor, toPage } from '../paging.ts';
import type { Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { INSTANCE_SORT } from '../sorts.ts';
import { sortColumns } from '../sqlText.ts';
import type { Postgres } from './db.ts';
import { selectAll, selectOne } from './queries.ts';
import { afterKey, orderBy, type Sql, sql, whereAll, withinRanges } from './sql.ts';
import { INSTANCES } from './tables.ts';

const ORDER = sortColumns(INSTANCE_SORT, { startedAt: 'started_at', id: 'id' }, '');

/**
 * The planner picks between the unit-range indexes and the start-order ones (a village's list
 * against a town's) from its statistics, which autovacuum keeps fresh: no hints, unlike SQLite.
 */
export function postgresInstances(pg: Postgres): Store['instances'] {
  return {
    async byId(id) {
      return selectOne(pg, INSTANCES, sql`WHERE id = ${id}`);
    },
    async byBusinessKey(definitionKey, unitPath, businessKey) {
      return selectOne(
        pg,
        INSTANCES,
        sql`WHERE definition_key = ${definitionKey} AND unit_path = ${unitPath} AND business_key = ${businessKey}`,
      );
    },
    async list(query) {
      const limit = checkLimit(query.limit);
      const ranges = reachRanges(query.reach);
      if (ranges.length === 0) return { items: [] };
      const conditions: Sql[] = [withinRanges('unit_path', ranges)];
      if (query.status !== undefined) conditions.push(sql`status = ${query.status}`);
      if (query.definitionKey !== undefined) conditions.push(sql`definition_key = ${query.definitionKey}`);
      if (query.businessKey !== undefined) conditions.push(sql`business_key = ${query.businessKey}`);
      if (query.startedBy !== undefined) conditions.push(sql`started_by = ${query.startedBy}`);
      if (query.withIncidents) conditions.push(sql`incidents > 0`);
      if (query.cursor !== undefined) conditions.push(afterKey(ORDER, INSTANCE_SORT.direction, decodeCursor(INSTANCE_SORT, query.cursor)));
      const instances = await selectAll(
        pg,
        INSTANCES,
        sql`WHERE ${whereAll(conditions)} ${orderBy(ORDER, INSTANCE_SORT.direction)} LIMIT ${limit + 1}`,
      );
      return toPage(instances, limit, INSTANCE_SORT);
    },
  };
}
