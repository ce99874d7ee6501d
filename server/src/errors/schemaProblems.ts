import type { FastifySchemaValidationError } from 'fastify';
import { type FieldProblem, type FieldText, fieldText } from './fieldProblems.ts';

/** The pattern of a text that must not be blank: at least one character that is not white space. */
export const NON_BLANK = '\\S';

const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'] as const;
const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** One schema failure as the field it names (`body.orgUnit`, `querystring.limit`) and what is wrong there, not yet worded. */
export function schemaProblem(v: FastifySchemaValidationError, context: string): FieldProblem {
  const params = v.params as Record<string, unknown>;
  const path = [context, ...v.instancePath.split('/').filter(Boolean)];
  if (typeof params.missingProperty === 'string') path.push(params.missingProperty);
  if (typeof params.additionalProperty === 'string') path.push(params.additionalProperty);
  return { field: path.join('.'), message: problemOf(v.keyword, params, v.message) };
}

function problemOf(keyword: string, params: Record<string, unknown>, message: string | undefined): FieldText {
  if (keyword === 'required') return fieldText('required');
  if (keyword === 'additionalProperties') return fieldText('notAllowed');
  if (keyword === 'type') {
    const type = String(params.type);
    return isOneOf(TYPES, type) ? fieldText(`type.${type}`) : fieldText('type', { type });
  }
  if (isOneOf(LIMITS, keyword)) return fieldText(keyword, { limit: String(params.limit) });
  if (keyword === 'pattern')
    return params.pattern === NON_BLANK ? fieldText('blank') : fieldText('pattern', { pattern: String(params.pattern) });
  if (keyword === 'format') return fieldText('format', { format: String(params.format) });
  if (keyword === 'enum') return fieldText('enum', { allowed: (params.allowedValues as unknown[]).join(', ') });
  if (keyword === 'const') return fieldText('const', { allowed: String(params.allowedValue) });
  if (keyword === 'anyOf' || keyword === 'oneOf') return fieldText('noMatch');
  return fieldText('invalid', { reason: message ?? keyword });
}
