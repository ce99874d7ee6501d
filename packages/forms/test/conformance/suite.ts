import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createFormsAjv } from '../../src/ajv.ts';
import { defineForm, FormDefinitionError, validateSubmission } from '../../src/index.ts';
import { cloneJson } from '../../src/json.ts';

/**
 * The JSON Schema Test Suite (draft 2020-12) run through our validator layer. The suite sits in
 * shared/ beside the repository's clone: `../shared/peer/jsts` from the repo root, or under
 * SHANZHI_PEER, which `pnpm conformance` honours too, so both run the same copy.
 */
export const SUITE_DIR = process.env.SHANZHI_PEER
  ? join(process.env.SHANZHI_PEER, 'jsts')
  : resolve(import.meta.dirname, '../../../..', '../shared/peer/jsts');
export const TESTS_DIR = join(SUITE_DIR, 'draft2020-12');

export interface SuiteTest {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
}

export interface SuiteGroup {
  readonly file: string;
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly SuiteTest[];
}

/** Every `.json` under draft2020-12/, as `optional/format/date.json`-style names, sorted. */
export function suiteFiles(): string[] {
  if (!existsSync(TESTS_DIR)) throw new Error(`JSON Schema Test Suite not found at ${TESTS_DIR} (shared/ beside the clone)`);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
    );
  return walk(TESTS_DIR)
    .map((f) => relative(TESTS_DIR, f).replaceAll('\\', '/'))
    .sort();
}

export function groupsOf(file: string): SuiteGroup[] {
  const groups = JSON.parse(readFileSync(join(TESTS_DIR, file), 'utf8')) as Omit<SuiteGroup, 'file'>[];
  return groups.map((g) => ({ ...g, file }));
}

/**
 * The suite's remote schemas, by the URI its tests fetch them from. Loaded from disk into the
 * Ajv of the groups that need them, as the suite's README says; nothing is fetched.
 */
function remotes(): [string, unknown][] {
  const dir = join(SUITE_DIR, 'remotes');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(join(dir, 'draft2020-12')).map((f) => [
    `http://localhost:1234/${relative(dir, f).replaceAll('\\', '/')}`,
    JSON.parse(readFileSync(f, 'utf8')),
  ]);
}

let remoteSchemas: [string, unknown][] | undefined;

/** How a group ran: through defineForm and validateSubmission, or on the same Ajv configuration directly. */
export type Path = 'form' | 'ajv';

export interface GroupRun {
  readonly path: Path;
  /** Why defineForm refused an object schema (then the group ran on the Ajv path). */
  readonly refusedBy?: readonly string[];
  /** Descriptions of the tests whose outcome differed from the suite's. */
  readonly mismatches: readonly string[];
}

let versions = 0;

/**
 * Object schemas go through defineForm's checks and compile path and validateSubmission (no
 * field rules), as a form would; the rest, and object schemas our form rules refuse (a remote
 * `$ref`, an `$id`), run on an Ajv made by the same factory, with the suite's remotes added.
 */
export function runGroup(group: SuiteGroup): GroupRun {
  const schema = group.schema;
  if (typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'object') {
    try {
      const form = defineForm({ key: 'jsts', version: ++versions, title: 'JSON Schema Test Suite', schema });
      return { path: 'form', mismatches: mismatches(group, (data) => validateSubmission(form, [], data).ok) };
    } catch (error) {
      if (!(error instanceof FormDefinitionError)) throw error;
      return { path: 'ajv', refusedBy: [...new Set(error.problems.map((p) => p.code))], mismatches: runOnAjv(group) };
    }
  }
  return { path: 'ajv', mismatches: runOnAjv(group) };
}

function runOnAjv(group: SuiteGroup): string[] {
  const ajv = createFormsAjv();
  remoteSchemas ??= remotes();
  for (const [uri, remote] of remoteSchemas) ajv.addSchema(remote as object, uri);
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(group.schema as object);
  } catch {
    return group.tests.map((t) => t.description);
  }
  return mismatches(group, (data) => validate(cloneJson(data)));
}

/** A test whose validation throws (Ajv overflows its stack on some dynamic references) did not pass. */
function mismatches(group: SuiteGroup, isValid: (data: unknown) => boolean): string[] {
  const passes = (t: SuiteTest) => {
    try {
      return isValid(t.data) === t.valid;
    } catch {
      return false;
    }
  };
  return group.tests.filter((t) => !passes(t)).map((t) => t.description);
}
