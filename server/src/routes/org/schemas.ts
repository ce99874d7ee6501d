import { ROLES } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { Cursor, Id, Limit, UnitPath } from '../common.ts';

export const UnitKind = Type.Union([
  Type.Literal('district'),
  Type.Literal('town'),
  Type.Literal('village'),
  Type.Literal('community'),
  Type.Literal('cooperative'),
  Type.Literal('compound'),
  Type.Literal('grid'),
  Type.Literal('department'),
  Type.Literal('party'),
]);

export const Unit = Type.Object({ id: Type.String(), path: UnitPath, name: Type.String(), kind: Type.String() });

export const NewUnit = Type.Object(
  { path: UnitPath, name: Type.String({ minLength: 1, maxLength: 200 }), kind: UnitKind },
  { additionalProperties: false },
);

export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const GrantBody = Type.Object({ role: Role, unitPath: UnitPath }, { additionalProperties: false });

export const NewUser = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 1000 }),
    grants: Type.Array(GrantBody, {
      minItems: 1,
      description: 'At least one: a user belongs to a unit, and an admin sees a user through their grants.',
    }),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object({ password: Type.String({ minLength: 8, maxLength: 1000 }) }, { additionalProperties: false });

export const DisabledBody = Type.Object(
  { disabled: Type.Boolean({ description: 'true: the account signs in no more; false: it is enabled again' }) },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  grants: Type.Array(
    Type.Object({
      role: Type.String(),
      unitPath: Type.String(),
      revocable: Type.Boolean({ description: 'Whether you may take this role back' }),
    }),
  ),
  actions: Type.Array(Type.Union([Type.Literal('grant'), Type.Literal('password'), Type.Literal('disable'), Type.Literal('enable')]), {
    description: 'What you may do with this user: grant a role (at a unit of yours), set the password, disable or enable the account',
  }),
});

export const UserParams = Type.Object({ id: Id });

export const UserListQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });
