import safeRegex from 'safe-regex2';
import { SUPPORTED_FORMATS } from '../formats/index.ts';
import { escapePointer, isJsonObject, type JsonObject, unescapePointer } from '../json.ts';
import type { DefinitionProblemCode } from '../types.ts';

export const MAX_PROPERTIES = 200;
export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A rule a meta-valid schema still breaks, at a JSON pointer into the schema. */
export interface Violation {
  readonly pointer: string;
  readonly code: DefinitionProblemCode;
  readonly values: Readonly<Record<string, string>>;
}

/** Keywords whose value is one subschema, a map of them, or a list of them (2020-12 and the legacy ones Ajv runs). */
const ONE = [
  'additionalProperties',
  'propertyNames',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/**
 * What a form schema may be beyond the meta-schema: an object at the root, at most 200 fields,
 * only formats we check, references only within itself (nothing fetched, nothing shared
 * between forms), no `$id`, no dynamic references, regular expressions that compile. Walks
 * subschemas by keyword, so a `format` inside `default` or `const` data is not taken for one.
 */
export function violations(schema: JsonObject): Violation[] {
  const found: Violation[] = [];
  const refs: { pointer: string; ref: string }[] = [];
  const anchors = new Set<string>();
  let properties = 0;

  const visit = (node: unknown, pointer: string): void => {
    if (!isJsonObject(node)) return;
    const at = (keyword: string) => `${pointer}/${escapePointer(keyword)}`;
    if (node.$schema !== undefined && node.$schema !== DIALECT)
      found.push({ pointer: at('$schema'), code: 'dialect-unsupported', values: { dialect: DIALECT } });
    if (node.$id !== undefined) found.push({ pointer: at('$id'), code: 'id-not-allowed', values: {} });
    if (typeof node.$ref === 'string') refs.push({ pointer: at('$ref'), ref: node.$ref });
    if (typeof node.$anchor === 'string') anchors.add(node.$anchor);
    // Ajv's dynamic references are incomplete (wrong answers and stack overflows in the test
    // suite's dynamicRef.json), and a form has no use for extensible recursive schemas.
    // A file is an attachment id (format: attachment), never its bytes in the record.
    for (const keyword of ['$dynamicRef', '$dynamicAnchor', 'contentEncoding']) {
      if (node[keyword] !== undefined) found.push({ pointer: at(keyword), code: 'keyword-unsupported', values: { keyword } });
    }
    if (typeof node.format === 'string' && !SUPPORTED_FORMATS.includes(node.format)) {
      found.push({
        pointer: at('format'),
        code: 'format-unsupported',
        values: { format: node.format, supported: SUPPORTED_FORMATS.join(', ') },
      });
    }
    if (typeof node.pattern === 'string') {
      const problem = patternProblem(node.pattern);
      if (problem) found.push({ pointer: at('pattern'), code: problem, values: { pattern: node.pattern } });
    }
    if (isJsonObject(node.patternProperties)) {
      for (const pattern of Object.keys(node.patternProperties)) {
        const problem = patternProblem(pattern);
        if (problem) found.push({ pointer: `${at('patternProperties')}/${escapePointer(pattern)}`, code: problem, values: { pattern } });
      }
    }
    if (isJsonObject(node.properties)) properties += Object.keys(node.properties).length;
    for (const keyword of ONE) if (node[keyword] !== undefined) visit(node[keyword], at(keyword));
    for (const keyword of MAP) {
      const map = node[keyword];
      if (isJsonObject(map)) for (const [name, sub] of Object.entries(map)) visit(sub, `${at(keyword)}/${escapePointer(name)}`);
    }
    for (const keyword of LIST) {
      const list = node[keyword];
      if (Array.isArray(list)) for (const [i, sub] of list.entries()) visit(sub, `${at(keyword)}/${i}`);
    }
  };
  visit(schema, '');

  if (schema.type !== 'object') found.push({ pointer: '/type', code: 'schema-not-object', values: {} });
  if (properties > MAX_PROPERTIES)
    found.push({ pointer: '', code: 'too-many-properties', values: { limit: String(MAX_PROPERTIES), count: String(properties) } });
  for (const { pointer, ref } of refs) {
    if (!ref.startsWith('#')) found.push({ pointer, code: 'ref-not-local', values: { ref } });
    else if (!resolves(schema, ref.slice(1), anchors)) found.push({ pointer, code: 'ref-unresolved', values: { ref } });
  }
  return found;
}

/**
 * Ajv compiles patterns with the `u` flag, so that is the flag to try them with. A pattern with
 * nested repetition (`(a+)+$`) can take seconds on a crafted value, and the data may come from
 * villagers without accounts (objections on the public board), so such patterns are refused.
 */
function patternProblem(pattern: string): 'pattern-invalid' | 'pattern-unsafe' | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'pattern-invalid';
  }
  return safeRegex(pattern) ? undefined : 'pattern-unsafe';
}

/** A fragment is a JSON pointer from the root (percent-encoded, as URIs are) or an anchor's name. */
function resolves(schema: JsonObject, fragment: string, anchors: ReadonlySet<string>): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return false;
  }
  if (decoded !== '' && !decoded.startsWith('/')) return anchors.has(decoded);
  let node: unknown = schema;
  for (const segment of decoded.split('/').slice(1).map(unescapePointer)) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(segment)) node = node[Number(segment)];
    else if (isJsonObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return false;
  }
  return node !== undefined;
}
