import type { MatterCounts, OrgUnit } from '@shanzhi/store';

type Tally = Pick<MatterCounts, 'started' | 'open' | 'overdue' | 'closedOnTime' | 'closedLate'>;

const ZERO: Tally = { started: 0, open: 0, overdue: 0, closedOnTime: 0, closedLate: 0 };

const add = (a: Tally, b: Tally): Tally => ({
  started: a.started + b.started,
  open: a.open + b.open,
  overdue: a.overdue + b.overdue,
  closedOnTime: a.closedOnTime + b.closedOnTime,
  closedLate: a.closedLate + b.closedLate,
});

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** A tally as the API shows it, with its closed total and rates. */
export function countsView(t: Tally) {
  const closed = t.closedOnTime + t.closedLate;
  return { ...t, closed, closureRate: rate(closed, t.open + closed), onTimeRate: rate(t.closedOnTime, closed) };
}

export const totalOf = (rows: readonly Tally[]): Tally => rows.reduce(add, ZERO);

/** The tallies summed per key, in the order the keys first come. */
function sumBy(rows: readonly MatterCounts[], keyOf: (row: MatterCounts) => string): Map<string, Tally> {
  const sums = new Map<string, Tally>();
  for (const row of rows) sums.set(keyOf(row), add(sums.get(keyOf(row)) ?? ZERO, row));
  return sums;
}

/** Kinds of unit listed even when they have no matters: a district's towns, a town's villages and communities. */
const ALWAYS_LISTED: ReadonlySet<OrgUnit['kind']> = new Set(['town', 'village', 'community']);

/**
 * Per unit right below `unit` (a town: its villages), each with the matters of everything below it,
 * listed when it has matters or is a town, village or community; `unit` itself heads the list when it has matters of
 * its own (镇本级), or when nothing below is listed (a village sees itself, its cooperatives within).
 */
export function byUnit(unit: OrgUnit, below: readonly OrgUnit[], rows: readonly MatterCounts[]) {
  const depth = unit.path.split('/').length;
  const children = below.filter((u) => u.path.split('/').length === depth + 1);
  const holder = (path: string) => children.find((child) => path.startsWith(child.path)) ?? unit;
  const sums = sumBy(rows, (row) => holder(row.unitPath).path);
  const listed = children.filter((u) => sums.has(u.path) || ALWAYS_LISTED.has(u.kind));
  const own = sums.has(unit.path) || listed.length === 0 ? [unit] : [];
  return [...own, ...listed].map((u) => ({ key: u.path, name: u.name, ...countsView(sums.get(u.path) ?? ZERO) }));
}

/** Per procedure, in key order, named by `names` (the key itself when it has no name). */
export function byProcedure(rows: readonly MatterCounts[], names: ReadonlyMap<string, string>) {
  return [...sumBy(rows, (row) => row.definitionKey)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) => ({ key, name: names.get(key) ?? key, ...countsView(tally) }));
}
