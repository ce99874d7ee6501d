import type { RegisterEntryRecord } from '@shanzhi/store';

/** What a summary adds up: per group, how many entries, the totals of number fields, how many hold true in boolean fields. */
export interface SummaryRequest {
  readonly by?: string;
  readonly sum: readonly string[];
  readonly count: readonly string[];
}

export interface SummaryRow {
  readonly unitPath: string;
  /** The value of the `by` field shared by the group's entries (absent without `by`; null for entries without it). */
  readonly group?: string | null;
  readonly entries: number;
  readonly sums: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * The entries of one unit's register added up by group, in order of first appearance (entries come
 * in key order): the town's reports of attendance, visits and requests closed on time are such sums.
 */
export function summarise(unitPath: string, entries: readonly RegisterEntryRecord[], request: SummaryRequest): SummaryRow[] {
  const groups = new Map<string, { group: string | null; entries: number; sums: Record<string, number>; counts: Record<string, number> }>();
  for (const { data } of entries) {
    const group = request.by === undefined ? null : data[request.by] === undefined ? null : String(data[request.by]);
    const key = group ?? '';
    let row = groups.get(key);
    if (!row) {
      row = {
        group,
        entries: 0,
        sums: Object.fromEntries(request.sum.map((f) => [f, 0])),
        counts: Object.fromEntries(request.count.map((f) => [f, 0])),
      };
      groups.set(key, row);
    }
    row.entries++;
    for (const f of request.sum) if (typeof data[f] === 'number') row.sums[f] = (row.sums[f] ?? 0) + (data[f] as number);
    for (const f of request.count) if (data[f] === true) row.counts[f] = (row.counts[f] ?? 0) + 1;
  }
  return [...groups.values()].map(({ group, ...rest }) => ({ unitPath, ...(request.by === undefined ? {} : { group }), ...rest }));
}
