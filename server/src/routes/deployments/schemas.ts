import { Type } from '@sinclair/typebox';
import { Id, IsoTime, UnitPath } from '../common.ts';

export const DeployBody = Type.Object(
  {
    xml: Type.String({ minLength: 1, description: 'BPMN 2.0 XML (a file field of that name in multipart form data)' }),
    unit: UnitPath,
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
});

export const Problem = Type.Object({
  rule: Type.String(),
  elementId: Type.Optional(Type.String()),
  elementType: Type.Optional(Type.String()),
  message: Type.String(),
});

export const ListQuery = Type.Object({ key: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });

export const DefinitionParams = Type.Object({ id: Id });
