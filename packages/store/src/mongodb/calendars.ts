import type { Store } from '../port.ts';
import { assertUnitPath, reachRanges, selfAndAbove } from '../reach.ts';
import type { CalendarRecord } from '../records.ts';
import type { CalendarDoc, Collections } from './collections.ts';
import { withinRanges } from './filters.ts';

const toRecord = ({ _id, ...record }: CalendarDoc): CalendarRecord => record;

export function mongoCalendars({ calendars }: Collections): Store['calendars'] {
  return {
    async put(calendar) {
      assertUnitPath(calendar.unitPath);
      const _id = `${calendar.year}@${calendar.unitPath}`;
      await calendars.replaceOne({ _id }, calendar, { upsert: true });
    },
    async forUnit(unitPath, year) {
      const found = await calendars.find({ year, unitPath: { $in: selfAndAbove(unitPath) } }).toArray();
      const nearest = found.sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
      return nearest && toRecord(nearest);
    },
    async list(reach) {
      const ranges = reachRanges(reach);
      if (ranges.length === 0) return [];
      return (await calendars.find(withinRanges('unitPath', ranges)).sort({ unitPath: 1, year: 1 }).toArray()).map(toRecord);
    },
  };
}
