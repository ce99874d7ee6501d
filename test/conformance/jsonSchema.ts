/**
 * Suite 4: the JSON Schema Test Suite (2020-12) through @shanzhi/forms, as its vitest test runs it
 * (packages/forms/test/conformance/jsts.ts). Counted in tests, not cases: a test whose result
 * differs from the suite's fails even when jsts-exclusions.json says why; only what the list does
 * not say is unexpected. The table shows the files that are not clean, one row each.
 */
import {
  type GroupOutcome,
  isOptional,
  runJsonSchemaSuite,
  type SuiteFile,
  summaryLines,
  tally,
} from '../../packages/forms/test/conformance/jsts.ts';
import { formatTable, type SuiteReport } from './report.ts';

export function runJsonSchema(): SuiteReport {
  const run = runJsonSchemaSuite();
  const rows: string[][] = [];
  let clean = 0;
  // Required files first: the suite's sort puts optional/ among them.
  for (const file of [...run.files].sort((a, b) => Number(isOptional(a.file)) - Number(isOptional(b.file)))) {
    const row = fileRow(file, run.outcomes);
    if (row) rows.push(row);
    else clean++;
  }
  const all = tally(run.outcomes);
  const summary = summaryLines(run);
  return {
    report: [
      '== json schema (JSON Schema Test Suite 2020-12 through @shanzhi/forms) ==',
      ...formatTable(['file', 'tests', 'passed', 'failed', 'note'], rows),
      `${clean} other files: every test passes. ${all.throughForms} object-schema groups ran through defineForm + validateSubmission, the rest on the same Ajv configuration.`,
      ...summary,
    ].join('\n'),
    summary,
    unexpected: all.unlisted + all.nowPassing,
  };
}

/** A row for a skipped file or one with a mismatch or a stale listing; none for a clean file. */
function fileRow(file: SuiteFile, outcomes: readonly GroupOutcome[]): string[] | undefined {
  const tests = String(file.groups.reduce((n, g) => n + g.tests.length, 0));
  if (file.skipped) return [file.file, tests, '-', '-', `skipped: ${file.skipped}`];
  const mine = outcomes.filter((o) => o.group.file === file.file);
  const t = tally(mine);
  if (t.failed === 0 && t.nowPassing === 0) return undefined;
  const notes = (label: string, pick: (o: GroupOutcome) => readonly string[]) =>
    mine.filter((o) => pick(o).length > 0).map((o) => `${label} ${o.group.description}: ${pick(o).join(', ')}`);
  const known = mine.filter((o) => o.mismatches.length > o.unlisted.length).length;
  const note = [
    ...notes('NOT LISTED', (o) => o.unlisted),
    ...notes('LISTED BUT PASSES', (o) => o.nowPassing),
    known > 0 ? `known deviations in ${known} group(s)` : '',
  ].filter(Boolean);
  return [file.file, tests, String(t.passed), String(t.failed), note.join('; ')];
}
