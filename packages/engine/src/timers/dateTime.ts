import { daysInMonth } from './calendar.ts';
import { fromWall, wallMs } from './zone.ts';

/**
 * ISO 8601 date-times in extended format: 2026-12-01, 2026-12-01T14:30,
 * 2026-12-01T14:30:00.5, each time optionally with Z, +08:00, +0800 or +08.
 * Without an offset the wall-clock time is read in the given time zone.
 */

type Result = { ok: true; value: number } | { ok: false; message: string };

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  offset?: string;
}

const DATE = /^(?:(?:(\d{4})-)?(\d{2})-)?(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const HINT = 'expected e.g. 2026-12-01T14:30:00, 2026-12-01T14:30:00+08:00 or 2026-12-01';

/** Leading components may be missing (an interval's end: '07-01T12:00', '15:30'). */
function scan(text: string): Fields | null {
  const t = text.indexOf('T');
  const datePart = t >= 0 ? text.slice(0, t) : text.includes(':') ? '' : text;
  const timePart = t >= 0 ? text.slice(t + 1) : text.includes(':') ? text : '';
  const fields: Fields = {};
  if (datePart !== '') {
    const date = DATE.exec(datePart);
    if (!date) return null;
    fields.year = optionalNumber(date[1]);
    fields.month = optionalNumber(date[2]);
    fields.day = Number(date[3]);
  } else if (t >= 0) {
    return null;
  }
  if (timePart !== '' || t >= 0) {
    const time = TIME.exec(timePart);
    if (!time) return null;
    fields.hour = Number(time[1]);
    fields.minute = Number(time[2]);
    fields.second = optionalNumber(time[3]);
    fields.millisecond = time[4] === undefined ? undefined : Number(time[4].slice(0, 3).padEnd(3, '0'));
    fields.offset = time[5];
  }
  return fields;
}

function optionalNumber(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Parses a complete date-time, or with `completeFrom` (an interval's start)
 * one whose leading components are omitted because they equal the start's,
 * as ISO 8601 allows for the end of an interval.
 */
export function parseDateTime(text: string, timeZone: string, completeFrom?: string): Result {
  const fail = (why: string) => ({ ok: false as const, message: `'${text}' ${why}` });
  const own = scan(text);
  if (!own) return fail(`is not an ISO 8601 date-time (${HINT})`);
  let fields = own;
  if (completeFrom !== undefined) {
    const start = scan(completeFrom);
    if (start) fields = completeEnd(own, start);
  }
  const { year, month, day } = fields;
  if (year === undefined || month === undefined || day === undefined) {
    return fail(`is missing its year, month or day (${HINT})`);
  }
  if (month < 1 || month > 12) return fail(`is not a valid date: there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) return fail(`is not a valid date: there is no day ${day} in ${year}-${pad(month)}`);
  const { hour = 0, minute = 0, second = 0, millisecond = 0 } = fields;
  if (hour > 23 || minute > 59 || second > 59) return fail(`is not a valid time of day`);

  const wall = wallMs({ year, month, day, hour, minute, second, millisecond });
  if (fields.offset === undefined) return { ok: true, value: fromWall(wall, timeZone) };
  const offset = offsetMs(fields.offset);
  if (offset === null) return fail(`has an offset '${fields.offset}' outside -18:00 to +18:00`);
  return { ok: true, value: wall - offset };
}

/** The end takes the start's omitted leading date components and, if it has none, its offset. */
function completeEnd(end: Fields, start: Fields): Fields {
  return {
    ...end,
    year: end.year ?? start.year,
    month: end.month ?? start.month,
    day: end.day ?? start.day,
    offset: end.offset ?? start.offset,
  };
}

function offsetMs(offset: string): number | null {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60) return null;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
