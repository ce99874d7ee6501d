import type { Failure } from '../failures.ts';
import { cloneJson, escapePointer, isJsonObject, type JsonObject, jsonEqual } from '../json.ts';
import type { FieldRule } from '../types.ts';

/**
 * Applies a step's field rules to a submission (a copy of it; the caller's data is not touched):
 *
 * - required: the field must be filled in at this step, whatever the schema says elsewhere.
 * - readonly, hidden: the step shows the field but may not change it (readonly), or does not show
 *   it at all (hidden). Sent, it must equal the instance's current value; left out, the current
 *   value is carried over, so the schema sees the whole record and the result keeps it.
 * - editable (and fields without a rule): anything the schema allows.
 *
 * Data that is not an object gets no rules: the schema's `type: object` reports it.
 */
export function applyRules(
  rules: readonly FieldRule[],
  data: unknown,
  previous: Readonly<JsonObject>,
): { value: unknown; failures: Failure[] } {
  const value = cloneJson(data);
  const failures: Failure[] = [];
  if (!isJsonObject(value)) return { value, failures };
  for (const { field, access } of rules) {
    const pointer = `/${escapePointer(field)}`;
    if (access === 'required') {
      if (isBlank(value[field])) failures.push({ pointer, code: 'required', params: {} });
    } else if (access === 'readonly' || access === 'hidden') {
      if (Object.hasOwn(value, field)) {
        if (!jsonEqual(value[field], previous[field])) failures.push({ pointer, code: access, params: {} });
      } else if (previous[field] !== undefined) {
        value[field] = cloneJson(previous[field]);
      }
    }
  }
  return { value, failures };
}

/**
 * What a clerk leaves empty: nothing, null, blank text or an empty list. A form widget sends
 * these for an untouched field, and "required at this step" means someone filled it in.
 */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
