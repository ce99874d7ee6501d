import type { Store } from '@shanzhi/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploy, flow, MINUTE, processXml, removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

const FILING = processXml(
  'filing',
  `<startEvent id="s"/><userTask id="file" name="镇备案"><extensionElements><sz:assignment candidateGroups="approver"/></extensionElements></userTask><endEvent id="e"/>${flow('s', 'file', 'e')}`,
);
const MATTER = processXml(
  'matter',
  `<startEvent id="s"/>
   <callActivity id="call"><extensionElements><zeebe:calledElement processId="filing" propagateAllChildVariables="true"/></extensionElements></callActivity>
   <userTask id="publish" name="结果公开"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="e"/>
   ${flow('s', 'call', 'publish', 'e')}`,
);

describe('call activities through the outbox', () => {
  let env: TestEnv;
  beforeEach(async () => {
    env = await testEnv();
    await deploy(env, FILING);
    await deploy(env, MATTER);
  });
  afterEach(async () => {
    await env.close();
    removeDir(env.dir);
  });

  it('starts the called process after the commit, and its end moves the caller on', async () => {
    const clerk = await env.as('hefeng');
    const parent = (
      await clerk.post('/api/process-instances', { definitionKey: 'matter', orgUnit: UNITS.hefeng, variables: { 金额: 80000 } })
    ).json<{ id: string }>().id;
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    const town = await env.as('town');
    const [filing] = (await town.get('/api/tasks')).json<{ items: { id: string; instanceId: string; unitPath: string }[] }>().items;
    expect(filing?.unitPath).toBe(UNITS.hefeng);
    const child = (await town.get(`/api/process-instances/${filing?.instanceId}`)).json();
    expect(child.instance.parentId).toBe(parent);
    expect(child.variables).toMatchObject({ 金额: 80000 });

    expect((await town.post(`/api/tasks/${filing?.id}/complete`, { variables: { 备案号: 'LS-2026-1' } })).statusCode).toBe(200);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    const after = (await clerk.get(`/api/process-instances/${parent}`)).json();
    expect(after.activeElementIds).toEqual(['publish']);
    expect(after.variables).toMatchObject({ 备案号: 'LS-2026-1' });
  });

  it('cancelling the caller cancels the called instance', async () => {
    const clerk = await env.as('hefeng');
    const parent = (await clerk.post('/api/process-instances', { definitionKey: 'matter', orgUnit: UNITS.hefeng })).json<{ id: string }>()
      .id;
    await env.app.runtime.workers.runDue();
    const childId = (await env.store.instances.list({ reach: [UNITS.hefeng], limit: 10 })).items.find((i) => i.parentId === parent)
      ?.id as string;
    const cancelled = await (await env.as('admin')).post(`/api/process-instances/${parent}/cancel`, { reason: '申请人已搬离本村' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    await env.app.runtime.workers.runDue();
    expect((await env.store.instances.byId(childId))?.status).toBe('cancelled');
    expect((await env.store.tasks.ofInstance(childId)).map((t) => t.status)).toEqual(['cancelled']);
    expect(await env.store.jobs.countDue(env.clock.now() + 1e12)).toBe(0);
  });

  it('a called process that does not exist becomes an incident on the caller', async () => {
    const orphan = processXml(
      'orphan',
      `<startEvent id="s"/><callActivity id="call" calledElement="missing"/><endEvent id="e"/>${flow('s', 'call', 'e')}`,
    );
    await deploy(env, orphan);
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'orphan', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    await env.app.runtime.workers.runDue();
    const detail = (await clerk.get(`/api/process-instances/${id}`)).json();
    expect(detail.incidents.map((i: { code: string; elementId: string }) => [i.code, i.elementId])).toEqual([['SZ_CALL_FAILED', 'call']]);
  });
});

describe('the end of a called instance, out of retries', () => {
  let env: TestEnv;
  /** The job that tells the caller: the store refuses the first `refusals` commits that would finish it. */
  let told: string | undefined;
  let refusals = 0;
  const flaky = (store: Store): Store => ({
    ...store,
    commit: async (commit) => {
      if (told !== undefined && refusals > 0 && commit.jobs?.done?.some((d) => d.id === told)) {
        refusals--;
        throw new Error('数据库暂不可用');
      }
      return store.commit(commit);
    },
  });
  beforeEach(async () => {
    told = undefined;
    env = await testEnv({ wrapStore: flaky });
    await deploy(env, FILING);
    await deploy(env, MATTER);
  });
  afterEach(async () => {
    await env.close();
    removeDir(env.dir);
  });

  /** Starts 重大事项 (which calls 镇备案), completes the filing, and returns both ids with the job that tells the caller. */
  const filed = async () => {
    const clerk = await env.as('hefeng');
    const parent = (await clerk.post('/api/process-instances', { definitionKey: 'matter', orgUnit: UNITS.hefeng })).json<{ id: string }>()
      .id;
    await env.app.runtime.workers.runDue();
    const town = await env.as('town');
    const [filing] = (await town.get('/api/tasks')).json<{ items: { id: string; instanceId: string }[] }>().items;
    await town.post(`/api/tasks/${filing?.id}/complete`, {});
    const child = filing?.instanceId as string;
    const [job] = await env.store.jobs.ofInstance(child);
    expect(job).toMatchObject({ type: 'calledInstanceEnded', payload: { parent } });
    told = job?.id;
    return { clerk, parent, child, job: job?.id as string };
  };
  const runOutOfRetries = async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await env.app.runtime.workers.runDue();
      env.clock.advance(10 * MINUTE);
    }
    expect(refusals).toBe(0);
  };

  it('raises the incident on the caller that waits for it, and resolving it tells the caller', async () => {
    refusals = 5;
    const { parent, job } = await filed();
    await runOutOfRetries();

    const admin = await env.as('admin');
    const detail = (await admin.get(`/api/process-instances/${parent}`)).json();
    expect(detail.incidents).toEqual([expect.objectContaining({ elementId: 'call', code: 'SZ_HOST_WORK_FAILED' })]);
    expect(detail.jobs).toEqual([
      expect.objectContaining({ id: job, type: 'calledInstanceEnded', retries: 0, incident: detail.incidents[0].id }),
    ]);
    expect(await env.app.runtime.workers.runDue()).toBe(0);

    expect((await admin.post(`/api/incidents/${parent}/${detail.incidents[0].id}/resolve`)).statusCode).toBe(200);
    expect(await env.app.runtime.workers.runDue()).toBe(1);
    expect((await admin.get(`/api/process-instances/${parent}`)).json().activeElementIds).toEqual(['publish']);
    expect(await env.store.jobs.byId(job)).toBeUndefined();
  });

  it('is finished as moot when the caller has ended too: no incident, nothing parked', async () => {
    refusals = 5;
    const { parent, child, job } = await filed();
    expect((await (await env.as('admin')).post(`/api/process-instances/${parent}/cancel`, { reason: '申请人已搬离本村' })).statusCode).toBe(
      200,
    );
    await runOutOfRetries();

    expect(await env.store.jobs.byId(job)).toBeUndefined();
    for (const id of [parent, child]) {
      expect(await env.store.instances.byId(id)).toMatchObject({ incidents: 0 });
      expect(await env.store.jobs.ofInstance(id)).toEqual([]);
    }
    expect(await env.app.runtime.workers.runDue()).toBe(0);
  });
});
