import { replay } from '@shanzhi/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, deploy, REVIEW, UNITS, useTestEnv } from './support.ts';

const EN = { 'accept-language': 'en' };

describe('cancelling an instance', () => {
  const env = useTestEnv();
  let clerk: Client;
  let id: string;
  beforeEach(async () => {
    await deploy(env, REVIEW);
    clerk = await env.as('hefeng');
    id = (await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
  });

  it('is not for whoever started it: 403, saying only the unit’s administrators may, and that the starter can withdraw', async () => {
    const refused = await clerk.post(`/api/process-instances/${id}/cancel`, { reason: '填错了' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      code: 'SZ_FORBIDDEN',
      message: '只有鹤峰村的管理员才能取消办理中的事项，并且要写明理由。发起人想收回的，可以改用“撤回”。',
    });
    expect((await clerk.post(`/api/process-instances/${id}/cancel`, { reason: '填错了' }, EN)).json().message).toBe(
      'Only the administrators of 鹤峰村 may cancel a running instance, giving a reason; whoever started it can withdraw it instead.',
    );
    expect((await clerk.get(`/api/process-instances/${id}`)).json().instance.status).toBe('active');
  });

  it('needs a reason: 400 naming body.reason, absent or blank', async () => {
    const admin = await env.as('admin');
    const without = await admin.post(`/api/process-instances/${id}/cancel`, {});
    expect(without.statusCode).toBe(400);
    expect(without.json()).toEqual({
      code: 'SZ_VALIDATION',
      message: '请求内容有误，body.reason：必填',
      details: [{ field: 'body.reason', message: '必填' }],
    });
    const blank = await admin.post(`/api/process-instances/${id}/cancel`, { reason: ' \n ' }, EN);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual([{ field: 'body.reason', message: 'must not be blank' }]);
    expect((await admin.get(`/api/process-instances/${id}`)).json().instance.status).toBe('active');
  });

  it('by an admin of its unit records the reason in the audit trail, with who and when, and shows it with the instance', async () => {
    const admin = await env.as('admin');
    const cancelled = await admin.post(`/api/process-instances/${id}/cancel`, { reason: '村民已到村委会当面办理' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');

    const detail = (await clerk.get(`/api/process-instances/${id}`)).json();
    const at = new Date(env.clock.now()).toISOString();
    expect(detail.cancelled).toEqual({ by: env.userId('admin'), at, reason: '村民已到村委会当面办理' });
    expect(detail.history.at(-1)).toMatchObject({
      type: 'InstanceEnded',
      actor: env.userId('admin'),
      at,
      data: { status: 'cancelled', reason: '村民已到村委会当面办理' },
    });
    expect(await env.store.events.verify(id)).toBeUndefined();
    // The reason rides on the engine's InstanceEnded event, which its applier reads only the status of.
    const events = await env.store.events.ofInstance(id);
    expect(replay(events.map((e) => e.event))).toEqual((await env.store.instances.byId(id))?.state);
  });

  it('shows nothing of a cancellation on an instance that was not cancelled', async () => {
    expect((await clerk.get(`/api/process-instances/${id}`)).json()).not.toHaveProperty('cancelled');
  });
});
