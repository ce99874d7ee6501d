import { cloneJson, isJsonObject, type JsonObject } from '../json.ts';
import type { FieldAccess, FieldRule, Form } from '../types.ts';

/** What one step of a procedure shows of a form: the part of the record the person at that step sees. */
export interface StepView {
  readonly schema: JsonObject;
  readonly uiSchema: JsonObject;
  readonly values: JsonObject;
}

/**
 * A form as one step shows it, under that step's field rules. Hidden fields are gone from the
 * schema, the uiSchema and the values, so they never leave the server; readonly ones are marked
 * `readOnly` (and `ui:readonly` for the browser's form renderer); fields required at this step
 * join the schema's `required`. `values` are the current record's values of the fields shown.
 * The form itself is not changed; validateSubmission stays the authority on what is accepted.
 */
export function stepView(form: Form, rules: readonly FieldRule[] | undefined, record: Readonly<JsonObject>): StepView {
  const access = new Map<string, FieldAccess>((rules ?? []).map((r) => [r.field, r.access]));
  const schema = cloneJson(form.schema) as JsonObject;
  const uiSchema = cloneJson(form.uiSchema ?? {}) as JsonObject;
  const properties: JsonObject = isJsonObject(schema.properties) ? schema.properties : {};
  const required = new Set(strings(schema.required));
  for (const [field, rule] of access) {
    if (rule === 'hidden') {
      delete properties[field];
      delete uiSchema[field];
      required.delete(field);
    } else if (rule === 'readonly') {
      properties[field] = { ...(isJsonObject(properties[field]) ? properties[field] : {}), readOnly: true };
      uiSchema[field] = { ...(isJsonObject(uiSchema[field]) ? uiSchema[field] : {}), 'ui:readonly': true };
    } else if (rule === 'required' && Object.hasOwn(properties, field)) {
      required.add(field);
    }
  }
  const hidden = (field: string) => access.get(field) === 'hidden';
  if (required.size > 0) schema.required = [...required];
  else delete schema.required;
  forgetHidden(schema, hidden);
  if (Array.isArray(uiSchema['ui:order'])) uiSchema['ui:order'] = strings(uiSchema['ui:order']).filter((f) => !hidden(f));
  const values: JsonObject = {};
  for (const field of Object.keys(properties)) if (record[field] !== undefined) values[field] = cloneJson(record[field]);
  return { schema, uiSchema, values };
}

/** Hidden field names out of the keywords that name top-level fields, so not even a name is shown. */
function forgetHidden(schema: JsonObject, hidden: (field: string) => boolean): void {
  const dependentRequired = schema.dependentRequired;
  if (isJsonObject(dependentRequired)) {
    for (const [field, needs] of Object.entries(dependentRequired)) {
      if (hidden(field)) delete dependentRequired[field];
      else dependentRequired[field] = strings(needs).filter((f) => !hidden(f));
    }
  }
  const dependentSchemas = schema.dependentSchemas;
  if (isJsonObject(dependentSchemas)) for (const field of Object.keys(dependentSchemas)) if (hidden(field)) delete dependentSchemas[field];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
