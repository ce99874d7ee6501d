import type { Effect } from '@shanzhi/engine';
import type { User, WebhookRecord } from '@shanzhi/store';
import { describe, expect, it } from 'vitest';
import { planCommit } from './effects.ts';

const person = (id: string): User => ({ id, username: id, displayName: id, disabled: false, createdAt: 0 });

/** Who holds a role at one unit: 鹤峰村 has two clerks and no approver, 里水镇 one approver. */
const HOLDERS: Record<string, User[]> = {
  'clerk@/nanhai/lishui/hefeng/': [person('clerk-1'), person('clerk-2')],
  'approver@/nanhai/lishui/': [person('town-approver')],
  'approver@/nanhai/': [person('district-approver')],
};

const webhook = (id: string, fields: Partial<WebhookRecord> = {}): WebhookRecord => ({
  id,
  unitPath: '/nanhai/lishui/',
  url: 'http://10.20.0.5/sz',
  secret: 'secret',
  enabled: true,
  createdAt: 0,
  createdBy: 'admin',
  ...fields,
});

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
  // Everyone named is a user of that id.
  people: async (names: readonly string[]) => new Map(names.map((n) => [n, n])),
  subject: '鹤峰村文化室修缮',
  roleHolders: async (role: string, unitPath: string) => HOLDERS[`${role}@${unitPath}`] ?? [],
  webhooks: async () => [],
  delegationFor: async () => undefined,
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

  it('takes who holds a task from the engine’s task state, keeping the rest of the row', async () => {
    const row = {
      id: 'i1:3',
      instanceId: 'i1',
      key: '3',
      elementId: 'check',
      name: '审核',
      definitionKey: 'review',
      unitPath: '/nanhai/lishui/hefeng/',
      status: 'open' as const,
      assignee: 'u1',
      owner: 'u0',
      candidateUsers: [],
      candidateGroups: ['clerk@/nanhai/lishui/hefeng/'],
      dueAt: 5000,
      priority: 50,
      formKey: 'check-form',
      createdAt: 900,
      version: 4,
    };
    const plan = await planCommit({ ...ctx(), loadTask: async () => row }, [
      { type: 'UpdateUserTask', instance: 'i1', key: '3', candidateGroups: ['clerk'], dueAt: 5000 },
    ]);
    const { assignee: _assignee, owner: _owner, ...unclaimed } = row;
    expect(plan.tasks.upsert).toEqual([
      { ...unclaimed, candidateGroups: expect.arrayContaining(['clerk@/nanhai/lishui/hefeng/']), version: 5 },
    ]);
  });

  it('posts notices for the posting period and resumes the jobs parked on a resolved host incident', async () => {
    const plan = await planCommit(ctx(), [
      { type: 'PostNotice', instance: 'i1', key: '7', el: 'post', title: '决议公示', days: 5, board: '村务公开栏' },
      { type: 'IncidentResolved', instance: 'i1', incident: '9', retry: 'host' },
      { type: 'IncidentResolved', instance: 'i1', incident: '8', retry: 'activate' },
    ]);
    expect(plan.notices).toEqual([
      {
        id: expect.any(String),
        instanceId: 'i1',
        unitPath: '/nanhai/lishui/hefeng/',
        elementId: 'post',
        title: '决议公示',
        board: '村务公开栏',
        postedAt: 1000,
        until: 1000 + 5 * 24 * 3600 * 1000,
      },
    ]);
    expect(plan.jobs.add).toEqual([]);
    expect(plan.jobs.resume).toEqual([{ incident: '9', retries: 5, dueAt: 1000 }]);
  });

  it('tells a new task to its assignee alone, else to its candidate users and its groups’ members at the nearest unit with some', async () => {
    const plan = await planCommit(ctx(), [
      {
        type: 'OpenUserTask',
        instance: 'i1',
        key: '3',
        el: 'deliberate',
        name: '两委会议商议',
        assignee: 'secretary',
        candidateGroups: ['clerk'],
      },
      {
        type: 'OpenUserTask',
        instance: 'i1',
        key: '4',
        el: 'review',
        candidateUsers: ['member-1'],
        candidateGroups: ['clerk', 'approver', '两委'],
      },
    ]);
    expect(plan.notifications.map((n) => [n.taskId, n.userId, n.title])).toEqual([
      ['i1:3', 'secretary', '新待办：两委会议商议（鹤峰村文化室修缮）'],
      ['i1:4', 'member-1', '新待办：review（鹤峰村文化室修缮）'],
      ['i1:4', 'town-approver', '新待办：review（鹤峰村文化室修缮）'],
      ['i1:4', 'clerk-1', '新待办：review（鹤峰村文化室修缮）'],
      ['i1:4', 'clerk-2', '新待办：review（鹤峰村文化室修缮）'],
    ]);
    expect(plan.notifications[0]).toEqual({
      id: expect.any(String),
      userId: 'secretary',
      kind: 'task',
      unitPath: '/nanhai/lishui/hefeng/',
      instanceId: 'i1',
      taskId: 'i1:3',
      title: '新待办：两委会议商议（鹤峰村文化室修缮）',
      createdAt: 1000,
    });
    expect(plan.jobs.add).toEqual([]);
  });

  it('delivers each notification to every enabled webhook taking its kind, and tells no one of a task closed again at once', async () => {
    const webhooks = [webhook('wh-town'), webhook('wh-off', { enabled: false }), webhook('wh-overdue', { kinds: ['overdue'] })];
    const plan = await planCommit({ ...ctx(), webhooks: async () => webhooks }, [
      { type: 'OpenUserTask', instance: 'i1', key: '3', el: 'deliberate', name: '两委会议商议', assignee: 'secretary' },
      { type: 'OpenUserTask', instance: 'i1', key: '5', el: 'vote', assignee: 'member-1' },
      { type: 'CloseUserTask', instance: 'i1', key: '5', reason: 'terminated' },
    ]);
    const [told] = plan.notifications;
    expect(plan.notifications).toHaveLength(1);
    expect(plan.jobs.add).toEqual([
      {
        id: expect.any(String),
        kind: 'outbox',
        type: 'webhook',
        instanceId: 'i1',
        unitPath: '/nanhai/lishui/',
        ref: `webhook:${told?.id}:wh-town`,
        dueAt: 1000,
        retries: 6,
        payload: { webhookId: 'wh-town', notification: told },
        createdAt: 1000,
      },
    ]);
  });
});
