import { Type } from '@sinclair/typebox';
import { IsoTime, UnitPath } from '../common.ts';

const Json = Type.Record(Type.String(), Type.Unknown());
const BothLanguages = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

export const TemplateVersionParams = Type.Object({
  id: Type.String({ description: 'The template, e.g. key-matters', maxLength: 64 }),
  version: Type.String({ description: 'Semver, e.g. 1.0.0', maxLength: 32 }),
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const TemplateSummary = Type.Object({
  id: Type.String(),
  version: Type.String({ description: 'The newest version in the library' }),
  versions: Type.Array(Type.String()),
  name: BothLanguages,
  description: BothLanguages,
  category: Type.String(),
  roles: Type.Array(Type.String()),
  sources: Type.Array(Type.Object({ title: Type.String(), article: Type.Optional(Type.String()), rule: BothLanguages })),
});

const TemplateForm = Type.Object({ key: Type.String(), title: Type.String(), schema: Json, uiSchema: Type.Optional(Json) });

export const TemplateDetail = Type.Object({
  manifest: Json,
  process: Type.String({ description: 'BPMN 2.0 XML with {{parameter}} placeholders' }),
  forms: Type.Array(TemplateForm),
  parameters: TemplateForm,
  texts: Type.Optional(Json),
  readme: Type.Optional(Type.String()),
});

const Bound = Type.Object(
  {
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    enum: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 200 })),
    minItems: Type.Optional(Type.Integer({ minimum: 0 })),
    maxItems: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const PublishBody = Type.Object(
  {
    unit: UnitPath,
    bounds: Type.Optional(Type.Record(Type.String(), Bound, { description: 'Per parameter: the town’s bounds, within the template’s' })),
    defaults: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Per parameter: the town’s default' })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const Publication = Type.Object({
  id: Type.String(),
  templateId: Type.String(),
  version: Type.String(),
  unitPath: Type.String(),
  bounds: Json,
  defaults: Json,
  note: Type.Optional(Type.String()),
  publishedAt: IsoTime,
  publishedBy: Type.String(),
  name: Type.Optional(BothLanguages),
  description: Type.Optional(BothLanguages),
  unitName: Type.Optional(Type.String({ description: 'The name of the unit that published it' })),
});

export const PublicationDetail = Type.Composite([
  Publication,
  Type.Object({ parameters: Type.Composite([TemplateForm], { description: 'The parameters under the town’s bounds, as a form' }) }),
]);

export const PublicationsQuery = Type.Object(
  { unit: Type.Optional(UnitPath), template: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);

const PatchOp = Type.Object(
  { op: Type.String({ maxLength: 16 }), path: Type.String({ maxLength: 300 }), value: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
);

export const Overlay = Type.Object(
  {
    parameters: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'The values the unit sets; the rest follow the town' }),
    ),
    fields: Type.Optional(
      Type.Record(Type.String(), Type.Array(PatchOp, { maxItems: 100 }), {
        description: 'Per form key: JSON Patch add operations (a new field, required, its display, its place)',
      }),
    ),
    name: Type.Optional(Type.String({ maxLength: 60, description: 'The unit’s own name for the procedure' })),
  },
  { additionalProperties: false },
);

export const PreviewBody = Type.Object({ publicationId: Type.String(), unit: UnitPath, overlay: Overlay }, { additionalProperties: false });
export const AdoptBody = Type.Object(
  { publicationId: Type.String(), unit: UnitPath, overlay: Overlay, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const CustomiseBody = Type.Object(
  { revision: Type.Integer({ minimum: 1 }), overlay: Overlay, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
const Decision = Type.Object(
  {
    action: Type.Union([Type.Literal('drop'), Type.Literal('default'), Type.Literal('value'), Type.Literal('rename')]),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
const Decisions = Type.Record(Type.String(), Decision, { description: 'Per conflict id: how it is settled' });
export const UpgradePlanBody = Type.Object(
  { publicationId: Type.String(), decisions: Type.Optional(Decisions) },
  { additionalProperties: false },
);
export const UpgradeBody = Type.Object(
  {
    publicationId: Type.String(),
    revision: Type.Integer({ minimum: 1 }),
    decisions: Type.Optional(Decisions),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const RollbackBody = Type.Object(
  { revision: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const Rendering = Type.Object({ xml: Type.String(), forms: Type.Array(TemplateForm), variables: Json });

const Deployment = Type.Object({
  publicationId: Type.String(),
  version: Type.String(),
  overlay: Json,
  definitionId: Type.String(),
  deployedAt: IsoTime,
  deployedBy: Type.String(),
  note: Type.Optional(Type.String()),
});

export const Adoption = Type.Object({
  id: Type.String(),
  templateId: Type.String(),
  unitPath: Type.String(),
  revision: Type.Integer({ description: 'Send it back with a change: a stale one answers 409 SZ_ADOPTION_CONFLICT' }),
  publicationId: Type.String(),
  version: Type.String({ description: 'The template version deployed now' }),
  overlay: Json,
  definitionId: Type.String({ description: 'The definition deployed now' }),
  deployments: Type.Array(Deployment),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  updatedBy: Type.String(),
});

export const AdoptionsQuery = Type.Object({ unit: Type.Optional(UnitPath) }, { additionalProperties: false });

const Conflict = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  message: Type.String(),
  options: Type.Array(Type.String()),
  current: Type.Optional(Type.Unknown()),
  refused: Type.Optional(Type.String()),
});

export const UpgradePlan = Type.Object({
  changes: Type.Object({
    from: Type.String(),
    to: Type.String(),
    parameters: Type.Array(Json),
    steps: Type.Array(Json),
    flows: Type.Object({ added: Type.Integer(), removed: Type.Integer() }),
    forms: Type.Array(Json),
    summary: Type.Array(Type.String()),
  }),
  overlay: Json,
  conflicts: Type.Array(Conflict),
});
