import type { InstanceJobRecord, JobRecord, NotificationRecord, WebhookRecord } from '@shanzhi/store';

/** The outbox job type of a webhook delivery. */
export const WEBHOOK_JOB = 'webhook';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait after each failed attempt; after the last attempt fails, the delivery is a dead letter. */
export const WEBHOOK_BACKOFF_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR];

/** Attempts of one delivery: the first, then one after each wait. A replayed dead letter gets them all again. */
export const WEBHOOK_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;

/** What a delivery job carries: the webhook, and the notification as it was written. */
export interface Delivery {
  readonly webhookId: string;
  readonly notification: NotificationRecord;
}

/** The wait before the next attempt, after one made with `retries` left has failed. */
export function backoffAfter(retries: number): number {
  const attempt = Math.min(Math.max(WEBHOOK_ATTEMPTS - retries, 0), WEBHOOK_BACKOFF_MS.length - 1);
  return WEBHOOK_BACKOFF_MS[attempt] as number;
}

/** An enabled webhook takes the kinds it names, or every kind when it names none. */
function takes(webhook: WebhookRecord, notification: NotificationRecord): boolean {
  return webhook.enabled && (webhook.kinds === undefined || webhook.kinds.includes(notification.kind));
}

/**
 * One outbox job of the instance per notification and webhook that takes it, due at once. It
 * belongs to the webhook's unit, so the town's admins see its dead letters, not the village's.
 */
export function deliveriesOf(
  notifications: readonly NotificationRecord[],
  webhooks: readonly WebhookRecord[],
  ctx: { readonly instanceId: string; readonly now: number; readonly newId: () => string },
): InstanceJobRecord[] {
  return notifications.flatMap((notification) =>
    webhooks
      .filter((webhook) => takes(webhook, notification))
      .map(
        (webhook): InstanceJobRecord => ({
          id: ctx.newId(),
          kind: 'outbox',
          type: WEBHOOK_JOB,
          instanceId: ctx.instanceId,
          unitPath: webhook.unitPath,
          ref: `webhook:${notification.id}:${webhook.id}`,
          dueAt: ctx.now,
          retries: WEBHOOK_ATTEMPTS,
          payload: { webhookId: webhook.id, notification } satisfies Delivery,
          createdAt: ctx.now,
        }),
      ),
  );
}

export function isDelivery(job: JobRecord): job is InstanceJobRecord {
  return job.kind === 'outbox' && job.type === WEBHOOK_JOB;
}

/** The delivery a job carries; undefined when its payload is not one (nothing to deliver). */
export function deliveryOf(job: Pick<InstanceJobRecord, 'payload'>): Delivery | undefined {
  const { webhookId, notification } = job.payload as Partial<Record<keyof Delivery, unknown>>;
  if (typeof webhookId !== 'string' || notification === null || typeof notification !== 'object') return undefined;
  const n = notification as Partial<NotificationRecord>;
  if (typeof n.id !== 'string' || typeof n.userId !== 'string' || typeof n.kind !== 'string' || typeof n.title !== 'string')
    return undefined;
  return { webhookId, notification: n as NotificationRecord };
}

/** What a gateway receives: the notification, with the username, in a fixed shape (absent fields are null). */
export function deliveryBody(notification: NotificationRecord, username: string | undefined) {
  return {
    id: notification.id,
    kind: notification.kind,
    userId: notification.userId,
    username: username ?? null,
    unitPath: notification.unitPath,
    title: notification.title,
    body: notification.body ?? null,
    instanceId: notification.instanceId ?? null,
    taskId: notification.taskId ?? null,
    createdAt: new Date(notification.createdAt).toISOString(),
  };
}
