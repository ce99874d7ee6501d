/**
 * A case's result: `skipped` was not run (the note says why); `refused` is a model the reference
 * holds valid that our executable-model compiler will not take. Neither is a pass, and only `fail`
 * is a defect.
 */
export type Result = 'pass' | 'fail' | 'skipped' | 'refused';

/** One row of a suite's table. */
export interface CaseResult {
  readonly id: string;
  readonly result: Result;
  readonly note: string;
}

export interface SuiteResult {
  readonly suite: string;
  readonly cases: readonly CaseResult[];
}

/**
 * What run.ts prints of a suite: its report and its lines in the closing summary; `unexpected`
 * counts the results that fail the run (failures, and for a suite with a list of known
 * deviations, whatever the list does not say).
 */
export interface SuiteReport {
  readonly report: string;
  readonly summary: readonly string[];
  readonly unexpected: number;
}

export function pass(id: string, note = ''): CaseResult {
  return { id, result: 'pass', note };
}

export function fail(id: string, note: string): CaseResult {
  return { id, result: 'fail', note };
}

export function skipped(id: string, note: string): CaseResult {
  return { id, result: 'skipped', note };
}

export function refused(id: string, note: string): CaseResult {
  return { id, result: 'refused', note };
}

/** How each result is counted in a total, in this order. */
const COUNTED: Record<Result, string> = { pass: 'passed', fail: 'failed', skipped: 'skipped', refused: 'refused as not executable' };

export function totals(cases: readonly CaseResult[]): Record<Result, number> {
  const t: Record<Result, number> = { pass: 0, fail: 0, skipped: 0, refused: 0 };
  for (const c of cases) t[c.result]++;
  return t;
}

/** `P passed, F failed`, then each other result that occurs (`S skipped`, ...). */
export function countsLine(cases: readonly CaseResult[]): string {
  const t = totals(cases);
  const kinds = Object.keys(COUNTED) as Result[];
  return kinds
    .filter((k) => k === 'pass' || k === 'fail' || t[k] > 0)
    .map((k) => `${t[k]} ${COUNTED[k]}`)
    .join(', ');
}

export function reportOf(suite: SuiteResult): SuiteReport {
  return { report: formatSuite(suite), summary: [`${suite.suite}: ${countsLine(suite.cases)}`], unexpected: totals(suite.cases).fail };
}

const NOTE_WIDTH = process.env.CONFORMANCE_FULL ? 100_000 : 150;

/** A plain-text table whose last column is a note, cut to one line. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const last = header.length - 1;
  const widths = header.slice(0, last).map((h, i) => Math.min(80, Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0))));
  const cut = (text: string) => {
    const note = text.replace(/\s+/g, ' ').trim();
    return note.length > NOTE_WIDTH ? `${note.slice(0, NOTE_WIDTH - 1)}…` : note;
  };
  const line = (cells: readonly string[]) =>
    [...widths.map((w, i) => (cells[i] ?? '').padEnd(w)), cut(cells[last] ?? '')].join('  ').trimEnd();
  return [line(header), [...widths.map((w) => '-'.repeat(w)), '-'.repeat(40)].join('  '), ...rows.map(line)];
}

/** A suite's table (case, result, note), then its total and the pass rate of the cases run. */
export function formatSuite(suite: SuiteResult): string {
  const t = totals(suite.cases);
  const run = t.pass + t.fail + t.refused;
  const rate = run === 0 ? 'n/a' : `${((100 * t.pass) / run).toFixed(1)}%`;
  return [
    `== ${suite.suite} ==`,
    ...formatTable(
      ['case', 'result', 'note'],
      suite.cases.map((c) => [c.id, c.result, c.note]),
    ),
    `${suite.suite} total: ${countsLine(suite.cases)} (${rate} of ${run} run)`,
  ].join('\n');
}
