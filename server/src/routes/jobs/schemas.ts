import { Type } from '@sinclair/typebox';
import { Id, IsoTime, Variables } from '../common.ts';

const Worker = Type.String({ minLength: 1, maxLength: 200, description: 'The worker’s name; only the worker holding the lock may answer' });

export const FetchBody = Type.Object(
  {
    types: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
    worker: Worker,
    max: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
    lockMs: Type.Integer({ minimum: 1000, maximum: 24 * 3600_000, default: 60_000 }),
    longPollMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 300_000 })),
  },
  { additionalProperties: false },
);

export const Job = Type.Object({
  id: Type.String(),
  type: Type.String(),
  instanceId: Type.String(),
  elementId: Type.String(),
  unitPath: Type.String(),
  retries: Type.Integer(),
  variables: Variables,
  headers: Type.Record(Type.String(), Type.String()),
  lockedUntil: IsoTime,
});

export const JobParams = Type.Object({ id: Id });

export const CompleteBody = Type.Object({ worker: Worker, variables: Type.Optional(Variables) }, { additionalProperties: false });

export const FailBody = Type.Object(
  {
    worker: Worker,
    retries: Type.Integer({ minimum: 0, maximum: 100, description: 'Retries left; 0 raises an incident' }),
    backoffMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 24 * 3600_000 })),
    errorCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'A BPMN error code: thrown at the task, caught by an error boundary' }),
    ),
    errorMessage: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const FailResult = Type.Object({ retries: Type.Integer(), incident: Type.Boolean() });

export const ExtendBody = Type.Object(
  { worker: Worker, lockMs: Type.Integer({ minimum: 1000, maximum: 24 * 3600_000 }) },
  { additionalProperties: false },
);

export const ExtendResult = Type.Object({ lockedUntil: IsoTime });
