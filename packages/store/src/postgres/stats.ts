import type { MatterCounts, MatterTrendPoint, Store } from '../port.ts';
import { reachRanges } from '../reach.ts';
import { CLOSED_STATUSES, periodsOf } from '../stats.ts';
import type { Postgres } from './db.ts';
import { type Sql, sql, whereAll, withinRanges } from './sql.ts';

const CLOSED = sql`i.status = ANY(${CLOSED_STATUSES})`;
/** A task of the matter that ended after its due time made it late. */
const LATE = sql`EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.due_at IS NOT NULL AND t.ended_at > t.due_at)`;

/** Top-level instances within reach, of one procedure when asked. */
function matters(reach: readonly string[], definitionKey: string | undefined): Sql {
  return whereAll([
    withinRanges('i.unit_path', reachRanges(reach)),
    sql`i.parent_id IS NULL`,
    ...(definitionKey === undefined ? [] : [sql`i.definition_key = ${definitionKey}`]),
  ]);
}

export function postgresStats(pg: Postgres): Store['stats'] {
  return {
    async matters(query) {
      if (query.reach.length === 0) return [];
      const where = whereAll([
        matters(query.reach, query.definitionKey),
        sql`i.started_at >= ${query.startedFrom} AND i.started_at < ${query.startedTo}`,
      ]);
      return pg.rows<MatterCounts>(
        sql`SELECT i.unit_path AS "unitPath", i.definition_key AS "definitionKey", count(*) AS started,
              count(*) FILTER (WHERE i.status = 'active') AS open,
              count(*) FILTER (WHERE i.status = 'active' AND EXISTS (
                SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open' AND t.due_at < ${query.now})) AS overdue,
              count(*) FILTER (WHERE ${CLOSED} AND NOT ${LATE}) AS "closedOnTime",
              count(*) FILTER (WHERE ${CLOSED} AND ${LATE}) AS "closedLate"
            FROM instances i WHERE ${where}
            GROUP BY i.unit_path, i.definition_key ORDER BY i.unit_path, i.definition_key`,
      );
    },
    async trend(query) {
      const periods = periodsOf(query.bounds);
      if (periods.length === 0) return [];
      if (query.reach.length === 0) return periods.map((p) => ({ ...p, started: 0, closed: 0, closedOnTime: 0 }));
      const first = query.bounds[0] as number;
      const last = query.bounds[query.bounds.length - 1] as number;
      const where = whereAll([
        matters(query.reach, query.definitionKey),
        sql`((i.started_at >= ${first} AND i.started_at < ${last}) OR (${CLOSED} AND i.ended_at >= ${first} AND i.ended_at < ${last}))`,
      ]);
      const closedIn = sql`m.closed_at >= p.p_from AND m.closed_at < p.p_to`;
      // The matters of the whole range are read once (from instances_for_stats), then sorted into the few periods.
      return pg.rows<MatterTrendPoint>(
        sql`WITH m AS MATERIALIZED (
              SELECT i.started_at, CASE WHEN ${CLOSED} THEN i.ended_at END AS closed_at, ${LATE} AS late
              FROM instances i WHERE ${where})
            SELECT p.p_from AS "from", p.p_to AS "to",
              count(*) FILTER (WHERE m.started_at >= p.p_from AND m.started_at < p.p_to) AS started,
              count(*) FILTER (WHERE ${closedIn}) AS closed,
              count(*) FILTER (WHERE ${closedIn} AND NOT m.late) AS "closedOnTime"
            FROM unnest(${periods.map((p) => p.from)}::bigint[], ${periods.map((p) => p.to)}::bigint[]) AS p (p_from, p_to)
            LEFT JOIN m ON (m.started_at >= p.p_from AND m.started_at < p.p_to) OR (${closedIn})
            GROUP BY p.p_from, p.p_to ORDER BY p.p_from`,
      );
    },
  };
}
