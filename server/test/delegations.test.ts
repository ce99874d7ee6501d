import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, DAY, deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

/** A step for 鹤峰村's clerk by name, in two procedures. */
const signedBy = (key: string) =>
  processXml(
    key,
    `<startEvent id="s"/>
     <userTask id="sign" name="村办事员签字"><extensionElements><sz:assignment assignee="hefeng"/></extensionElements></userTask>
     <endEvent id="e"/>
     ${flow('s', 'sign', 'e')}`,
  );

interface TaskView {
  id: string;
  assignee?: string;
  onBehalfOf?: string;
}

describe('委托: a user away has a deputy take their new tasks', () => {
  const env = useTestEnv();
  let clerk: Client;
  const week = () => new Date(env.clock.now() + 7 * DAY).toISOString();
  /** Time passes; tokens expire meanwhile, so the clerk signs in again. */
  const later = async (ms: number) => {
    env.clock.advance(ms);
    clerk = await env.as('hefeng');
  };
  const away = (body: Record<string, unknown>, as: Client = clerk) => as.post('/api/delegations', body);
  const startTask = async (definitionKey = 'sign-off'): Promise<TaskView> => {
    const started = await clerk.post('/api/process-instances', { definitionKey, orgUnit: UNITS.hefeng });
    expect(started.statusCode).toBe(201);
    const [task] = await env.store.tasks.ofInstance(started.json<{ id: string }>().id);
    return (await clerk.get(`/api/tasks/${task?.id}`)).json<TaskView>();
  };

  beforeEach(async () => {
    await deploy(env, signedBy('sign-off'));
    await deploy(env, signedBy('seal'));
    clerk = await env.as('hefeng');
  });

  it('gives a task opened while it holds to the deputy, saying for whom, and tells the deputy it is delegated', async () => {
    const set = await away({ deputyId: env.userId('town'), until: week(), reason: '外出培训' });
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ userId: env.userId('hefeng'), deputyId: env.userId('town'), reason: '外出培训' });

    const task = await startTask();
    expect(task).toMatchObject({ assignee: env.userId('town'), onBehalfOf: env.userId('hefeng') });
    const deputy = await env.as('town');
    const told = (await deputy.get('/api/notifications')).json<{ items: { kind: string; taskId?: string }[] }>().items;
    expect(told).toEqual([expect.objectContaining({ kind: 'delegated', taskId: task.id })]);
    expect((await deputy.post(`/api/tasks/${task.id}/complete`, {})).statusCode).toBe(200);
  });

  it('leaves tasks of another procedure with the user when it names one', async () => {
    await away({ deputyId: env.userId('town'), until: week(), definitionKey: 'seal' });
    expect(await startTask('sign-off')).toMatchObject({ assignee: env.userId('hefeng') });
    expect(await startTask('seal')).toMatchObject({ assignee: env.userId('town'), onBehalfOf: env.userId('hefeng') });
  });

  it('ends at its until: new tasks go to the user again', async () => {
    await away({ deputyId: env.userId('town'), until: new Date(env.clock.now() + DAY).toISOString() });
    await later(DAY - 1);
    expect((await startTask()).assignee).toBe(env.userId('town'));
    await later(1);
    const task = await startTask();
    expect(task.assignee).toBe(env.userId('hefeng'));
    expect(task.onBehalfOf).toBeUndefined();
  });

  it('ends when ended early, and stays listed with when it ended', async () => {
    const id = (await away({ deputyId: env.userId('town'), until: week() })).json<{ id: string }>().id;
    await later(DAY);
    const ended = await clerk.post(`/api/delegations/${id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id, endedAt: new Date(env.clock.now()).toISOString() });
    expect((await startTask()).assignee).toBe(env.userId('hefeng'));
    const deputy = await env.as('town');
    expect((await deputy.get('/api/delegations')).json<{ items: { id: string; endedAt?: string }[] }>().items).toEqual([
      expect.objectContaining({ id, endedAt: expect.any(String) }),
    ]);
  });

  it('leaves tasks the user held before it where they are', async () => {
    const before = await startTask();
    await away({ deputyId: env.userId('town'), until: week() });
    expect((await clerk.get(`/api/tasks/${before.id}`)).json<TaskView>().assignee).toBe(env.userId('hefeng'));
  });

  it('may be set and ended for a user by an admin of their units, not by another town’s nor by the deputy', async () => {
    const admin = await env.as('admin');
    const forClerk = { userId: env.userId('hefeng'), deputyId: env.userId('town'), until: week() };
    const set = await away(forClerk, admin);
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ createdBy: env.userId('admin') });
    expect((await away(forClerk, await env.as('daliAdmin'))).json()).toMatchObject({ code: 'SZ_FORBIDDEN' });
    const id = set.json<{ id: string }>().id;
    expect((await (await env.as('town')).post(`/api/delegations/${id}/end`)).statusCode).toBe(403);
    expect((await (await env.as('honggang')).post(`/api/delegations/${id}/end`)).statusCode).toBe(404);
    expect((await admin.post(`/api/delegations/${id}/end`)).statusCode).toBe(200);
  });

  it('refuses, naming the field, an until not after from or beyond a year, oneself or a deputy out of reach as deputy', async () => {
    const now = env.clock.now();
    const refusal = async (body: Record<string, unknown>) => {
      const res = await away(body, clerk);
      expect(res.statusCode).toBe(400);
      const { code, details } = res.json<{ code: string; details: { field: string; rule: string }[] }>();
      return { code, ...details[0] };
    };
    const town = env.userId('town');
    expect(await refusal({ deputyId: town, from: week(), until: new Date(now + DAY).toISOString() })).toMatchObject({
      code: 'SZ_DELEGATION_INVALID',
      field: 'body.until',
      rule: 'until-not-after-from',
    });
    expect(await refusal({ deputyId: town, until: new Date(now + 400 * DAY).toISOString() })).toMatchObject({
      field: 'body.until',
      rule: 'until-beyond-a-year',
    });
    expect(await refusal({ deputyId: env.userId('hefeng'), until: week() })).toMatchObject({ field: 'body.deputyId', rule: 'deputy-self' });
    expect(await refusal({ deputyId: 'nobody', until: week() })).toMatchObject({ field: 'body.deputyId', rule: 'no-such-user' });
    expect(await refusal({ deputyId: env.userId('honggang'), until: week() })).toMatchObject({
      field: 'body.deputyId',
      rule: 'deputy-out-of-reach',
    });
    const worded = await clerk.post('/api/delegations', { deputyId: town, until: new Date(now - DAY).toISOString() });
    expect(worded.json<{ message: string }>().message).toBe('委托设置有误，body.until：结束时间应晚于开始时间');
  });
});
