import { Type } from '@sinclair/typebox';
import { Cursor, Id, IsoTime, Limit, Variables } from '../common.ts';
import { TASK_ACTIONS } from './actions.ts';

export const TaskStatus = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')]);

export const Task = Type.Object({
  id: Type.String(),
  instanceId: Type.String(),
  elementId: Type.String(),
  name: Type.Optional(Type.String()),
  definitionKey: Type.String(),
  unitPath: Type.String(),
  status: TaskStatus,
  assignee: Type.Optional(Type.String()),
  owner: Type.Optional(Type.String({ description: 'Set while the task is delegated: who it goes back to' })),
  onBehalfOf: Type.Optional(
    Type.String({
      description: 'Set while a deputy holds the task for a user who is away (委托, /api/delegations): the user it was meant for',
    }),
  ),
  candidateUsers: Type.Array(Type.String()),
  candidateGroups: Type.Array(Type.String(), { description: 'role@unit groups the task is offered to' }),
  dueAt: Type.Optional(IsoTime),
  followUpAt: Type.Optional(IsoTime),
  priority: Type.Integer(),
  formKey: Type.Optional(Type.String()),
  createdAt: IsoTime,
  endedAt: Type.Optional(IsoTime),
  endedBy: Type.Optional(Type.String()),
  version: Type.Integer(),
  processName: Type.Optional(Type.String({ description: 'The name of its procedure (inbox and task detail)' })),
  businessKey: Type.Optional(Type.String({ description: 'The number of its matter (inbox and task detail)' })),
});

export const TaskDetail = Type.Composite([
  Task,
  Type.Object({
    actions: Type.Array(Type.Union(TASK_ACTIONS.map((a) => Type.Literal(a))), {
      description: 'What the person asking may do to the task now (none once it has ended): the web app shows exactly these',
    }),
  }),
]);

export const InboxCounts = Type.Object({
  mine: Type.Integer({ description: 'Open tasks assigned to me' }),
  groups: Type.Integer({ description: 'Open tasks offered to me or my groups, not yet claimed' }),
  all: Type.Integer({ description: 'Both' }),
  overdue: Type.Integer({ description: 'Of all, those past their due time' }),
  dueSoon: Type.Integer({ description: 'Of all, those due within the next 24 hours' }),
});

export const InboxQuery = Type.Object(
  {
    status: Type.Optional(TaskStatus),
    definitionKey: Type.Optional(Type.String({ maxLength: 200 })),
    dueBefore: Type.Optional(IsoTime),
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('priority'), Type.Literal('created')])),
    scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('group'), Type.Literal('all')])),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const TaskParams = Type.Object({ id: Id });
export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

export const UserBody = Type.Object({ userId: Id }, { additionalProperties: false });

export const CompleteBody = Type.Object({ variables: Type.Optional(Variables) }, { additionalProperties: false });

export const CommentBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });

export const Comment = Type.Object({ id: Type.String(), taskId: Type.String(), author: Type.String(), text: Type.String(), at: IsoTime });

export const Attachment = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  at: IsoTime,
});

export const ReturnTarget = Type.Object({
  elementId: Type.String(),
  name: Type.Optional(Type.String()),
  lastAssignee: Type.Optional(Type.String({ description: 'Who did the step last: the step goes back to them' })),
  completedAt: IsoTime,
});

export const ReturnBody = Type.Object(
  {
    to: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The step to go back to; default the previous user step' })),
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  { userId: Id, reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const AddSignersBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('before'), Type.Literal('after'), Type.Literal('parallel')], {
      description:
        'before (前加签): the signer first, then back to the holder; after (后加签): each in turn once the holder has completed; parallel (并加签): beside the holder',
    }),
    userIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const BatchCompleteBody = Type.Object(
  {
    taskIds: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
    comment: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
    variables: Type.Optional(Variables),
  },
  { additionalProperties: false },
);

export const BatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      taskId: Type.String(),
      ok: Type.Boolean(),
      task: Type.Optional(Task),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

export const UrgeBody = Type.Object(
  { message: Type.Optional(Type.String({ maxLength: 500, description: 'A word to the holder, shown with the reminder' })) },
  { additionalProperties: false },
);
