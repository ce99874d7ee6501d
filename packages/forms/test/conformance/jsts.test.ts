import { afterAll, describe, expect, it } from 'vitest';
import { checkGroup, exclusions, type GroupOutcome, suitePlan, summaryLines, tally } from './jsts.ts';
import { groupsOf, suiteFiles } from './suite.ts';

/**
 * The JSON Schema Test Suite, draft 2020-12, one vitest test per case group, run through our
 * validator layer (suite.ts says how). jsts-exclusions.json lists the files we skip and why, and
 * every known deviation, test by test, with its reason: a group passes when exactly its listed
 * tests differ from the suite, so a fixed deviation shows up as a failure to update the list.
 * `pnpm conformance` runs the same through jsts.ts and prints the counts.
 */
const files = suitePlan();
const outcomes: GroupOutcome[] = [];

describe('JSON Schema Test Suite, draft 2020-12', () => {
  it('lists every exclusion with a reason, against files and groups that exist', () => {
    const names = new Set(suiteFiles());
    for (const { file, reason } of exclusions.skipped) {
      expect(names.has(file), file).toBe(true);
      expect(file.startsWith('optional/'), `${file}: only optional files may be skipped`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
    for (const { file, group, tests, reason } of exclusions.deviations) {
      const found = names.has(file) ? groupsOf(file).find((g) => g.description === group) : undefined;
      expect(found, `${file}: ${group}`).toBeDefined();
      expect(tests.every((t) => found?.tests.some((s) => s.description === t))).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  for (const { file, skipped, groups } of files) {
    describe(file, () => {
      for (const group of groups) {
        if (skipped) {
          it.skip(`${group.description} (${skipped})`, () => {});
          continue;
        }
        it(group.description, () => {
          const outcome = checkGroup(group);
          outcomes.push(outcome);
          expect(outcome.mismatches).toEqual(outcome.listed);
        });
      }
    });
  }

  afterAll(() => {
    console.info(
      [
        'JSON Schema Test Suite 2020-12 through @shanzhi/forms',
        ...summaryLines({ files, outcomes }).map((line) => `  ${line}`),
        `  ${tally(outcomes).throughForms} object-schema groups ran through defineForm + validateSubmission`,
      ].join('\n'),
    );
  });
});
