import { Type } from '@sinclair/typebox';
import { NON_BLANK } from '../../errors/schemaProblems.ts';
import { Cursor, Id, IsoTime, Limit, UnitPath, Variables } from '../common.ts';
import { Task } from '../tasks/schemas.ts';

export const StartBody = Type.Object(
  {
    definitionKey: Type.String({ minLength: 1, maxLength: 200 }),
    orgUnit: UnitPath,
    businessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    variables: Type.Optional(Variables),
  },
  { additionalProperties: false },
);

export const InstanceStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('completed'),
  Type.Literal('terminated'),
  Type.Literal('cancelled'),
  Type.Literal('withdrawn'),
]);

export const Instance = Type.Object({
  id: Type.String(),
  definitionId: Type.String(),
  definitionKey: Type.String(),
  unitPath: Type.String(),
  businessKey: Type.Optional(Type.String()),
  status: InstanceStatus,
  version: Type.Integer(),
  startedAt: IsoTime,
  startedBy: Type.String(),
  endedAt: Type.Optional(IsoTime),
  parentId: Type.Optional(Type.String()),
  incidents: Type.Integer(),
  processName: Type.Optional(Type.String({ description: 'The name of its procedure (lists)' })),
});

export const StartedInstance = Type.Object({
  ...Instance.properties,
  tasks: Type.Array(Task, {
    description:
      'The open tasks of the instance that are yours to work: assigned to you, or offered to you or your groups. The clerk who starts a procedure goes straight on to its first form.',
  }),
});

export const Incident = Type.Object({
  id: Type.String(),
  elementId: Type.String(),
  elementInstanceKey: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

export const HistoryItem = Type.Object({
  seq: Type.Integer(),
  type: Type.String(),
  at: IsoTime,
  actor: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const WaitingJob = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('timer'), Type.Literal('external'), Type.Literal('outbox')], {
    description: 'timer: a timer of the instance; external: a job for an outside worker; outbox: work the server does for the instance',
  }),
  type: Type.String({ description: 'External jobs: the job type workers fetch; outbox: what the work is; timers: timer' }),
  elementId: Type.Optional(Type.String()),
  dueAt: IsoTime,
  retries: Type.Integer({ description: 'Attempts left; 0: out of retries, parked' }),
  lockedUntil: Type.Optional(IsoTime),
  lastError: Type.Optional(Type.String()),
  incident: Type.Optional(
    Type.String({ description: 'The incident the job, out of retries, is parked on: resolving it runs the job again' }),
  ),
});

export const InstanceDetail = Type.Object({
  instance: Instance,
  variables: Variables,
  activeElementIds: Type.Array(Type.String(), { description: 'Elements with a token or waiting, for highlighting the diagram' }),
  incidents: Type.Array(Incident),
  jobs: Type.Array(WaitingJob, { description: 'What the instance waits on besides people, oldest first' }),
  history: Type.Array(HistoryItem, { description: 'The first 200 events; historyNext says there are more (GET .../history?after=)' }),
  historyNext: Type.Optional(Type.Integer({ description: 'Read on with GET /api/process-instances/:id/history?after=this' })),
  cancelled: Type.Optional(
    Type.Object(
      {
        by: Type.String({ description: 'The user who cancelled it (system:… when the instance that called it ended)' }),
        at: IsoTime,
        reason: Type.Optional(Type.String()),
      },
      { description: 'Who cancelled the instance, when and why; absent unless it was cancelled' },
    ),
  ),
});

export const ListQuery = Type.Object(
  {
    status: Type.Optional(InstanceStatus),
    definitionKey: Type.Optional(Type.String({ maxLength: 200 })),
    businessKey: Type.Optional(Type.String({ maxLength: 200 })),
    startedBy: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Only those this user started: a user id, or `me` (我发起的)' }),
    ),
    withIncidents: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const InstanceParams = Type.Object({ id: Id });

export const WithdrawBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Why the starter takes it back; kept in its history' })) },
  { additionalProperties: false },
);

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      pattern: NON_BLANK,
      maxLength: 1000,
      description: 'Why the instance is cancelled: required, recorded in its history and shown with it',
    }),
  },
  { additionalProperties: false },
);

export const IncidentParams = Type.Object({ instanceId: Id, incidentId: Id });

export const CcBody = Type.Object(
  {
    userIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'A word to the people copied' })),
  },
  { additionalProperties: false },
);

export const Copy = Type.Object({
  userId: Type.String(),
  at: IsoTime,
  readAt: Type.Optional(IsoTime),
  note: Type.Optional(Type.String()),
});

export const HistoryQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'The seq to read on after (historyNext, or a page’s next)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { additionalProperties: false },
);

export const TimelineItem = Type.Object({
  at: IsoTime,
  kind: Type.Union(
    ['started', 'arrived', 'completed', 'returned', 'signersAdded', 'ended', 'withdrawn', 'cancelled'].map((k) => Type.Literal(k)),
  ),
  stepId: Type.Optional(Type.String({ description: 'The BPMN element of the step' })),
  stepName: Type.Optional(Type.String()),
  actor: Type.Optional(Type.String({ description: 'Who did it: a user id' })),
  actorName: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.String({ description: 'For an arrival: the user the step waits on' })),
  assigneeName: Type.Optional(Type.String()),
  note: Type.Optional(Type.String({ description: 'A return’s or an end’s reason' })),
});

export const CopiedToMe = Type.Object({
  id: Type.String({ description: 'The copy (a notification of kind cc)' }),
  instanceId: Type.String(),
  processName: Type.Optional(Type.String()),
  businessKey: Type.Optional(Type.String()),
  title: Type.String(),
  note: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ description: 'Who copied it: a user id' })),
  fromName: Type.Optional(Type.String()),
  at: IsoTime,
  read: Type.Boolean(),
});

export const CopiesQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });
