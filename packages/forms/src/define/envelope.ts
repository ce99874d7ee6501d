/**
 * The shape of a form definition around its schema, as JSON Schema 2020-12 (checked with the
 * same Ajv as forms). The schema itself is checked against the meta-schema separately.
 */

/**
 * react-jsonschema-form's uiSchema: `ui:*` options at each level, and under any other key the
 * uiSchema of that property (or `items` of an array). Only the shape is ours to check; what the
 * options mean is the browser's business, so unknown `ui:*` options pass.
 */
const UI_NODE = {
  type: 'object',
  properties: {
    'ui:order': { type: 'array', items: { type: 'string' }, uniqueItems: true },
    'ui:widget': { type: 'string' },
    'ui:field': { type: 'string' },
    'ui:placeholder': { type: 'string' },
    'ui:title': { type: 'string' },
    'ui:description': { type: 'string' },
    'ui:help': { type: 'string' },
    'ui:classNames': { type: 'string' },
    'ui:autofocus': { type: 'boolean' },
    'ui:disabled': { type: 'boolean' },
    'ui:readonly': { type: 'boolean' },
    'ui:options': { type: 'object' },
  },
  patternProperties: { '^ui:': true },
  additionalProperties: { $ref: '#/$defs/uiNode' },
} as const;

export const ENVELOPE_SCHEMA = {
  type: 'object',
  required: ['key', 'version', 'title', 'schema'],
  properties: {
    key: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9._-]{0,99}$' },
    version: { type: 'integer', minimum: 1 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    schema: { type: 'object' },
    uiSchema: { $ref: '#/$defs/uiNode' },
  },
  additionalProperties: false,
  $defs: { uiNode: UI_NODE },
} as const;
