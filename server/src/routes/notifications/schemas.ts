import { NOTIFICATION_KINDS } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { Cursor, Id, IsoTime, Limit } from '../common.ts';

export const NotificationKind = Type.Union(
  NOTIFICATION_KINDS.map((kind) => Type.Literal(kind)),
  {
    description:
      'task: a new task for you; cc: a copy; urged: someone urges you; due-soon, overdue: your task; returned, withdrawn: your task was returned or withdrawn; delegated: a task delegated to you',
  },
);

export const Notification = Type.Object({
  id: Type.String(),
  kind: NotificationKind,
  unitPath: Type.String(),
  instanceId: Type.Optional(Type.String()),
  taskId: Type.Optional(Type.String()),
  title: Type.String({ description: 'zh-CN, e.g. 新待办：两委会议商议（鹤峰村文化室修缮）' }),
  body: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ description: 'Who sent it by hand (抄送, 催办): a user id' })),
  fromName: Type.Optional(Type.String()),
  createdAt: IsoTime,
  readAt: Type.Optional(IsoTime),
});

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only those not read yet' })),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const UnreadCount = Type.Object({ unread: Type.Integer() });

export const ReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true, description: 'Your notifications to mark read' })),
    all: Type.Optional(Type.Boolean({ description: 'Mark every notification of yours read' })),
  },
  { additionalProperties: false },
);

export const ReadResult = Type.Object({
  marked: Type.Integer({ description: 'How many were unread and are read now' }),
  unread: Type.Integer({ description: 'How many are left unread' }),
});
