import { Type } from '@sinclair/typebox';
import { Id, IsoTime, UnitPath } from '../common.ts';
import { FormInput, FormSummary } from '../forms/schemas.ts';

/** Forms one deployment may carry. */
export const MAX_DEPLOYED_FORMS = 50;

/** What changed in a version, in the deployer's words: a line or two for the version list. */
const VersionNote = Type.String({ minLength: 1, maxLength: 500, description: 'What changed in this version, shown in the version list' });

export const DeployBody = Type.Object(
  {
    xml: Type.String({ minLength: 1, description: 'BPMN 2.0 XML (a file field of that name in multipart form data)' }),
    unit: UnitPath,
    forms: Type.Optional(
      Type.Array(FormInput, {
        maxItems: MAX_DEPLOYED_FORMS,
        description: 'Forms deployed with the model, before it, as new versions (multipart: *.form.json file fields named forms)',
      }),
    ),
    note: Type.Optional(VersionNote),
  },
  { additionalProperties: false },
);

export const Definition = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  unitPath: Type.String(),
  name: Type.Optional(Type.String()),
  deployedAt: IsoTime,
  deployedBy: Type.String(),
  note: Type.Optional(VersionNote),
  forms: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'The forms its steps show, pinned: form key -> form id' })),
  startable: Type.Optional(
    Type.Boolean({
      description: 'Whether a person may start it (it has a none start event); one started by timers or messages only may not',
    }),
  ),
});

export const Deployed = Type.Intersect([
  Definition,
  Type.Object({ deployedForms: Type.Array(FormSummary, { description: 'Forms this deployment stored' }) }),
]);

export const Problem = Type.Object({
  rule: Type.String(),
  elementId: Type.Optional(Type.String()),
  elementType: Type.Optional(Type.String()),
  message: Type.String(),
});

export const DeployQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({ description: 'Check everything deploy checks and answer 200 with the report, storing nothing', default: false }),
    ),
  },
  { additionalProperties: false },
);

/** What a dry run found: the problems deploy would refuse with, model and forms alike, each naming where it is. */
export const DeployReport = Type.Object({
  ok: Type.Boolean({ description: 'True when deploying this would succeed' }),
  refusal: Type.Optional(Type.Union([Type.Literal('SZ_BPMN_INVALID'), Type.Literal('SZ_FORM_DEFINITION_INVALID')])),
  problems: Type.Array(
    Type.Object({
      rule: Type.String({ description: "The model rule broken (e.g. 'feel-syntax') or the form problem's code" }),
      message: Type.String(),
      elementId: Type.Optional(Type.String({ description: 'The BPMN element it is on' })),
      elementType: Type.Optional(Type.String()),
      form: Type.Optional(Type.String({ description: 'The form key, for a problem in a deployed form' })),
      path: Type.Optional(Type.String({ description: 'Where in that form' })),
    }),
  ),
});

export const ListQuery = Type.Object({ key: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });

export const DefinitionParams = Type.Object({ id: Id });
