import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DefinitionRecord } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';
import { ApiError, fieldText, invalidRequest } from '../../errors.ts';
import { assertCan, type Principal, principal } from '../../plugins/tenancy.ts';
import { errors, iso } from '../common.ts';
import { byProcedure, byUnit, countsView, totalOf } from './counts.ts';
import { periodBounds } from './periods.ts';
import { MatterStats, MattersQuery, MatterTrend, TrendQuery } from './schemas.ts';

/** Periods one trend may hold: two years of weeks. */
const MAX_PERIODS = 106;

interface Filters {
  readonly unit: string;
  readonly from: string;
  readonly to: string;
}

/** The unit asked for, when the person may read its statistics, and the range, when it runs forwards. */
async function scope(app: FastifyInstance, p: Principal, q: Filters) {
  assertCan(p, 'stats:read', q.unit, 'unit');
  const unit = await app.store.units.byPath(q.unit);
  if (!unit) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit: q.unit });
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (!(from < to)) throw invalidRequest([{ field: 'querystring.to', message: fieldText('laterThan', { other: 'from' }) }]);
  return { unit, from, to };
}

/** Each procedure key's name, from its newest version deployed at the unit, above it or below it. */
async function procedureNamesAt(app: FastifyInstance, unitPath: string): Promise<Map<string, string>> {
  const definitions = [...(await app.store.definitions.visibleAt(unitPath)), ...(await app.store.definitions.list([unitPath]))];
  const newest = new Map<string, DefinitionRecord>();
  for (const d of definitions) if ((newest.get(d.key)?.version ?? 0) < d.version) newest.set(d.key, d);
  return new Map([...newest].flatMap(([key, d]) => (d.name ? [[key, d.name] as const] : [])));
}

/** The dashboards' numbers: matters by unit or procedure, and their trend, within a unit the person reaches. */
const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stats/matters',
    {
      schema: {
        tags: ['stats'],
        summary: 'Matters started in a range at a unit and below: open, overdue, closed on time and late, by unit or procedure',
        querystring: MattersQuery,
        response: { 200: MatterStats, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const { unit, from, to } = await scope(app, principal(request), q);
      const now = app.clock.now();
      const rows = await app.store.stats.matters({
        reach: [unit.path],
        startedFrom: from,
        startedTo: to,
        now,
        ...(q.definitionKey === undefined ? {} : { definitionKey: q.definitionKey }),
      });
      const by = q.by ?? 'unit';
      return {
        unit: { path: unit.path, name: unit.name },
        from: iso(from) as string,
        to: iso(to) as string,
        asOf: iso(now) as string,
        by,
        total: countsView(totalOf(rows)),
        rows:
          by === 'unit'
            ? byUnit(unit, await app.store.units.under(unit.path), rows)
            : byProcedure(rows, await procedureNamesAt(app, unit.path)),
      };
    },
  );

  app.get(
    '/stats/matters/trend',
    {
      schema: {
        tags: ['stats'],
        summary: 'Per week or month of a range: the matters started, closed and closed on time at a unit and below',
        querystring: TrendQuery,
        response: { 200: MatterTrend, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const { unit, from, to } = await scope(app, principal(request), q);
      const interval = q.interval ?? 'month';
      const bounds = periodBounds(from, to, interval, MAX_PERIODS);
      if (bounds.length - 1 > MAX_PERIODS)
        throw invalidRequest([{ field: 'querystring.to', message: fieldText('tooManyPeriods', { limit: MAX_PERIODS }) }]);
      const points = await app.store.stats.trend({
        reach: [unit.path],
        bounds,
        ...(q.definitionKey === undefined ? {} : { definitionKey: q.definitionKey }),
      });
      return {
        interval,
        points: points.map((p) => ({ ...p, from: iso(p.from) as string, to: iso(p.to) as string })),
      };
    },
  );
};

export default statsRoutes;
