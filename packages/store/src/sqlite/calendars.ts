import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import { CALENDAR_COLUMNS, type CalendarRow, calendarRow, toCalendar } from './rows.ts';
import { insertInto, type Sqlite, withinRanges } from './sql.ts';

/** A year of a unit is kept once: a new calendar replaces what the key held. */
const PUT = `${insertInto('calendars', CALENDAR_COLUMNS)} ON CONFLICT (unit_path, year) DO UPDATE SET ${CALENDAR_COLUMNS.filter(
  (c) => c !== 'unit_path' && c !== 'year',
)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

export function sqliteCalendars({ statement, write }: Sqlite): Store['calendars'] {
  return {
    async put(calendar) {
      assertUnitPath(calendar.unitPath);
      await write(() => statement(PUT).run(calendarRow(calendar)));
    },
    async forUnit(unitPath, year) {
      const units = selfAndAbove(unitPath);
      const row = statement(
        `SELECT * FROM calendars WHERE year = ? AND unit_path IN (${units.map(() => '?').join(', ')}) ORDER BY length(unit_path) DESC LIMIT 1`,
      ).get(year, ...units) as CalendarRow | undefined;
      return row && toCalendar(row);
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      const where = withinRanges('unit_path', ranges);
      return (statement(`SELECT * FROM calendars WHERE ${where.sql} ORDER BY unit_path, year`).all(...where.params) as CalendarRow[]).map(
        toCalendar,
      );
    },
  };
}
