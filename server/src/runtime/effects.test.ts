import type { Effect } from '@shanzhi/engine';
import { describe, expect, it } from 'vitest';
import { planCommit } from './effects.ts';

let n = 0;
const ctx = (before?: Parameters<typeof planCommit>[0]['before']) => ({
  instanceId: 'i1',
  unitPath: '/nanhai/lishui/hefeng/',
  definitionKey: 'review',
  definitionId: 'd1',
  now: 1000,
  actor: 'u1',
  newId: () => `id${++n}`,
  loadTask: async () => undefined,
  ...(before ? { before } : {}),
});

describe('effects map onto one commit', () => {
  it('opens inbox rows with resolved groups, schedules timers, subscribes and queues outbox work', async () => {
    const effects: Effect[] = [
      { type: 'OpenUserTask', instance: 'i1', key: '3', el: 'check', name: '审核', candidateGroups: ['clerk'], dueAt: 5000 },
      { type: 'ScheduleTimer', instance: 'i1', sub: '4', el: 'wait', dueAt: 9000 },
      { type: 'Subscribe', instance: 'i1', sub: '5', kind: 'message', name: 'reply', correlationKey: 'A-1' },
      { type: 'RunJob', instance: 'i1', key: '6', el: 'sms', jobType: 'sms', retries: 3, variables: { a: 1 } },
      { type: 'PublishMessage', instance: 'i1', name: 'done', variables: {} },
    ];
    const plan = await planCommit(ctx(), effects);
    expect(plan.tasks.upsert?.[0]).toMatchObject({
      id: 'i1:3',
      status: 'open',
      dueAt: 5000,
      priority: 50,
      candidateGroups: expect.arrayContaining(['clerk@/nanhai/lishui/hefeng/']),
    });
    expect(plan.jobs.add.map((j) => [j.kind, j.type, j.ref, j.dueAt])).toEqual([
      ['timer', 'timer', '4', 9000],
      ['external', 'sms', '6', 1000],
      ['outbox', 'publishMessage', expect.stringMatching(/^out:/), 1000],
    ]);
    expect(plan.subscriptions.add).toEqual([
      { instanceId: 'i1', sub: '5', kind: 'message', name: 'reply', correlationKey: 'A-1', unitPath: '/nanhai/lishui/hefeng/' },
    ]);
  });

  it('cancels out what the same transition undid, and removes what earlier commits wrote', async () => {
    const plan = await planCommit(ctx(), [
      { type: 'ScheduleTimer', instance: 'i1', sub: '4', el: 'wait', dueAt: 9000 },
      { type: 'CancelTimer', instance: 'i1', sub: '4' },
      { type: 'CancelTimer', instance: 'i1', sub: '2' },
      { type: 'OpenUserTask', instance: 'i1', key: '7', el: 'check' },
      { type: 'CloseUserTask', instance: 'i1', key: '7', reason: 'terminated' },
      { type: 'CloseUserTask', instance: 'i1', key: '3', reason: 'completed' },
    ]);
    expect(plan.jobs.add).toEqual([]);
    expect(plan.jobs.remove).toEqual([{ instanceId: 'i1', ref: '2', kind: 'timer' }]);
    expect(plan.tasks.upsert?.map((t) => [t.id, t.status])).toEqual([['i1:7', 'cancelled']]);
    expect(plan.tasks.end).toEqual([{ id: 'i1:3', status: 'completed', at: 1000, by: 'u1' }]);
  });

  it('when the instance ends, drops whatever it still waited on', async () => {
    const before = {
      v: 1,
      id: 'i1',
      processId: 'p',
      status: 'active',
      next: 9,
      root: '1',
      els: { '1': { k: '1', e: 'p' }, '3': { k: '3', e: 'check', p: '1', task: {} }, '6': { k: '6', e: 'sms', p: '1', retries: 2 } },
      subs: {
        '4': { kind: 'timer', id: '4', owner: '1', el: 'wait', dueAt: 9000, plan: {}, fired: 0 },
        '5': { kind: 'signal', id: '5', owner: '1', el: 's', name: 'x' },
      },
    } as never;
    const plan = await planCommit(ctx(before), [
      { type: 'InstanceEnded', instance: 'i1', status: 'cancelled', variables: {}, parent: { instance: 'p1', key: '9' } },
    ]);
    expect(plan.jobs.remove).toEqual(
      expect.arrayContaining([
        { instanceId: 'i1', ref: '4', kind: 'timer' },
        { instanceId: 'i1', ref: '6', kind: 'external' },
      ]),
    );
    expect(plan.subscriptions.remove).toEqual([{ instanceId: 'i1', sub: '5' }]);
    expect(plan.tasks.end).toEqual([{ id: 'i1:3', status: 'cancelled', at: 1000 }]);
    expect(plan.jobs.add.map((j) => [j.type, j.payload.parent])).toEqual([['calledInstanceEnded', 'p1']]);
  });
});
