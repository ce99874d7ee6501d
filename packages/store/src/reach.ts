import type { Reach } from './port.ts';

/** A half-open range of unit paths: `from <= path < to`. */
export interface PathRange {
  readonly from: string;
  readonly to: string;
}

/** Unit paths are materialized: they start and end with '/', e.g. `/nanhai/lishui/hefeng/`. */
export function assertUnitPath(path: string): void {
  if (!path.startsWith('/') || !path.endsWith('/') || path.includes('//')) {
    throw new Error(`"${path}" is not a unit path: it must start and end with "/", e.g. /nanhai/lishui/hefeng/`);
  }
}

/**
 * The unit at `path` and everything below it. Every path below starts with `path`, which ends
 * with '/'; '0' is the character right after '/', so swapping the trailing '/' for '0' bounds
 * exactly that set, in UTF-16 order (JavaScript), UTF-8 byte order (SQLite, MongoDB) alike.
 */
export function subtree(path: string): PathRange {
  assertUnitPath(path);
  return { from: path, to: `${path.slice(0, -1)}0` };
}

/** The ranges a reach covers, with units already inside another unit of the reach dropped. */
export function reachRanges(reach: Reach): PathRange[] {
  const tops = [...new Set(reach)].sort().filter((path, i, sorted) => !sorted.slice(0, i).some((above) => path.startsWith(above)));
  return tops.map(subtree);
}

/** The unit at `path` and each unit above it, nearest first: `/a/b/` gives `/a/b/`, `/a/`, `/`. */
export function selfAndAbove(path: string): string[] {
  assertUnitPath(path);
  const paths: string[] = [];
  for (let unit = path; ; unit = unit.slice(0, unit.lastIndexOf('/', unit.length - 2) + 1)) {
    paths.push(unit);
    if (unit === '/') return paths;
  }
}
