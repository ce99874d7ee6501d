/**
 * The JSON Schema Test Suite held against jsts-exclusions.json, shared by jsts.test.ts (a vitest
 * test per group) and `pnpm conformance` (counts, and the files that deviate). A test fails when
 * its result differs from the suite's, listed or not; what the list does not say is unexpected:
 * a mismatch it does not name (a regression), or a listed test that now passes (a stale list).
 */
import exclusionsFile from './jsts-exclusions.json' with { type: 'json' };
import { type GroupRun, groupsOf, runGroup, type SuiteGroup, suiteFiles } from './suite.ts';

interface Exclusions {
  readonly skipped: readonly { file: string; reason: string }[];
  readonly deviations: readonly { file: string; group: string; tests: readonly string[]; reason: string }[];
}

export const exclusions: Exclusions = exclusionsFile;
const EXCLUSIONS_PATH = 'packages/forms/test/conformance/jsts-exclusions.json';

const skipReasons = new Map(exclusions.skipped.map((s) => [s.file, s.reason]));
const listedDeviations = new Map(exclusions.deviations.map((d) => [`${d.file}\n${d.group}`, d.tests]));

export interface SuiteFile {
  readonly file: string;
  /** Why the list skips the file (optional files only). */
  readonly skipped?: string;
  readonly groups: readonly SuiteGroup[];
}

export const isOptional = (file: string): boolean => file.startsWith('optional/');

/** Every file of the suite with its groups and, when skipped, the list's reason. */
export function suitePlan(): SuiteFile[] {
  return suiteFiles().map((file) => ({ file, skipped: skipReasons.get(file), groups: groupsOf(file) }));
}

export interface GroupOutcome extends GroupRun {
  readonly group: SuiteGroup;
  /** The tests the list names as deviating, in its order. */
  readonly listed: readonly string[];
  /** Mismatches the list does not name. */
  readonly unlisted: readonly string[];
  /** Listed tests that match the suite now. */
  readonly nowPassing: readonly string[];
}

export function checkGroup(group: SuiteGroup): GroupOutcome {
  const run = runGroup(group);
  const listed = listedDeviations.get(`${group.file}\n${group.description}`) ?? [];
  return {
    ...run,
    group,
    listed,
    unlisted: run.mismatches.filter((t) => !listed.includes(t)),
    nowPassing: listed.filter((t) => !run.mismatches.includes(t)),
  };
}

export interface SuiteRun {
  readonly files: readonly SuiteFile[];
  /** One per group of every file not skipped. */
  readonly outcomes: readonly GroupOutcome[];
}

export function runJsonSchemaSuite(): SuiteRun {
  const files = suitePlan();
  return { files, outcomes: files.filter((f) => !f.skipped).flatMap((f) => f.groups.map(checkGroup)) };
}

export interface Tally {
  readonly passed: number;
  /** Tests whose result differs from the suite's: known deviations and unlisted ones. */
  readonly failed: number;
  readonly unlisted: number;
  readonly nowPassing: number;
  /** Groups that ran through defineForm and validateSubmission. */
  readonly throughForms: number;
}

export function tally(outcomes: readonly GroupOutcome[]): Tally {
  const sum = (count: (o: GroupOutcome) => number) => outcomes.reduce((n, o) => n + count(o), 0);
  return {
    passed: sum((o) => o.group.tests.length - o.mismatches.length),
    failed: sum((o) => o.mismatches.length),
    unlisted: sum((o) => o.unlisted.length),
    nowPassing: sum((o) => o.nowPassing.length),
    throughForms: sum((o) => (o.path === 'form' ? 1 : 0)),
  };
}

/** The two lines both runners print: required tests, then optional ones with the skipped files. */
export function summaryLines(run: SuiteRun): [string, string] {
  const counts = (t: Tally, where: string) => {
    const unexpected = [
      t.unlisted > 0 ? `${t.unlisted} not listed` : '',
      t.nowPassing > 0 ? `${t.nowPassing} listed but passing now` : '',
    ].filter(Boolean);
    const known = `${t.failed - t.unlisted} known deviations, listed with reasons ${where}`;
    return `${t.passed} passed, ${t.failed} failed (${[known, ...unexpected].join('; ')})`;
  };
  const skipped = run.files.filter((f) => f.skipped);
  const skippedTests = skipped.reduce((n, f) => n + f.groups.reduce((m, g) => m + g.tests.length, 0), 0);
  return [
    `json schema: ${counts(tally(run.outcomes.filter((o) => !isOptional(o.group.file))), `in ${EXCLUSIONS_PATH}`)}`,
    `json schema optional: ${counts(tally(run.outcomes.filter((o) => isOptional(o.group.file))), 'there too')}, ${skippedTests} skipped in ${skipped.length} files`,
  ];
}
