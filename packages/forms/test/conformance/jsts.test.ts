import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupsOf, runGroup, suiteFiles, TESTS_DIR } from './suite.ts';

/**
 * The JSON Schema Test Suite, draft 2020-12, one vitest test per case group, run through our
 * validator layer (suite.ts says how). jsts-exclusions.json lists the files we skip and why, and
 * every known deviation, test by test, with its reason: a group passes when exactly its listed
 * tests differ from the suite, so a fixed deviation shows up as a failure to update the list.
 */
interface Exclusions {
  readonly skipped: readonly { file: string; reason: string }[];
  readonly deviations: readonly { file: string; group: string; tests: string[]; reason: string }[];
}

if (!existsSync(TESTS_DIR)) throw new Error(`JSON Schema Test Suite not found at ${TESTS_DIR} (shared/ beside the clone)`);

const exclusions = JSON.parse(readFileSync(join(import.meta.dirname, 'jsts-exclusions.json'), 'utf8')) as Exclusions;
const skipped = new Map(exclusions.skipped.map((s) => [s.file, s.reason]));
const deviations = new Map(exclusions.deviations.map((d) => [`${d.file}\n${d.group}`, d.tests]));

const tally = {
  required: { passed: 0, deviating: 0 },
  optional: { passed: 0, deviating: 0 },
  skipped: 0,
  groupsThroughForms: 0,
};

describe('JSON Schema Test Suite, draft 2020-12', () => {
  it('lists every exclusion with a reason, against files and groups that exist', () => {
    const files = new Set(suiteFiles());
    for (const { file, reason } of exclusions.skipped) {
      expect(files.has(file), file).toBe(true);
      expect(file.startsWith('optional/'), `${file}: only optional files may be skipped`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
    for (const { file, group, tests, reason } of exclusions.deviations) {
      const found = files.has(file) ? groupsOf(file).find((g) => g.description === group) : undefined;
      expect(found, `${file}: ${group}`).toBeDefined();
      expect(tests.every((t) => found?.tests.some((s) => s.description === t))).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  for (const file of suiteFiles()) {
    const reason = skipped.get(file);
    const counts = file.startsWith('optional/') ? tally.optional : tally.required;
    describe(file, () => {
      for (const group of groupsOf(file)) {
        if (reason) {
          tally.skipped += group.tests.length;
          it.skip(`${group.description} (${reason})`, () => {});
          continue;
        }
        it(group.description, () => {
          const run = runGroup(group);
          const known = deviations.get(`${file}\n${group.description}`) ?? [];
          expect(run.mismatches).toEqual(known);
          counts.passed += group.tests.length - known.length;
          counts.deviating += known.length;
          if (run.path === 'form') tally.groupsThroughForms += 1;
        });
      }
    });
  }

  afterAll(() => {
    const line = (name: string, c: { passed: number; deviating: number }) =>
      `${name}: ${c.passed} of ${c.passed + c.deviating} tests pass, ${c.deviating} known deviations`;
    console.info(
      [
        'JSON Schema Test Suite 2020-12 through @shanzhi/forms',
        line('  required', tally.required),
        line('  optional', tally.optional),
        `  skipped: ${tally.skipped} tests in ${skipped.size} optional files (unsupported formats, other drafts)`,
        `  ${tally.groupsThroughForms} object-schema groups ran through defineForm + validateSubmission`,
      ].join('\n'),
    );
  });
});
