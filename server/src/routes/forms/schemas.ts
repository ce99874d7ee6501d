import { Type } from '@sinclair/typebox';
import { Id, IsoTime, UnitPath } from '../common.ts';

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
  label: Type.Optional(Type.String({ description: 'The title the form gives the field' })),
});

export const ValidateResult = Type.Object({ ok: Type.Boolean(), errors: Type.Array(SubmissionError) });

/** A form as a designer deploys it: the store gives the version. */
export const FormInput = Type.Object(
  {
    key: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_.-]+$',
      description: 'Stable id of the form, e.g. key-matter-proposal',
    }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    schema: FormDefinition.properties.schema,
    uiSchema: FormDefinition.properties.uiSchema,
  },
  { additionalProperties: false },
);

export const DeployFormBody = Type.Object({ unit: UnitPath, form: FormInput }, { additionalProperties: false });

export const FormSummary = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  unitPath: Type.String(),
  title: Type.String(),
  deployedAt: IsoTime,
  deployedBy: Type.String(),
});

export const FormDetail = Type.Intersect([
  FormSummary,
  Type.Object({ schema: Type.Record(Type.String(), Type.Unknown()), uiSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
]);

/** A form as one step shows it to the person asking (packages/forms stepView). */
export const StepForm = Type.Object({
  form: Type.Object({ id: Type.String(), key: Type.String(), version: Type.Integer(), title: Type.String() }),
  schema: Type.Record(Type.String(), Type.Unknown(), { description: 'The form schema without the fields hidden at this step' }),
  uiSchema: Type.Record(Type.String(), Type.Unknown()),
  values: Type.Record(Type.String(), Type.Unknown(), { description: 'Current values of the fields shown' }),
  rules: Type.Array(FieldRule),
  editable: Type.Boolean({ description: 'Whether the person asking may submit it now' }),
});

export const FormProblem = Type.Object({ form: Type.String(), path: Type.String(), code: Type.String(), message: Type.String() });

export const FormListQuery = Type.Object({ key: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

export const FormParams = Type.Object({ id: Id });
