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
      const where = matters(query.reach, query.definitionKey);
      const closedIn = sql`${CLOSED} AND i.ended_at >= p.p_from AND i.ended_at < p.p_to`;
      // One row per period; each count reads the unit-range index (unit_path, started_at) of the reach.
      return pg.rows<MatterTrendPoint>(
        sql`SELECT p.p_from AS "from", p.p_to AS "to",
              (SELECT count(*) FROM instances i WHERE ${where} AND i.started_at >= p.p_from AND i.started_at < p.p_to) AS started,
              (SELECT count(*) FROM instances i WHERE ${where} AND ${closedIn}) AS closed,
              (SELECT count(*) FROM instances i WHERE ${where} AND ${closedIn} AND NOT ${LATE}) AS "closedOnTime"
            FROM unnest(${periods.map((p) => p.from)}::bigint[], ${periods.map((p) => p.to)}::bigint[]) AS p (p_from, p_to)
            ORDER BY p.p_from`,
      );
    },
  };
}
