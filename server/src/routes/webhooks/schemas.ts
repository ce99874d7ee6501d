import { Type } from '@sinclair/typebox';
import { Cursor, Id, IsoTime, Limit, UnitPath } from '../common.ts';
import { NotificationKind } from '../notifications/schemas.ts';

const webhookFields = {
  id: Type.String(),
  unitPath: Type.String(),
  url: Type.String(),
  secretHint: Type.String({
    description: 'The end of the secret, e.g. …x7Qa; the secret itself is shown once, when the webhook is created',
  }),
  kinds: Type.Optional(Type.Array(NotificationKind, { description: 'Only these kinds are sent; absent: every kind' })),
  enabled: Type.Boolean(),
  createdAt: IsoTime,
  createdBy: Type.String(),
};

export const Webhook = Type.Object(webhookFields);

export const CreatedWebhook = Type.Object({
  ...webhookFields,
  secret: Type.String({ description: 'The HMAC key deliveries are signed with; keep it in the gateway, it is not shown again' }),
});

export const NewWebhook = Type.Object(
  {
    unitPath: UnitPath,
    url: Type.String({
      minLength: 8,
      maxLength: 2000,
      pattern: '^[hH][tT][tT][pP][sS]?://',
      description: 'The town’s own gateway (SMS, WeChat Work), http or https; one on the town’s own network is fine',
    }),
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: 'The HMAC key; a random one when absent' })),
    kinds: Type.Optional(Type.Array(NotificationKind, { minItems: 1, uniqueItems: true })),
    enabled: Type.Optional(Type.Boolean({ description: 'Default true; a disabled webhook is sent nothing' })),
  },
  { additionalProperties: false },
);

export const WebhookParams = Type.Object({ id: Id });

export const DeadLetter = Type.Object({
  id: Type.String({ description: 'The delivery; replay it by this id' }),
  webhookId: Type.String(),
  notificationId: Type.String(),
  kind: NotificationKind,
  userId: Type.String(),
  unitPath: Type.String({ description: 'The notification’s unit' }),
  title: Type.String(),
  lastError: Type.String({ description: 'What the last attempt met, e.g. HTTP 502, no answer within 5 s' }),
  failedAt: IsoTime,
  createdAt: IsoTime,
});

export const DeadLetterQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });
