/** Weeks and months as town staff count them: from midnight China Standard Time (UTC+8, no daylight saving), weeks from Monday. */
export type Interval = 'week' | 'month';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China-time calendar date of an instant, as a UTC Date whose fields read it. */
const chinaDate = (ms: number): Date => new Date(ms + CHINA_OFFSET_MS);

/** Midnight China time at the start of the week (Monday) or month holding `ms`. */
export function periodStart(ms: number, interval: Interval): number {
  const d = chinaDate(ms);
  const sinceMonday = interval === 'week' ? (d.getUTCDay() + 6) % 7 : d.getUTCDate() - 1;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday) - CHINA_OFFSET_MS;
}

function nextStart(start: number, interval: Interval): number {
  if (interval === 'week') return start + 7 * DAY_MS;
  const d = chinaDate(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - CHINA_OFFSET_MS;
}

/**
 * The edges of the whole weeks or months that cover `[from, to)`, ascending; at most `limit + 1`
 * edges are made, so a range longer than `limit` periods is told by its length, without building it all.
 */
export function periodBounds(from: number, to: number, interval: Interval, limit: number): number[] {
  const bounds = [periodStart(from, interval)];
  for (let edge = bounds[0] as number; edge < to && bounds.length <= limit + 1; ) {
    edge = nextStart(edge, interval);
    bounds.push(edge);
  }
  return bounds;
}
