import { beforeEach, describe, expect, it } from 'vitest';
import { deploy, REVIEW, UNITS, useTestEnv } from './support.ts';

interface TaskView {
  id: string;
  instanceId: string;
  unitPath: string;
  candidateGroups: string[];
}

describe('tenancy: a role at a unit reaches the unit and everything below it', () => {
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, REVIEW);
  });

  async function startAt(person: 'hefeng' | 'honggang', unit: string) {
    const c = await env.as(person);
    const res = await c.post('/api/process-instances', {
      definitionKey: 'review',
      orgUnit: unit,
      businessKey: `${person}-1`,
      variables: { 申请人: '张三' },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  it('shows each village clerk only their own village’s task; the town sees both', async () => {
    const a = await startAt('hefeng', UNITS.hefeng);
    const b = await startAt('honggang', UNITS.honggang);
    const hefeng = await env.as('hefeng');
    const honggang = await env.as('honggang');
    const town = await env.as('town');

    const inbox = async (c: typeof hefeng) => (await c.get('/api/tasks')).json<{ items: TaskView[] }>().items;
    const mine = await inbox(hefeng);
    expect(mine.map((t) => t.instanceId)).toEqual([a]);
    expect(mine[0]?.candidateGroups).toEqual([`clerk@${UNITS.hefeng}`]);
    expect((await inbox(honggang)).map((t) => t.instanceId)).toEqual([b]);
    expect((await inbox(town)).map((t) => t.instanceId).sort()).toEqual([a, b].sort());
  });

  it('answers 404 for the other village’s task and instance, whatever is asked', async () => {
    await startAt('hefeng', UNITS.hefeng);
    const b = await startAt('honggang', UNITS.honggang);
    const honggang = await env.as('honggang');
    const other = (await honggang.get('/api/tasks')).json<{ items: TaskView[] }>().items[0] as TaskView;
    const hefeng = await env.as('hefeng');

    for (const res of [
      await hefeng.get(`/api/tasks/${other.id}`),
      await hefeng.post(`/api/tasks/${other.id}/claim`),
      await hefeng.post(`/api/tasks/${other.id}/complete`, { variables: {} }),
      await hefeng.post(`/api/tasks/${other.id}/comments`, { text: '看看' }),
      await hefeng.get(`/api/process-instances/${b}`),
      await hefeng.post(`/api/process-instances/${b}/cancel`, { reason: '看看' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toMatch(/^SZ_NOT_FOUND$/);
    }
    const list = (await hefeng.get('/api/process-instances')).json<{ items: { id: string }[] }>().items;
    expect(list.map((i) => i.id)).not.toContain(b);
  });

  it('refuses to start an instance at a unit out of reach (404) and one in reach without the role (403)', async () => {
    const hefeng = await env.as('hefeng');
    const out = await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.honggang });
    expect(out.statusCode).toBe(404);
    const auditor = await env.as('auditor');
    const forbidden = await auditor.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('SZ_FORBIDDEN');
  });

  it('answers a start with the tasks the starter may work, so the clerk goes straight on to the first one', async () => {
    const hefeng = await env.as('hefeng');
    const started = await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: 'HF-9' });
    const { id, tasks } = started.json<{ id: string; tasks: (TaskView & { elementId: string; name: string })[] }>();
    expect(tasks).toMatchObject([{ instanceId: id, elementId: 'check', name: '材料审核', candidateGroups: [`clerk@${UNITS.hefeng}`] }]);
    expect((await hefeng.post(`/api/tasks/${tasks[0]?.id}/complete`, { variables: {} })).statusCode).toBe(200);

    const admin = await env.as('admin');
    const byAdmin = await admin.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: 'HF-10' });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().tasks).toEqual([]);
    const again = await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: 'HF-10' });
    expect(again.statusCode).toBe(200);
    expect(again.json().tasks.map((t: TaskView) => t.instanceId)).toEqual([byAdmin.json().id]);
  });

  it('lets the village clerk complete their task, and the instance ends', async () => {
    const a = await startAt('hefeng', UNITS.hefeng);
    const hefeng = await env.as('hefeng');
    const task = (await hefeng.get('/api/tasks')).json<{ items: TaskView[] }>().items[0] as TaskView;
    const done = await hefeng.post(`/api/tasks/${task.id}/complete`, { variables: { 审核意见: '同意' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', endedBy: env.userId('hefeng') });
    const detail = (await hefeng.get(`/api/process-instances/${a}`)).json();
    expect(detail.instance.status).toBe('completed');
    expect(detail.variables).toMatchObject({ 申请人: '张三', 审核意见: '同意' });
    expect(detail.history.map((e: { type: string }) => e.type)).toContain('InstanceEnded');
    expect((await hefeng.get('/api/tasks')).json().items).toEqual([]);
  });
});
