import { Type } from '@sinclair/typebox';

export const FieldRule = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 200, description: 'A top-level property of the form' }),
    access: Type.Union([Type.Literal('editable'), Type.Literal('readonly'), Type.Literal('hidden'), Type.Literal('required')]),
  },
  { additionalProperties: false, description: "A step's rule for one field (the engine's sz:field)" },
);

/** The envelope only; @shanzhi/forms checks the schema itself (meta-schema, our rules) and names paths. */
export const FormDefinition = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 100 }),
    version: Type.Integer({ minimum: 1 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    schema: Type.Object({}, { additionalProperties: true, description: 'JSON Schema 2020-12 with type "object" at the root' }),
    uiSchema: Type.Optional(Type.Object({}, { additionalProperties: true, description: "react-jsonschema-form's uiSchema" })),
  },
  { additionalProperties: false },
);

export const ValidateBody = Type.Object(
  {
    form: FormDefinition,
    data: Type.Unknown({ description: 'The submission, a JSON object' }),
    rules: Type.Optional(Type.Array(FieldRule, { maxItems: 200 })),
    previous: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "The instance's current values" })),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' })),
  },
  { additionalProperties: false },
);

export const SubmissionError = Type.Object({
  field: Type.String({ description: 'JSON pointer into data, e.g. /tenants/0/idNumber' }),
  code: Type.String({ description: 'The JSON Schema keyword that failed, or readonly, hidden, maxDepth' }),
  message: Type.String(),
});

export const ValidateResult = Type.Object({ ok: Type.Boolean(), errors: Type.Array(SubmissionError) });
