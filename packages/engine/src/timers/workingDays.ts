import { type WorkCalendar, workingDayTest } from './workCalendar.ts';
import { fromWall, toWall, wallFields, wallMs } from './zone.ts';

/**
 * Deadlines in working days (工作日), written `PnWD`: `P3WD` is "within 3 working days" (3个工作日内)
 * as a Chinese office reckons a time limit (办结时限), by the rules of 民法典 第二百零一条 and
 * 第二百零三条 with 行政许可法 第八十二条's working days: the day it starts does not count,
 * whatever the hour; the days are counted from the next working day on, skipping weekends and
 * holidays and counting a weekend day worked in exchange (调休上班); and the period runs to the end
 * of its last day (截止时间为二十四时), not to the clock time it started at. Offices close at
 * different hours, so the end of the day is the end for all. `P0WD` ends with the day it starts
 * when that is a working day, else with the next working day (当日办结).
 */

export const MAX_WORKING_DAYS = 500;

const DAY_MS = 86_400_000;
const WORKING_DAYS = /^P(\d+)WD$/;

/** A text that means working days, well written or not (P3WD, P1WDT4H), as opposed to an ISO 8601 duration. */
export function mentionsWorkingDays(text: string): boolean {
  return text.startsWith('P') && text.includes('WD');
}

export function parseWorkingDays(text: string): { ok: true; days: number } | { ok: false; message: string } {
  const digits = WORKING_DAYS.exec(text)?.[1];
  if (digits === undefined) {
    return { ok: false, message: `'${text}' is not a number of working days: write them alone, as PnWD (e.g. P3WD)` };
  }
  const days = Number(digits);
  if (days > MAX_WORKING_DAYS) return { ok: false, message: `'${text}' is more than ${MAX_WORKING_DAYS} working days` };
  return { ok: true, days };
}

/**
 * The moment `days` working days after `epochMs` end, in the time zone: the last millisecond
 * of the days-th working day after the local day of `epochMs` (by the rule above).
 */
export function addWorkingDays(epochMs: number, days: number, calendar: WorkCalendar | undefined, timeZone: string): number {
  const working = workingDayTest(calendar);
  let day = wallMs({ ...wallFields(toWall(epochMs, timeZone)), hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (days === 0) {
    while (!working(day)) day += DAY_MS;
  }
  for (let counted = 0; counted < days; ) {
    day += DAY_MS;
    if (working(day)) counted++;
  }
  return fromWall(day + DAY_MS, timeZone) - 1;
}
