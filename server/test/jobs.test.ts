import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

const SMS = processXml(
  'notify',
  `<startEvent id="start"/>
   <serviceTask id="sms" name="短信通知"><extensionElements><zeebe:taskDefinition type="sms" retries="3"/></extensionElements></serviceTask>
   <userTask id="confirm"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="end"/>
   ${flow('start', 'sms', 'confirm', 'end')}`,
);

interface JobView {
  id: string;
  type: string;
  instanceId: string;
  elementId: string;
  retries: number;
  variables: Record<string, unknown>;
}

describe('external jobs', () => {
  let worker: Client;
  let instanceId: string;
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, SMS);
    const clerk = await env.as('hefeng');
    instanceId = (
      await clerk.post('/api/process-instances', { definitionKey: 'notify', orgUnit: UNITS.hefeng, variables: { 手机: '13800000000' } })
    ).json<{ id: string }>().id;
    worker = await env.as('admin');
  });

  const fetch = async (name = 'w1', body: object = {}) =>
    (await worker.post('/api/jobs/fetch-and-lock', { types: ['sms'], worker: name, max: 5, lockMs: 60_000, ...body })).json<{
      items: JobView[];
    }>().items;

  it('fetch-and-lock hands a job to one worker; complete moves the instance on', async () => {
    const jobs = await fetch('w1');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ type: 'sms', instanceId, elementId: 'sms', retries: 3, variables: { 手机: '13800000000' } });
    expect(await fetch('w2')).toEqual([]);
    const job = jobs[0] as JobView;
    const stranger = await worker.post(`/api/jobs/${job.id}/complete`, { worker: 'w2' });
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().code).toBe('SZ_JOB_LOCK_LOST');
    const extended = await worker.post(`/api/jobs/${job.id}/extend-lock`, { worker: 'w1', lockMs: 120_000 });
    expect(extended.statusCode).toBe(200);
    const done = await worker.post(`/api/jobs/${job.id}/complete`, { worker: 'w1', variables: { 已发送: true } });
    expect(done.statusCode).toBe(204);
    const detail = (await worker.get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.activeElementIds).toEqual(['confirm']);
    expect(detail.variables).toMatchObject({ 已发送: true });
    expect(await env.store.jobs.byId(job.id)).toBeUndefined();
  });

  it('fail with retries comes back after the back-off; out of retries it is an incident; resolving runs it again', async () => {
    const [job] = await fetch('w1');
    const failed = await worker.post(`/api/jobs/${job?.id}/fail`, {
      worker: 'w1',
      retries: 2,
      backoffMs: 60_000,
      errorMessage: '短信网关超时',
    });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toEqual({ retries: 2, incident: false });
    expect(await fetch('w1')).toEqual([]);
    env.clock.advance(60_001);
    const [again] = await fetch('w1');
    expect(again).toMatchObject({ id: job?.id, retries: 2 });

    const last = await worker.post(`/api/jobs/${again?.id}/fail`, { worker: 'w1', retries: 0, errorMessage: '号码无效' });
    expect(last.json()).toEqual({ retries: 0, incident: true });
    const detail = (await worker.get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.instance.incidents).toBe(1);
    expect(detail.incidents).toEqual([expect.objectContaining({ elementId: 'sms', code: 'SZ_JOB_FAILED' })]);
    expect(detail.incidents[0].message).toContain('号码无效');
    env.clock.advance(3_600_000);
    worker = await env.as('admin'); // the old token has expired meanwhile
    expect(await fetch('w1')).toEqual([]);
    const listed = (await worker.get('/api/process-instances?withIncidents=true')).json<{ items: { id: string }[] }>().items;
    expect(listed.map((i) => i.id)).toEqual([instanceId]);

    const resolved = await worker.post(`/api/incidents/${instanceId}/${detail.incidents[0].id}/resolve`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().incidents).toBe(0);
    const [retried] = await fetch('w3');
    expect(retried).toMatchObject({ elementId: 'sms', retries: 3 });
  });

  it('the town admin cancels an instance whose job failed out of retries: no job of it is left waiting', async () => {
    const [job] = await fetch('w1');
    await worker.post(`/api/jobs/${job?.id}/fail`, { worker: 'w1', retries: 0, errorMessage: '号码无效' });
    expect((await worker.get(`/api/process-instances/${instanceId}`)).json().incidents).toHaveLength(1);

    expect((await worker.post(`/api/process-instances/${instanceId}/cancel`, { reason: '村民已到村委会办理' })).statusCode).toBe(200);
    const detail = (await worker.get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.instance.status).toBe('cancelled');
    expect(detail.jobs).toEqual([]);
    expect(await env.store.jobs.ofInstance(instanceId)).toEqual([]);
    expect(await fetch('w2')).toEqual([]);
  });

  it('shows on the instance what it waits on: the job with its type, retries and lock, its timer with the due time', async () => {
    const REMINDED = processXml(
      'reminded',
      `<startEvent id="start"/>
       <serviceTask id="sms" name="短信通知"><extensionElements><zeebe:taskDefinition type="sms" retries="3"/></extensionElements></serviceTask>
       <boundaryEvent id="late" attachedToRef="sms"><timerEventDefinition><timeDuration>PT4H</timeDuration></timerEventDefinition></boundaryEvent>
       <endEvent id="end"/><endEvent id="gaveUp"/>
       ${flow('start', 'sms', 'end')}${flow('late', 'gaveUp')}`,
    );
    await deploy(env, REMINDED);
    const clerk = await env.as('hefeng');
    const startedAt = env.clock.now();
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'reminded', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    const waiting = async () => (await clerk.get(`/api/process-instances/${id}`)).json().jobs;
    expect(await waiting()).toEqual([
      {
        id: expect.any(String),
        kind: 'timer',
        type: 'timer',
        elementId: 'late',
        dueAt: new Date(startedAt + 4 * 3_600_000).toISOString(),
        retries: 5,
      },
      { id: expect.any(String), kind: 'external', type: 'sms', elementId: 'sms', dueAt: new Date(startedAt).toISOString(), retries: 3 },
    ]);

    const [job] = (await fetch('w1')).filter((j) => j.instanceId === id);
    expect((await waiting())[1]).toMatchObject({ id: job?.id, lockedUntil: new Date(startedAt + 60_000).toISOString() });
    await worker.post(`/api/jobs/${job?.id}/fail`, { worker: 'w1', retries: 2, backoffMs: 60_000, errorMessage: '短信网关超时' });
    expect((await waiting())[1]).toEqual({
      id: job?.id,
      kind: 'external',
      type: 'sms',
      elementId: 'sms',
      dueAt: new Date(startedAt + 60_000).toISOString(),
      retries: 2,
      lastError: '短信网关超时',
    });
  });

  it('a BPMN error code without a catcher is an incident too', async () => {
    const [job] = await fetch('w1');
    const res = await worker.post(`/api/jobs/${job?.id}/fail`, {
      worker: 'w1',
      retries: 1,
      errorCode: 'NO_PHONE',
      errorMessage: '无手机号',
    });
    expect(res.statusCode).toBe(200);
    const detail = (await worker.get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.incidents.map((i: { code: string }) => i.code)).toEqual(['SZ_UNHANDLED_ERROR']);
    expect(await env.store.jobs.byId(job?.id as string)).toBeUndefined();
  });

  it('long polling answers as soon as a job is committed', async () => {
    await fetch('w1');
    const waiting = fetch('w2', { longPollMs: 5_000 });
    const clerk = await env.as('hefeng');
    await new Promise((r) => setTimeout(r, 50));
    await clerk.post('/api/process-instances', { definitionKey: 'notify', orgUnit: UNITS.hefeng });
    const started = Date.now();
    const jobs = await waiting;
    expect(jobs).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is only for workers with the job role (town admins) and only within their units', async () => {
    const clerk = await env.as('hefeng');
    expect((await clerk.post('/api/jobs/fetch-and-lock', { types: ['sms'], worker: 'x', max: 1, lockMs: 60_000 })).statusCode).toBe(403);
    const dali = await env.as('daliAdmin');
    expect((await dali.post('/api/jobs/fetch-and-lock', { types: ['sms'], worker: 'x', max: 5, lockMs: 60_000 })).json().items).toEqual([]);
    expect(await fetch('w1')).toHaveLength(1);
  });
});
