import { parseDuration, type Span, toSpan } from './duration.ts';
import { fromWall, isValidTimeZone, toWall, wallFields, wallMs } from './zone.ts';

/**
 * Adds a span the way people read durations (and as Temporal does): months
 * and days move the wall-clock date, keeping the time of day across DST and
 * clamping to the month's last day (Jan 31 + P1M = Feb 28/29); hours, minutes
 * and seconds are then added as elapsed time. Months are added before days.
 * A negative span goes backwards by the same rules.
 */
export function addSpan(epochMs: number, span: Span, timeZone: string): number {
  let at = epochMs;
  if (span.months !== 0 || span.days !== 0) {
    const wall = wallFields(toWall(epochMs, timeZone));
    const monthIndex = wall.year * 12 + (wall.month - 1) + span.months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    const day = Math.min(wall.day, daysInMonth(year, month));
    const moved = wallMs({ ...wall, year, month, day }) + span.days * 86_400_000;
    at = fromWall(moved, timeZone);
  }
  return at + span.ms;
}

/** Adds an ISO 8601 duration text; throws RangeError on a bad duration or time zone. */
export function addDuration(epochMs: number, duration: string, timeZone: string): number {
  const parsed = parseDuration(duration);
  if (!parsed.ok) throw new RangeError(parsed.message);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
  return addSpan(epochMs, toSpan(parsed.value), timeZone);
}

export function daysInMonth(year: number, month: number): number {
  return wallFields(wallMs({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).day;
}
