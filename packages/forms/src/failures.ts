import type { ErrorObject } from 'ajv';
import { escapePointer } from './json.ts';

/** A failed keyword at a JSON pointer into the validated value: the neutral form of an Ajv error. */
export interface Failure {
  readonly pointer: string;
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Where the failing keyword is in the schema (`#/properties/x/minLength`); absent for field rules. */
  readonly schemaPath?: string;
}

/**
 * Keywords whose nested errors only explain why each alternative failed ("not text", "not a
 * number", …): the keyword's own error says it better, so the nested ones are dropped.
 */
const SUMMARIES = new Set(['anyOf', 'oneOf', 'contains', 'propertyNames', 'not']);

/** Params that name the property an error is about, which Ajv reports at the parent object. */
const PROPERTY_PARAMS = ['missingProperty', 'additionalProperty', 'unevaluatedProperty', 'propertyName'];

/**
 * Ajv's errors as failures a person can act on: each at the field it is about, the `if`
 * wrapper dropped (the failing `then`/`else` error is there too), alternatives summarised.
 * Nested errors reached through a `$ref` carry the referenced schema's path and so are kept:
 * they are true, only wordier.
 */
export function failuresOf(errors: readonly ErrorObject[] | null | undefined): Failure[] {
  if (!errors) return [];
  const summaries = errors.filter((e) => SUMMARIES.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  return errors
    .filter((e) => e.keyword !== 'if' && !summaries.some((prefix) => e.schemaPath.startsWith(prefix)))
    .map((e) => ({ pointer: pointerOf(e), code: codeOf(e.keyword), params: e.params, schemaPath: e.schemaPath }));
}

/** One failure per field and code: the first, which for submissions is the field rule's. */
export function distinct(failures: readonly Failure[]): Failure[] {
  const seen = new Set<string>();
  return failures.filter((f) => {
    const id = `${f.pointer}\u0000${f.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function pointerOf(error: ErrorObject): string {
  for (const name of PROPERTY_PARAMS) {
    const property = error.params[name];
    if (typeof property === 'string') return `${error.instancePath}/${escapePointer(property)}`;
  }
  return error.instancePath;
}

/** Ajv names a `false` subschema "false schema"; codes are single words. */
function codeOf(keyword: string): string {
  return keyword === 'false schema' ? 'falseSchema' : keyword;
}
