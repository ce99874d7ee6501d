import { isDefined, validatorOf } from '../compiled.ts';
import { distinct, type Failure, failuresOf } from '../failures.ts';
import { escapePointer, isJsonObject, type JsonObject, tooDeepAt } from '../json.ts';
import { keywordMessage } from '../messages/index.ts';
import { DEFAULT_LANG, type FieldRule, type Form, type SubmissionOptions, type SubmissionResult } from '../types.ts';
import { labelled, titleAt } from './labels.ts';
import { applyRules } from './rules.ts';

/** Levels of objects and arrays submitted data may nest; deeper data is refused before it is copied or validated. */
export const MAX_DATA_DEPTH = 32;

/**
 * Validates what a step submits: the step's field rules (rules.ts), then the form's schema over
 * the resulting record, with its defaults filled in. JSON in, JSON out: nothing is coerced, and
 * the value returned is a new object. Errors name the field as a JSON pointer into the data and
 * speak `lang` (zh-CN by default).
 */
export function validateSubmission(
  form: Form,
  rules: readonly FieldRule[] | undefined,
  data: unknown,
  options: SubmissionOptions = {},
): SubmissionResult {
  if (!isDefined(form)) throw new TypeError('validateSubmission takes a form made by defineForm');
  const lang = options.lang ?? DEFAULT_LANG;
  const deep = tooDeepAt(data, MAX_DATA_DEPTH);
  if (deep !== undefined) return refused(lang, [{ pointer: deep, code: 'maxDepth', params: { limit: MAX_DATA_DEPTH } }]);

  const previous: Readonly<JsonObject> = isJsonObject(options.previous) ? options.previous : {};
  const { value, failures } = applyRules(rules ?? [], data, previous);
  if (options.closed) failures.push(...undeclared(value, form.schema));
  const validate = validatorOf(form);
  if (!validate(value)) {
    // A field the step's rules already refused says why once: a blanked required field is
    // "required", not also "must be yes or no".
    const ruled = failures.map((f) => f.pointer);
    const mine = (f: Failure) => ruled.some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`));
    failures.push(
      ...failuresOf(validate.errors)
        .filter((f) => !mine(f))
        .map((f) => labelled(f, form.schema)),
    );
  }
  if (failures.length > 0) return refused(lang, failures, form.schema);
  return { ok: true, value: value as JsonObject };
}

function undeclared(value: unknown, schema: JsonObject): Failure[] {
  if (!isJsonObject(value)) return [];
  const declared = isJsonObject(schema.properties) ? schema.properties : {};
  return Object.keys(value)
    .filter((field) => !Object.hasOwn(declared, field))
    .map((field) => ({ pointer: `/${escapePointer(field)}`, code: 'additionalProperties', params: {} }));
}

function refused(lang: SubmissionOptions['lang'], failures: readonly Failure[], schema: JsonObject = {}): SubmissionResult {
  return {
    ok: false,
    errors: distinct(failures).map((f) => {
      const label = titleAt(schema, f.pointer);
      return { field: f.pointer, code: f.code, message: keywordMessage(lang, f.code, f.params), ...(label ? { label } : {}) };
    }),
  };
}
