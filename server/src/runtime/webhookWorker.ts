import { type InstanceJobRecord, type NotificationRecord, type Store, StoreConflict, type WebhookRecord } from '@shanzhi/store';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { CommandExecutor } from './commandExecutor.ts';
import { backoffAfter, deliveryBody, deliveryOf } from './webhookDeliveries.ts';
import { SIGNATURE_HEADER, signature, TIMESTAMP_HEADER } from './webhookSignature.ts';

/** How one attempt ended, as the workers' metrics count it. */
export type DeliveryOutcome = 'done' | 'retry' | 'dead' | 'moot' | 'lost';

/**
 * Delivers notifications to the towns' gateways: one signed POST per claimed delivery job. A 2xx
 * answer finishes the job (in a commit of its instance, as every job of an instance ends); any
 * other answer, no answer within the timeout, or no connection is a failed attempt, tried again
 * after the next wait of WEBHOOK_BACKOFF_MS. After the last attempt the job stays, out of retries
 * and waiting for no incident, as a dead letter an admin can replay. A delivery never raises an
 * incident: the procedure it tells of is not held up by a town's gateway.
 */
export class WebhookWorker {
  constructor(
    private readonly deps: {
      store: Store;
      executor: CommandExecutor;
      clock: Clock;
      log: FastifyBaseLogger;
      timeoutMs: number;
    },
  ) {}

  async deliver(job: InstanceJobRecord, owner: string): Promise<DeliveryOutcome> {
    const delivery = deliveryOf(job);
    const webhook = delivery && (await this.deps.store.webhooks.byId(delivery.webhookId));
    if (!delivery || !webhook?.enabled) {
      this.deps.log.info({ jobId: job.id, webhookId: delivery?.webhookId }, 'webhook removed or disabled: delivery dropped');
      return this.finish(job, owner, 'moot');
    }
    const failure = await this.post(webhook, delivery.notification);
    return failure === undefined ? this.finish(job, owner, 'done') : this.failed(job, owner, webhook, failure);
  }

  private async finish(job: InstanceJobRecord, owner: string, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    try {
      if (!(await this.deps.executor.touch(job.instanceId, { done: [{ id: job.id, owner }] }))) {
        throw new Error(`webhook delivery ${job.id}: instance ${job.instanceId} is gone`);
      }
      return outcome;
    } catch (error) {
      if (error instanceof StoreConflict && error.entity === 'job') return 'lost';
      throw error;
    }
  }

  private async failed(job: InstanceJobRecord, owner: string, webhook: WebhookRecord, failure: string): Promise<DeliveryOutcome> {
    const now = this.deps.clock.now();
    const retries = Math.max(job.retries - 1, 0);
    // A dead letter is due when it was given up: the dead-letter list shows the last given up first.
    const dueAt = retries > 0 ? now + backoffAfter(job.retries) : now;
    if (!(await this.deps.store.jobs.retryLater(job.id, owner, retries, dueAt, failure))) return 'lost';
    const about = { jobId: job.id, webhookId: webhook.id, failure, retries };
    if (retries > 0) this.deps.log.warn(about, 'webhook delivery failed; retrying later');
    else this.deps.log.error(about, 'webhook delivery failed every attempt: kept as a dead letter');
    return retries > 0 ? 'retry' : 'dead';
  }

  /** Undefined when the gateway answered 2xx; else what went wrong. */
  private async post(webhook: WebhookRecord, notification: NotificationRecord): Promise<string | undefined> {
    const username = (await this.deps.store.users.byId(notification.userId))?.username;
    const body = JSON.stringify(deliveryBody(notification, username));
    const timestamp = Math.floor(this.deps.clock.now() / 1000);
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shanzhi-event': notification.kind,
          'x-shanzhi-delivery': notification.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signature(webhook.secret, timestamp, body),
        },
        body,
        // A redirect is not followed: the town registered this address, not the one it points to.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return this.reasonOf(error);
    }
  }

  private reasonOf(error: unknown): string {
    if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${this.deps.timeoutMs / 1000} s`;
    const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
    if (typeof cause?.code === 'string') return `could not connect: ${cause.code}`;
    return error instanceof Error ? error.message : String(error);
  }
}
