import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createFormsAjv } from '../ajv.ts';
import { register } from '../compiled.ts';
import { distinct, type Failure, failuresOf } from '../failures.ts';
import { deepFreeze, isJsonObject, tooDeepAt } from '../json.ts';
import { keywordMessage, problemMessage } from '../messages/index.ts';
import {
  DEFAULT_LANG,
  type DefinitionProblem,
  type DefinitionProblemCode,
  type Form,
  type FormDefinitionInput,
  type Lang,
} from '../types.ts';
import { ENVELOPE_SCHEMA } from './envelope.ts';
import { DIALECT, violations } from './policy.ts';

/**
 * Levels of objects and arrays a schema or uiSchema may nest (the value itself is level 1). A
 * 40-field form with a list of tenants needs 7; the bound keeps hostile nesting away from Ajv's
 * recursion and the meta-schema check.
 */
export const MAX_DEPTH = 32;

/** A definition was refused; each problem names its path in the definition. */
export class FormDefinitionError extends Error {
  constructor(readonly problems: readonly DefinitionProblem[]) {
    super(`the form definition has ${problems.length} problem(s): ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
    this.name = 'FormDefinitionError';
  }
}

/** The envelope and meta-schema checks share one Ajv, which never compiles a form's schema. */
let checker: { ajv: Ajv2020; envelope: ReturnType<Ajv2020['compile']> } | undefined;

function definitionChecker() {
  if (!checker) {
    const ajv = createFormsAjv();
    checker = { ajv, envelope: ajv.compile(ENVELOPE_SCHEMA) };
  }
  return checker;
}

/**
 * Checks a form definition and makes it usable, stopping at the first stage that finds
 * problems and listing all of that stage's: the definition is an object; schema and uiSchema
 * nest at most MAX_DEPTH levels; the envelope has its shape (key, version, title, uiSchema); the
 * schema is 2020-12 and valid against its meta-schema; it keeps our rules (policy.ts); it
 * compiles. Problems are in `lang` (zh-CN by default). The form returned is a frozen copy:
 * editing the input afterwards changes nothing.
 */
export function defineForm(input: unknown, options: { readonly lang?: Lang } = {}): Form {
  const lang = options.lang ?? DEFAULT_LANG;
  const problem = (path: string, code: DefinitionProblemCode, values: Record<string, string> = {}): DefinitionProblem => ({
    path,
    code,
    message: problemMessage(lang, code, values),
  });
  const refuseIf = (problems: DefinitionProblem[]) => {
    if (problems.length > 0) throw new FormDefinitionError(problems);
  };
  const fromFailures = (code: DefinitionProblemCode, prefix: string, failures: readonly Failure[]) =>
    distinct(failures).map((f) => problem(prefix + f.pointer, code, { detail: keywordMessage(lang, f.code, f.params) }));

  if (!isJsonObject(input))
    throw new FormDefinitionError(fromFailures('definition-invalid', '', [{ pointer: '', code: 'type', params: { type: 'object' } }]));
  refuseIf(
    (['schema', 'uiSchema'] as const).flatMap((part) => {
      const deep = tooDeepAt(input[part], MAX_DEPTH);
      return deep === undefined ? [] : [problem(`/${part}${deep}`, 'too-deep', { limit: String(MAX_DEPTH) })];
    }),
  );

  // A JSON round trip: the copy holds only JSON, and its schema's text is its fingerprint.
  const copy = JSON.parse(JSON.stringify(input)) as FormDefinitionInput;
  const { ajv, envelope } = definitionChecker();
  refuseIf(envelope(copy) ? [] : fromFailures('definition-invalid', '', failuresOf(envelope.errors)));
  // Ajv would look for another dialect's meta-schema and throw; say what is wrong instead.
  const dialect = copy.schema.$schema;
  refuseIf(dialect === undefined || dialect === DIALECT ? [] : [problem('/schema/$schema', 'dialect-unsupported', { dialect: DIALECT })]);
  refuseIf(ajv.validateSchema(copy.schema) ? [] : fromFailures('schema-invalid', '/schema', failuresOf(ajv.errors)));
  refuseIf(violations(copy.schema).map((v) => problem(`/schema${v.pointer}`, v.code, v.values)));

  const form = deepFreeze(copy) as Form;
  try {
    register(form, JSON.stringify(copy.schema));
  } catch (error) {
    refuseIf([problem('/schema', 'schema-compile', { detail: (error as Error).message })]);
  }
  return form;
}
