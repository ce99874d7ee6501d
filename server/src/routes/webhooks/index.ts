import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { InstanceJobRecord, WebhookRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { ApiError, invalidRequest } from '../../errors.ts';
import { assertCan, assertCanSomewhere, principal } from '../../plugins/tenancy.ts';
import { deliveryOf, isDelivery, WEBHOOK_ATTEMPTS, WEBHOOK_JOB } from '../../runtime/webhookDeliveries.ts';
import { errors, iso, page } from '../common.ts';
import { CreatedWebhook, DeadLetter, DeadLetterQuery, NewWebhook, Webhook, WebhookParams } from './schemas.ts';

/** Units whose admins may give them a gateway: their villages' notifications go to it as well. */
const WEBHOOK_UNIT_KINDS: readonly string[] = ['town', 'district'];

const webhookView = ({ secret, ...w }: WebhookRecord) => ({
  id: w.id,
  unitPath: w.unitPath,
  url: w.url,
  secretHint: `…${secret.slice(-4)}`,
  enabled: w.enabled,
  createdAt: iso(w.createdAt) as string,
  createdBy: w.createdBy,
  ...(w.kinds === undefined ? {} : { kinds: [...w.kinds] }),
});

/** A dead letter as its town's admins see it; a job whose payload is no delivery (none is written so) has nothing to show. */
function deadLetterView(job: InstanceJobRecord) {
  const delivery = deliveryOf(job);
  if (!delivery) return [];
  const { notification } = delivery;
  return [
    {
      id: job.id,
      webhookId: delivery.webhookId,
      notificationId: notification.id,
      kind: notification.kind,
      userId: notification.userId,
      unitPath: notification.unitPath,
      title: notification.title,
      lastError: job.lastError ?? '',
      failedAt: iso(job.dueAt) as string,
      createdAt: iso(job.createdAt) as string,
    },
  ];
}

/**
 * A town's (or district's) webhook: every notification of the unit and the units below it is
 * POSTed, signed, to the town's own gateway (SMS, WeChat Work). Town admins of the unit manage
 * them; the secret is shown once, when the webhook is created. Deliveries that failed every
 * attempt are listed as dead letters, to be replayed once the gateway is back.
 */
const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The webhooks of the units I administer',
        response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const reach = assertCanSomewhere(principal(request), 'webhook:admin');
      return { items: (await app.store.webhooks.list(reach)).map(webhookView) };
    },
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Give a town or district a gateway for its notifications (and its villages’); the answer shows the secret, once',
        body: NewWebhook,
        response: { 201: CreatedWebhook, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      assertCan(p, 'webhook:admin', b.unitPath, 'unit');
      const unit = await app.store.units.byPath(b.unitPath);
      if (!unit) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit: b.unitPath });
      if (!WEBHOOK_UNIT_KINDS.includes(unit.kind)) {
        throw invalidRequest([
          { field: 'body.unitPath', message: `${unit.name} is a ${unit.kind}; a webhook belongs to a town or a district` },
        ]);
      }
      if (!isHttpUrl(b.url)) {
        throw invalidRequest([{ field: 'body.url', message: 'is not an http or https URL' }]);
      }
      const webhook: WebhookRecord = {
        id: app.newId(),
        unitPath: unit.path,
        url: b.url,
        secret: b.secret ?? randomBytes(32).toString('base64url'),
        enabled: b.enabled ?? true,
        createdAt: app.clock.now(),
        createdBy: p.id,
        ...(b.kinds ? { kinds: b.kinds } : {}),
      };
      await app.store.webhooks.put(webhook);
      request.log.info({ webhookId: webhook.id, unitPath: webhook.unitPath }, 'webhook created');
      return reply.status(201).send({ ...webhookView(webhook), secret: webhook.secret });
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook; its pending deliveries are dropped',
        params: WebhookParams,
        response: { 204: { type: 'null' }, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const webhook = await app.store.webhooks.byId(request.params.id);
      if (!webhook) throw new ApiError('SZ_NOT_FOUND/webhook');
      assertCan(principal(request), 'webhook:admin', webhook.unitPath, 'webhook');
      await app.store.webhooks.remove(webhook.id);
      request.log.info({ webhookId: webhook.id }, 'webhook removed');
      return reply.status(204).send();
    },
  );

  app.get(
    '/webhooks/dead-letters',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries that failed every attempt, of the units I administer, the last given up first',
        querystring: DeadLetterQuery,
        response: { 200: page(DeadLetter), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const reach = assertCanSomewhere(principal(request), 'webhook:admin');
      const q = request.query;
      const result = await app.store.jobs.deadLetters({
        type: WEBHOOK_JOB,
        reach,
        limit: q.limit ?? 50,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return { items: result.items.flatMap(deadLetterView), ...(result.next ? { next: result.next } : {}) };
    },
  );

  app.post(
    '/webhooks/dead-letters/:id/replay',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliver a dead letter again, now, with every attempt it had at first',
        params: WebhookParams,
        response: { 202: { type: 'null' }, ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const job = await app.store.jobs.byId(request.params.id);
      if (!job || !isDelivery(job)) throw new ApiError('SZ_NOT_FOUND/webhook');
      assertCan(principal(request), 'webhook:admin', job.unitPath, 'webhook');
      if (!(await app.store.jobs.revive(job.id, WEBHOOK_ATTEMPTS, app.clock.now()))) throw new ApiError('SZ_DELIVERY_PENDING');
      request.log.info({ jobId: job.id }, 'dead letter replayed');
      app.runtime.workers.poke();
      return reply.status(202).send();
    },
  );
};

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export default webhookRoutes;
