import { Type } from '@sinclair/typebox';
import { Id, IsoTime } from '../common.ts';

export const Delegation = Type.Object({
  id: Type.String(),
  userId: Type.String({ description: 'Who is away' }),
  deputyId: Type.String({ description: 'Who takes their new tasks meanwhile' }),
  from: IsoTime,
  until: IsoTime,
  definitionKey: Type.Optional(Type.String({ description: 'Only tasks of this procedure; absent: every procedure' })),
  reason: Type.Optional(Type.String()),
  createdAt: IsoTime,
  createdBy: Type.String({ description: 'The user themselves, or the admin who set it for them' }),
  endedAt: Type.Optional(IsoTime),
});

export const DelegationBody = Type.Object(
  {
    deputyId: Id,
    userId: Type.Optional(Id),
    from: Type.Optional(IsoTime),
    until: IsoTime,
    definitionKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const DelegationParams = Type.Object({ id: Id });
