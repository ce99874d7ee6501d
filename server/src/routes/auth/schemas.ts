import { Type } from '@sinclair/typebox';
import { UnitPath } from '../common.ts';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object({ refreshToken: Type.String({ minLength: 1 }) }, { additionalProperties: false });

export const LogoutBody = Type.Object({ refreshToken: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false });

export const Tokens = Type.Object({
  token: Type.String({ description: 'Access token (JWT), sent as `Authorization: Bearer <token>`' }),
  refreshToken: Type.Optional(Type.String()),
  expiresIn: Type.Integer({ description: 'Seconds the access token lasts' }),
});

export const Grant = Type.Object({ role: Type.String(), unitPath: UnitPath });

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  grants: Type.Array(Grant),
  groups: Type.Array(Type.String()),
});
