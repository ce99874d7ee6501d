import type { DefinitionProblemCode } from '../types.ts';

/**
 * Every message a form error can carry, by key: a JSON Schema keyword Ajv reports, a variant of
 * one (`format.<name>`, `contains.between`, `oneOf.many`), or one of our own codes. A language
 * module must give all of them (the type says so), in words a village clerk understands.
 */
export type MessageKey =
  | 'type'
  | 'enum'
  | 'const'
  | 'multipleOf'
  | 'maximum'
  | 'exclusiveMaximum'
  | 'minimum'
  | 'exclusiveMinimum'
  | 'maxLength'
  | 'minLength'
  | 'pattern'
  | 'format'
  | 'format.date'
  | 'format.time'
  | 'format.date-time'
  | 'format.duration'
  | 'format.email'
  | 'format.uri'
  | 'format.uri-reference'
  | 'format.uuid'
  | 'format.cn-mobile'
  | 'format.cn-id'
  | 'format.cn-uscc'
  | 'format.attachment'
  | 'maxItems'
  | 'minItems'
  | 'uniqueItems'
  | 'contains'
  | 'contains.between'
  | 'items'
  | 'unevaluatedItems'
  | 'maxProperties'
  | 'minProperties'
  | 'required'
  | 'dependentRequired'
  | 'additionalProperties'
  | 'unevaluatedProperties'
  | 'propertyNames'
  | 'anyOf'
  | 'oneOf'
  | 'oneOf.many'
  | 'not'
  | 'if'
  | 'falseSchema'
  | 'readonly'
  | 'hidden'
  | 'maxDepth'
  | 'invalid';

export interface Catalogue {
  /** Between items of a list of allowed values. */
  readonly listSeparator: string;
  /** Between alternatives of a type list ("text or empty"). */
  readonly or: string;
  readonly types: Readonly<Record<'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null', string>>;
  readonly keywords: Readonly<Record<MessageKey, string>>;
  /** Messages of definition problems; `{detail}` is the keyword message of what was wrong there. */
  readonly problems: Readonly<Record<DefinitionProblemCode, string>>;
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanish. */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
