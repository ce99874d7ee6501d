import { Type } from '@sinclair/typebox';
import { Variables } from '../common.ts';

export const MessageBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    correlationKey: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    variables: Type.Optional(Variables),
  },
  { additionalProperties: false },
);

export const MessageResult = Type.Object({
  instanceId: Type.String({ description: 'The instance that took the message' }),
  started: Type.Boolean({ description: 'True when the message started it (message start event)' }),
});

export const SignalBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), variables: Type.Optional(Variables) },
  { additionalProperties: false },
);

export const SignalResult = Type.Object({ delivered: Type.Array(Type.String()), started: Type.Array(Type.String()) });
