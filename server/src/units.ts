/**
 * Materialized unit paths: `/nanhai/lishui/hefeng/` (leading and trailing slash). "This unit
 * and everything below it" is a prefix test.
 */
const UNIT_PATH = /^\/(?:[^/\s]+\/)*$/;

export function isUnitPath(path: string): boolean {
  return UNIT_PATH.test(path);
}

/** The unit and each unit above it, nearest first: `/a/b/` gives `/a/b/`, `/a/`, `/`. */
export function selfAndAncestors(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p.length > 0) {
    out.push(p);
    if (p === '/') break;
    p = p.slice(0, p.lastIndexOf('/', p.length - 2) + 1);
  }
  return out;
}

export function isWithin(path: string, unit: string): boolean {
  return path.startsWith(unit);
}

/** The smallest set of units covering the given ones (a unit under another is dropped). */
export function minimalCover(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out.sort();
}
