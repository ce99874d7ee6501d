/** One row of a suite's table. */
export interface CaseResult {
  readonly id: string;
  readonly result: 'pass' | 'fail' | 'skipped';
  readonly note: string;
}

export interface SuiteResult {
  readonly suite: string;
  readonly cases: readonly CaseResult[];
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

export function totals(cases: readonly CaseResult[]): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skippedCount = 0;
  for (const c of cases) {
    if (c.result === 'pass') passed++;
    else if (c.result === 'fail') failed++;
    else skippedCount++;
  }
  return { passed, failed, skipped: skippedCount };
}

const NOTE_WIDTH = process.env.CONFORMANCE_FULL ? 100_000 : 150;

/** A plain-text table: case, result, note (notes are cut to one line). */
export function formatSuite(suite: SuiteResult): string {
  const idWidth = Math.min(80, Math.max(4, ...suite.cases.map((c) => c.id.length)));
  const lines: string[] = [];
  lines.push(`== ${suite.suite} ==`);
  lines.push(`${'case'.padEnd(idWidth)}  ${'result'.padEnd(7)}  note`);
  lines.push(`${'-'.repeat(idWidth)}  ${'-'.repeat(7)}  ${'-'.repeat(40)}`);
  for (const c of suite.cases) {
    const note = c.note.replace(/\s+/g, ' ').trim();
    const cut = note.length > NOTE_WIDTH ? `${note.slice(0, NOTE_WIDTH - 1)}…` : note;
    lines.push(`${c.id.padEnd(idWidth)}  ${c.result.padEnd(7)}  ${cut}`);
  }
  const t = totals(suite.cases);
  const run = t.passed + t.failed;
  const rate = run === 0 ? 'n/a' : `${((100 * t.passed) / run).toFixed(1)}%`;
  lines.push(`${suite.suite} total: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped (${rate} of ${run} run)`);
  return lines.join('\n');
}
