import type { Store } from '@shanzhi/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { deploy, flow, MINUTE, processXml, UNITS, useTestEnv } from './support.ts';

/** Tells the town (a message sent through the outbox), then waits for the clerk. */
const TELL_THE_TOWN = processXml(
  'tell',
  `<startEvent id="s"/>
   <sendTask id="report" name="报告镇里" messageRef="m"/>
   <userTask id="follow" name="跟进镇里答复"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="e"/>
   ${flow('s', 'report', 'follow', 'e')}`,
  `<message id="m" name="villageReport"/>`,
);

describe('host work out of retries', () => {
  let failing = true;
  /** The store's message subscriptions fail while `failing` holds: the outbox job that publishes the message fails with them. */
  const flaky = (store: Store): Store => ({
    ...store,
    subscriptions: {
      ...store.subscriptions,
      messages: async (...args) => {
        if (failing) throw new Error('消息服务暂不可用');
        return store.subscriptions.messages(...args);
      },
    },
  });
  const env = useTestEnv({ wrapStore: flaky });
  beforeEach(async () => {
    failing = true;
    await deploy(env, TELL_THE_TOWN);
  });

  it('raises an incident on the instance, and resolving it runs the parked job again', async () => {
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'tell', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await env.app.runtime.workers.runDue()).toBe(1);
      env.clock.advance(10 * MINUTE);
    }
    expect(await env.app.runtime.workers.runDue()).toBe(0);

    const admin = await env.as('admin');
    const detail = (await admin.get(`/api/process-instances/${id}`)).json();
    expect(detail.instance.incidents).toBe(1);
    expect(detail.incidents).toEqual([expect.objectContaining({ code: 'SZ_HOST_WORK_FAILED' })]);
    expect(detail.incidents[0].message).toContain('消息服务暂不可用');
    expect(detail.activeElementIds).toEqual(['follow']);
    expect(detail.jobs).toEqual([
      expect.objectContaining({
        kind: 'outbox',
        type: 'publishMessage',
        retries: 0,
        incident: detail.incidents[0].id,
        lastError: expect.stringContaining('消息服务暂不可用'),
      }),
    ]);
    const [parked] = await env.store.jobs.ofInstance(id);
    expect((await admin.get('/api/process-instances?withIncidents=true')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);

    failing = false;
    const resolved = await admin.post(`/api/incidents/${id}/${detail.incidents[0].id}/resolve`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().incidents).toBe(0);
    expect(await env.store.jobs.byId(parked?.id as string)).toMatchObject({ retries: 5, dueAt: env.clock.now() });
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect(await env.store.jobs.ofInstance(id)).toEqual([]);
    const history = (await admin.get(`/api/process-instances/${id}`)).json().history.map((e: { type: string }) => e.type);
    expect(history.filter((t: string) => t.startsWith('Incident'))).toEqual(['IncidentRaised', 'IncidentResolved']);
  });
  it('the town admin cancels an instance whose report is parked on an incident: none of its jobs stays behind', async () => {
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'tell', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await env.app.runtime.workers.runDue()).toBe(1);
      env.clock.advance(10 * MINUTE);
    }
    const admin = await env.as('admin');
    const incident = (await admin.get(`/api/process-instances/${id}`)).json().incidents[0].id;
    expect(await env.store.jobs.ofInstance(id)).toEqual([expect.objectContaining({ type: 'publishMessage', incident })]);

    expect((await admin.post(`/api/process-instances/${id}/cancel`, { reason: '村里已当面报告' })).statusCode).toBe(200);
    const detail = (await admin.get(`/api/process-instances/${id}`)).json();
    expect(detail.instance).toMatchObject({ status: 'cancelled', incidents: 0 });
    expect(detail.incidents).toEqual([]);
    expect(detail.jobs).toEqual([]);
    const withIncidents = (await admin.get('/api/process-instances?withIncidents=true')).json().items;
    expect(withIncidents.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await env.store.jobs.ofInstance(id)).toEqual([]);
    failing = false;
    expect(await env.app.runtime.workers.runDue()).toBe(0);
  });

  it('parks a message of an instance that has ended alone, shown with the instance: no running instance waits for it', async () => {
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'tell', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    expect((await (await env.as('admin')).post(`/api/process-instances/${id}/cancel`, { reason: '重复登记' })).statusCode).toBe(200);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await env.app.runtime.workers.runDue()).toBe(1);
      env.clock.advance(10 * MINUTE);
    }
    const detail = (await (await env.as('admin')).get(`/api/process-instances/${id}`)).json();
    expect(detail.incidents).toEqual([]);
    expect(detail.jobs).toEqual([
      expect.objectContaining({ kind: 'outbox', type: 'publishMessage', retries: 0, lastError: '消息服务暂不可用' }),
    ]);
    expect(detail.jobs[0].incident).toBeUndefined();
  });
});
