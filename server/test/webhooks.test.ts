import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InstanceJobRecord } from '@shanzhi/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, client, deploy, HOUR, MINUTE, PASSWORD, REVIEW, UNITS, useTestEnv } from './support.ts';

/** A town's SMS gateway on 127.0.0.1: it keeps what it receives and answers with the status it is told. */
class Gateway {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  status = 200;
  /** Takes requests and never answers them (a gateway that hangs). */
  silent = false;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (!this.silent) response.writeHead(this.status).end('ok');
    });
  });

  async open(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/shanzhi`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** What the gateway's side of the signature scheme (server/README.md) computes. */
const expectedSignature = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

describe('a town’s webhook', () => {
  const env = useTestEnv({ app: { workers: { webhookTimeoutMs: 200 } } });
  let gateway: Gateway;
  let url: string;
  beforeEach(async () => {
    gateway = new Gateway();
    url = await gateway.open();
    await deploy(env, REVIEW);
  });
  afterEach(async () => {
    await gateway.close();
  });

  const createWebhook = async (body: Record<string, unknown> = {}) => {
    const admin = await env.as('admin');
    const res = await admin.post('/api/webhooks', { unitPath: UNITS.lishui, url, ...body });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; secret: string; secretHint: string }>();
  };
  const startReview = async (unit: string = UNITS.hefeng) => {
    const clerk = await env.as(unit === UNITS.hefeng ? 'hefeng' : 'honggang');
    const res = await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: unit, businessKey: '鹤峰-2026-001' });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const deliveriesOf = async (instanceId: string): Promise<InstanceJobRecord[]> =>
    (await env.store.jobs.ofInstance(instanceId)).filter((job) => job.type === 'webhook');
  const deadLetters = async () =>
    (await (await env.as('admin')).get('/api/webhooks/dead-letters')).json<{ items: { id: string; lastError: string; title: string }[] }>()
      .items;

  it('receives each new task of the town’s villages as JSON signed with the webhook’s secret', async () => {
    const webhook = await createWebhook();
    expect(webhook.secret.length).toBeGreaterThanOrEqual(32);
    const listed = (await (await env.as('admin')).get('/api/webhooks')).json<{ items: Record<string, unknown>[] }>().items;
    expect(listed).toEqual([expect.objectContaining({ id: webhook.id, secretHint: `…${webhook.secret.slice(-4)}`, enabled: true })]);
    expect(listed[0]).not.toHaveProperty('secret');

    const instanceId = await startReview();
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(gateway.received).toHaveLength(1);
    const [{ headers, body }] = gateway.received as [{ headers: IncomingHttpHeaders; body: string }];
    const [notification] = (await env.store.notifications.ofUser(env.userId('hefeng'), { limit: 10 })).items;
    const timestamp = String(Math.floor(env.clock.now() / 1000));
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-shanzhi-event': 'task',
      'x-shanzhi-delivery': notification?.id,
      'x-shanzhi-timestamp': timestamp,
      'x-shanzhi-signature': expectedSignature(webhook.secret, timestamp, body),
    });
    expect(JSON.parse(body)).toEqual({
      id: notification?.id,
      kind: 'task',
      userId: env.userId('hefeng'),
      username: 'hefeng',
      unitPath: UNITS.hefeng,
      title: '新待办：材料审核（鹤峰-2026-001）',
      body: null,
      instanceId,
      taskId: notification?.taskId,
      createdAt: new Date(env.clock.now()).toISOString(),
    });
    expect(await deliveriesOf(instanceId)).toEqual([]);
    expect(await env.app.runtime.workers.runDue()).toBe(0);
  });

  it('receives an urging sent with no step behind it, like a new task', async () => {
    await createWebhook();
    const instanceId = await startReview();
    await env.app.runtime.workers.runDue();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    const { notifier } = env.app.runtime;
    await notifier.send('urged', [env.userId('hefeng')], await notifier.taskTopic(task!, '请今天内审核'));
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(gateway.received.map((r) => r.headers['x-shanzhi-event'])).toEqual(['task', 'urged']);
    expect(JSON.parse(gateway.received[1]?.body ?? '{}')).toMatchObject({ title: '催办：材料审核（鹤峰-2026-001）', body: '请今天内审核' });
  });

  it('is not sent the kinds it did not ask for, nor anything while disabled', async () => {
    await createWebhook({ kinds: ['overdue'] });
    await createWebhook({ enabled: false });
    const instanceId = await startReview();
    expect(await deliveriesOf(instanceId)).toEqual([]);
    await env.app.runtime.workers.runDue();
    expect(gateway.received).toEqual([]);
  });

  it('is tried again after 1 min, 5 min, 30 min, 2 h and 12 h while the gateway fails, then kept as a dead letter', async () => {
    await createWebhook();
    gateway.status = 503;
    const instanceId = await startReview();
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    for (const wait of [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR]) {
      env.clock.advance(wait - 1);
      expect(await env.app.runtime.workers.runDue()).toBe(0);
      env.clock.advance(1);
      expect(await env.app.runtime.workers.runDue()).toBe(1);
    }
    expect(gateway.received).toHaveLength(6);
    env.clock.advance(7 * 24 * HOUR);
    expect(await env.app.runtime.workers.runDue()).toBe(0);

    const [dead] = await deadLetters();
    expect(dead).toMatchObject({ lastError: 'HTTP 503', title: '新待办：材料审核（鹤峰-2026-001）' });
    // The procedure is not held up by the town's gateway, nor does the village see the town's deliveries as its own.
    const detail = (await (await env.as('hefeng')).get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.incidents).toEqual([]);
    expect(detail.jobs).toEqual([]);
  });

  it('delivers a dead letter when an admin replays it, once the gateway is back', async () => {
    await createWebhook();
    gateway.status = 500;
    await startReview();
    await env.app.runtime.workers.runDue();
    for (const wait of [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR]) {
      env.clock.advance(wait);
      await env.app.runtime.workers.runDue();
    }
    const [dead] = await deadLetters();
    gateway.status = 204;
    const admin = await env.as('admin');
    expect((await admin.post(`/api/webhooks/dead-letters/${dead?.id}/replay`)).statusCode).toBe(202);
    const again = await admin.post(`/api/webhooks/dead-letters/${dead?.id}/replay`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SZ_DELIVERY_PENDING');
    expect(await deadLetters()).toEqual([]);

    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(gateway.received).toHaveLength(7);
    expect((await admin.post(`/api/webhooks/dead-letters/${dead?.id}/replay`)).statusCode).toBe(404);
  });

  it('counts a gateway that does not answer in time as a failed attempt', async () => {
    await createWebhook();
    gateway.silent = true;
    const instanceId = await startReview();
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await deliveriesOf(instanceId)).toEqual([
      expect.objectContaining({ retries: 5, dueAt: env.clock.now() + MINUTE, lastError: 'no answer within 0.2 s' }),
    ]);
  });

  it('counts a gateway that is not listening as a failed attempt', async () => {
    await createWebhook();
    await gateway.close();
    const instanceId = await startReview();
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await deliveriesOf(instanceId)).toEqual([expect.objectContaining({ retries: 5, lastError: 'could not connect: ECONNREFUSED' })]);
  });

  it('drops what was waiting for a webhook that has been removed', async () => {
    const webhook = await createWebhook();
    const instanceId = await startReview();
    const admin = await env.as('admin');
    const removed = await env.app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${webhook.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(removed.statusCode).toBe(204);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(gateway.received).toEqual([]);
    expect(await deliveriesOf(instanceId)).toEqual([]);
  });

  it('is the town admin’s to give: a village admin cannot, for the town or for the village', async () => {
    const admin = await env.as('admin');
    const created = await admin.post('/api/org/users', {
      username: 'hefeng-admin',
      displayName: '鹤峰村管理员',
      password: PASSWORD,
      grants: [{ role: 'village-admin', unitPath: UNITS.hefeng }],
    });
    expect(created.statusCode).toBe(201);
    const villageAdmin = await signIn('hefeng-admin');

    expect((await villageAdmin.post('/api/webhooks', { unitPath: UNITS.lishui, url })).statusCode).toBe(404);
    const own = await villageAdmin.post('/api/webhooks', { unitPath: UNITS.hefeng, url });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SZ_FORBIDDEN');
    expect((await villageAdmin.get('/api/webhooks')).statusCode).toBe(403);
    expect((await villageAdmin.get('/api/webhooks/dead-letters')).statusCode).toBe(403);
    expect(await env.store.webhooks.list([UNITS.nanhai])).toEqual([]);
  });

  it('is another town’s to see and remove only within its own units', async () => {
    const webhook = await createWebhook();
    const dali = await env.as('daliAdmin');
    expect((await dali.get('/api/webhooks')).json()).toEqual({ items: [] });
    const removed = await env.app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${webhook.id}`,
      headers: { authorization: `Bearer ${dali.token}` },
    });
    expect(removed.statusCode).toBe(404);
    expect(await env.store.webhooks.byId(webhook.id)).toBeDefined();
  });

  it('refuses a village as its unit and an address that is not http or https, naming the field', async () => {
    const admin = await env.as('admin');
    const refused = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/webhooks', { unitPath: UNITS.lishui, url, ...body });
      expect(res.statusCode).toBe(400);
      return res.json<{ details: { field: string }[] }>().details[0]?.field;
    };
    expect(await refused({ unitPath: UNITS.hefeng })).toBe('body.unitPath');
    expect(await refused({ url: 'ftp://10.20.0.5/sms' })).toBe('body.url');
    expect(await refused({ url: 'http://' })).toBe('body.url');
    expect(await refused({ secret: 'short' })).toBe('body.secret');
    expect(await refused({ kinds: ['sms'] })).toBe('body.kinds.0');
    expect((await admin.post('/api/webhooks', { unitPath: '/nanhai/lishui/nowhere/', url })).statusCode).toBe(404);
    expect(await env.store.webhooks.list([UNITS.nanhai])).toEqual([]);
  });

  async function signIn(username: string): Promise<Client> {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    return client(env.app, res.json<{ token: string }>().token);
  }
});
