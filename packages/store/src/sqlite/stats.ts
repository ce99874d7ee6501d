import type { MatterCounts, MatterTrendPoint, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { CLOSED_STATUSES, periodsOf } from '../stats.ts';
import { type Condition, type Sqlite, whereAll, withinRanges } from './sql.ts';

const CLOSED = `i.status IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** A task of the matter that ended after its due time made it late. */
const LATE = 'EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.due_at IS NOT NULL AND t.ended_at > t.due_at)';

/** Top-level instances within reach, of one procedure when asked. */
function matters(reach: readonly string[], definitionKey: string | undefined): Condition[] {
  return [
    withinRanges('i.unit_path', reachRanges(reach)),
    { sql: 'i.parent_id IS NULL', params: [] },
    ...(definitionKey === undefined ? [] : [{ sql: 'i.definition_key = ?', params: [definitionKey] }]),
  ];
}

export function sqliteStats({ statement }: Sqlite): Store['stats'] {
  return {
    async matters(query) {
      if (query.reach.length === 0) return [];
      const where = whereAll([
        ...matters(query.reach, query.definitionKey),
        { sql: 'i.started_at >= ? AND i.started_at < ?', params: [query.startedFrom, query.startedTo] },
      ]);
      return statement(
        `SELECT i.unit_path AS unitPath, i.definition_key AS definitionKey, count(*) AS started,
           coalesce(sum(i.status = 'active'), 0) AS open,
           coalesce(sum(i.status = 'active' AND EXISTS (
             SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open' AND t.due_at < ?)), 0) AS overdue,
           coalesce(sum(${CLOSED} AND NOT ${LATE}), 0) AS closedOnTime,
           coalesce(sum(${CLOSED} AND ${LATE}), 0) AS closedLate
         FROM instances i WHERE ${where.sql}
         GROUP BY i.unit_path, i.definition_key ORDER BY i.unit_path, i.definition_key`,
      ).all(query.now, ...where.params) as MatterCounts[];
    },
    async trend(query) {
      const periods = periodsOf(query.bounds);
      if (periods.length === 0) return [];
      if (query.reach.length === 0) return periods.map((p) => ({ ...p, started: 0, closed: 0, closedOnTime: 0 }));
      const first = query.bounds[0] as number;
      const last = query.bounds[query.bounds.length - 1] as number;
      const where = whereAll([
        ...matters(query.reach, query.definitionKey),
        {
          sql: `((i.started_at >= ? AND i.started_at < ?) OR (${CLOSED} AND i.ended_at >= ? AND i.ended_at < ?))`,
          params: [first, last, first, last],
        },
      ]);
      // The matters of the whole range are read once (from instances_for_stats), then sorted into the few periods.
      return statement(
        `WITH periods (p_from, p_to) AS (VALUES ${periods.map(() => '(?, ?)').join(', ')}),
         m AS MATERIALIZED (
           SELECT i.started_at AS started_at, CASE WHEN ${CLOSED} THEN i.ended_at END AS closed_at, ${LATE} AS late
           FROM instances i WHERE ${where.sql})
         SELECT p_from AS "from", p_to AS "to",
           coalesce(sum(m.started_at >= p_from AND m.started_at < p_to), 0) AS started,
           coalesce(sum(m.closed_at >= p_from AND m.closed_at < p_to), 0) AS closed,
           coalesce(sum(m.closed_at >= p_from AND m.closed_at < p_to AND NOT m.late), 0) AS closedOnTime
         FROM periods LEFT JOIN m ON (m.started_at >= p_from AND m.started_at < p_to) OR (m.closed_at >= p_from AND m.closed_at < p_to)
         GROUP BY p_from, p_to ORDER BY p_from`,
      ).all(...periods.flatMap((p) => [p.from, p.to]), ...where.params) as MatterTrendPoint[];
    },
  };
}
