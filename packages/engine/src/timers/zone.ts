/**
 * Wall-clock time in an IANA time zone, using only Intl (no time-zone library).
 * A "wall" value is the local date-time encoded as if it were UTC epoch
 * milliseconds, which makes calendar fields easy to read and to build.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Formatters are costly to build and immutable: one per zone, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Builds wall milliseconds; unlike Date.UTC it does not map years 0-99 to 1900-1999. */
export function wallMs(w: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return date.getTime();
}

export function wallFields(wall: number): WallClock {
  const date = new Date(wall);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    parts[part.type] = part.value;
  }
  const year = Number(parts.year);
  const wall = wallMs({
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: 0,
  });
  // Intl only resolves whole seconds, so compare against the instant's whole second.
  return wall - (epochMs - mod(epochMs, 1000));
}

export function toWall(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}

/**
 * The instant a wall-clock time denotes in the zone. Real zones change offset
 * at most once in two days, so the offsets a day before and a day after are the
 * only candidates; the one that round-trips wins. Like Temporal's
 * 'compatible' disambiguation, a repeated hour (autumn) resolves to the earlier
 * instant and a skipped hour (spring) moves forward by the gap.
 */
export function fromWall(wall: number, timeZone: string): number {
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const fits = (t: number) => toWall(t, timeZone) === wall;
  if (fits(before)) return before;
  if (fits(after)) return after;
  return before;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** `2026-10-01 09:30`: a moment as a clock on the wall of the zone shows it, for messages and logs. */
export function formatLocalTime(epochMs: number, timeZone: string): string {
  const w = wallFields(toWall(epochMs, timeZone));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}
