import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import type { Postgres } from './db.ts';
import { insertRecords, selectAll, selectOne } from './queries.ts';
import { setExcluded, sql, withinRanges } from './sql.ts';
import { CALENDARS } from './tables.ts';

export function postgresCalendars(pg: Postgres): Store['calendars'] {
  return {
    /** A year of a unit is kept once: a new calendar replaces what the key held. */
    async put(calendar) {
      assertUnitPath(calendar.unitPath);
      const replace = setExcluded(Object.keys(CALENDARS.columns), ['unit_path', 'year']);
      await insertRecords(pg, CALENDARS, [calendar], sql` ON CONFLICT (unit_path, year) DO UPDATE ${replace}`);
    },
    async forUnit(unitPath, year) {
      return selectOne(
        pg,
        CALENDARS,
        sql`WHERE year = ${year} AND unit_path = ANY(${selfAndAbove(unitPath)}) ORDER BY length(unit_path) DESC LIMIT 1`,
      );
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return selectAll(pg, CALENDARS, sql`WHERE ${withinRanges('unit_path', ranges)} ORDER BY unit_path, year`);
    },
  };
}
