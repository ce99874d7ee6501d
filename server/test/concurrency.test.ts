import type { Commit, Store } from '@shanzhi/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { deploy, REVIEW, UNITS, useTestEnv } from './support.ts';

/** Holds commits, once armed, until `n` are waiting: both writers have read the same version by then. */
function commitBarrier(n: number) {
  let armed = false;
  let waiting: (() => void)[] = [];
  return {
    arm: () => {
      armed = true;
    },
    wrap: (store: Store): Store => ({
      ...store,
      async commit(c: Commit) {
        if (armed) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length >= n) {
              armed = false;
              for (const go of waiting) go();
              waiting = [];
            }
          });
        }
        return store.commit(c);
      },
    }),
  };
}

describe('concurrent commands on one instance', () => {
  const barrier = commitBarrier(2);
  const env = useTestEnv({ wrapStore: barrier.wrap });
  beforeEach(async () => {
    await deploy(env, REVIEW);
  });

  it('two completions of one task: one 200, one 409, one set of events', async () => {
    const town = await env.as('town');
    const hefeng = await env.as('hefeng');
    const started = await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    const instanceId = started.json<{ id: string }>().id;
    const task = (await hefeng.get('/api/tasks')).json<{ items: { id: string }[] }>().items[0] as { id: string };
    const before = (await env.store.events.ofInstance(instanceId)).length;

    barrier.arm();
    const results = await Promise.all([
      hefeng.post(`/api/tasks/${task.id}/complete`, { variables: { 审核意见: '同意' } }),
      town.post(`/api/tasks/${task.id}/complete`, { variables: { 审核意见: '不同意' } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const conflict = results.find((r) => r.statusCode === 409);
    expect(conflict?.json().code).toBe('SZ_TASK_CONFLICT');

    const events = await env.store.events.ofInstance(instanceId);
    const key = task.id.split(':')[1];
    const completions = events.filter((e) => e.event.type === 'ElementCompleted' && 'key' in e.event && e.event.key === key);
    expect(completions).toHaveLength(1);
    expect(events.filter((e) => e.event.type === 'InstanceEnded')).toHaveLength(1);
    const winner = results.find((r) => r.statusCode === 200)?.json<{ endedBy: string }>().endedBy;
    expect(new Set(events.filter((e) => e.seq > before).map((e) => e.actor))).toEqual(new Set([winner]));
  });

  it('a completion that arrives after the other answers 409 too', async () => {
    const hefeng = await env.as('hefeng');
    await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    const task = (await hefeng.get('/api/tasks')).json<{ items: { id: string }[] }>().items[0] as { id: string };
    expect((await hefeng.post(`/api/tasks/${task.id}/complete`, {})).statusCode).toBe(200);
    const late = await hefeng.post(`/api/tasks/${task.id}/complete`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SZ_TASK_NOT_OPEN');
  });

  it('a claim race: one claims, the other is told the task is taken', async () => {
    const town = await env.as('town');
    const hefeng = await env.as('hefeng');
    await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    const task = (await hefeng.get('/api/tasks')).json<{ items: { id: string }[] }>().items[0] as { id: string };
    const results = await Promise.all([hefeng.post(`/api/tasks/${task.id}/claim`), town.post(`/api/tasks/${task.id}/claim`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const claimed = (await hefeng.get(`/api/tasks/${task.id}`)).json<{ assignee: string }>();
    expect([env.userId('hefeng'), env.userId('town')]).toContain(claimed.assignee);
    // The loser can no longer complete it.
    const loser = claimed.assignee === env.userId('hefeng') ? town : hefeng;
    expect((await loser.post(`/api/tasks/${task.id}/complete`, {})).statusCode).toBe(403);
  });
});
