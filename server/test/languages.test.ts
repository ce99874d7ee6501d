import { describe, expect, it } from 'vitest';
import { deploy, REVIEW, UNITS, useTestEnv } from './support.ts';

const EN = { 'accept-language': 'en-US,en;q=0.9' };
const NOWHERE = `${UNITS.hefeng}nowhere/`;

describe('errors in the asker’s language', () => {
  const env = useTestEnv();

  it('answers the same request in zh-CN by default, in English when asked, in zh-CN for Traditional Chinese', async () => {
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const start = (headers?: Record<string, string>) =>
      clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: NOWHERE }, headers);

    const byDefault = await start();
    expect(byDefault.statusCode).toBe(404);
    expect(byDefault.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(byDefault.json()).toEqual({ code: 'SZ_UNIT_NOT_FOUND', message: `找不到单位 ${NOWHERE}。` });
    expect((await start(EN)).json()).toEqual({ code: 'SZ_UNIT_NOT_FOUND', message: `No unit ${NOWHERE}.` });
    expect((await start({ 'accept-language': 'zh-TW' })).json()).toEqual(byDefault.json());
    expect((await start({ 'accept-language': 'fr-FR' })).json()).toEqual(byDefault.json());
  });

  it('tells someone the task is not theirs, in Chinese', async () => {
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    const [task] = started.json<{ tasks: { id: string }[] }>().tasks;
    const admin = await env.as('admin');
    const refused = await admin.post(`/api/tasks/${task?.id}/claim`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ code: 'SZ_NOT_CANDIDATE', message: '这项待办既没有分配给您，也没有交给您所在的岗位。' });
  });

  it('names each refused field in both languages', async () => {
    const clerk = await env.as('hefeng');
    const body = { definitionKey: 'review', sneaky: true, variables: [1] };
    const zh = await clerk.post('/api/process-instances', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toEqual({
      code: 'SZ_VALIDATION',
      message: '请求内容有误，body.orgUnit：必填',
      details: [
        { field: 'body.orgUnit', message: '必填' },
        { field: 'body.sneaky', message: '不允许有这一项' },
        { field: 'body.variables', message: '应为对象（一组字段）' },
      ],
    });
    const en = await clerk.post('/api/process-instances', body, EN);
    expect(en.json()).toEqual({
      code: 'SZ_VALIDATION',
      message: 'Invalid request, body.orgUnit: is required',
      details: [
        { field: 'body.orgUnit', message: 'is required' },
        { field: 'body.sneaky', message: 'is not allowed' },
        { field: 'body.variables', message: 'must be an object' },
      ],
    });
  });

  it('words a limit of the request schema with the limit', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.get('/api/tasks?limit=500');
    expect(res.json().details).toEqual([{ field: 'querystring.limit', message: '不能大于 200' }]);
    expect((await clerk.get('/api/tasks?limit=500', EN)).json().details).toEqual([
      { field: 'querystring.limit', message: 'must be at most 200' },
    ]);
  });

  it('answers an engine rejection in Chinese, the engine’s own words about the instance kept in the details', async () => {
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const id = (await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    const admin = await env.as('admin');
    const noIncident = await admin.post(`/api/incidents/${id}/nope/resolve`, undefined, EN);
    expect(noIncident.statusCode).toBe(404);
    expect(noIncident.json()).toEqual({
      code: 'SZ_INCIDENT_NOT_FOUND',
      message: 'No open incident with this id.',
      details: { engineMessage: `instance ${id} has no open incident nope` },
    });
    expect((await admin.post(`/api/process-instances/${id}/cancel`, { reason: '重复登记' })).statusCode).toBe(200);

    const again = await admin.post(`/api/process-instances/${id}/cancel`, { reason: '重复登记' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'SZ_INSTANCE_NOT_ACTIVE',
      message: '这项办理事项已经结束，不能再办理。',
      details: { engineMessage: `instance ${id} has cancelled` },
    });
  });

  it('words an unknown route in the asker’s language', async () => {
    const zh = await env.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({ code: 'SZ_ROUTE_NOT_FOUND', message: '没有这个接口：GET /api/nothing-here' });
    const en = await env.app.inject({ method: 'GET', url: '/api/nothing-here', headers: EN });
    expect(en.json()).toEqual({ code: 'SZ_ROUTE_NOT_FOUND', message: 'No route GET /api/nothing-here.' });
  });
});
