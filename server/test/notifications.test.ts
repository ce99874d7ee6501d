import type { Commit, Store } from '@shanzhi/store';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, deploy, flow, processXml, REVIEW, UNITS, useTestEnv } from './support.ts';

/** The joint committee's deliberation, offered to 鹤峰村's clerk by name, then the town's approval. */
const DELIBERATION = processXml(
  'deliberation',
  `<startEvent id="s"/>
   <userTask id="deliberate" name="两委会议商议"><extensionElements><sz:assignment candidateUsers="hefeng"/></extensionElements></userTask>
   <userTask id="approve" name="镇审批"><extensionElements><sz:assignment candidateGroups="approver"/></extensionElements></userTask>
   <endEvent id="e"/>
   ${flow('s', 'deliberate', 'approve', 'e')}`,
);

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  taskId?: string;
  instanceId?: string;
  body?: string;
  readAt?: string;
}

const unread = async (client: Client) => (await client.get('/api/notifications/unread-count')).json<{ unread: number }>().unread;
const notifications = async (client: Client, query = '') =>
  (await client.get(`/api/notifications${query}`)).json<{ items: NotificationView[]; next?: string }>();

/** Lets one commit that tells someone something be overtaken: someone else commits the instance first, so it is refused as stale. */
function overtaking() {
  let armed = false;
  return {
    arm: () => {
      armed = true;
    },
    wrap: (store: Store): Store => ({
      ...store,
      async commit(c: Commit) {
        if (armed && c.expectedVersion !== null && (c.notifications?.add?.length ?? 0) > 0) {
          armed = false;
          const current = (await store.instances.byId(c.instance.id))!;
          await store.commit({ instance: current, expectedVersion: current.version, events: [] });
        }
        return store.commit(c);
      },
    }),
  };
}

describe('the notification bell', () => {
  const race = overtaking();
  const env = useTestEnv({ wrapStore: race.wrap });
  beforeEach(async () => {
    await deploy(env, DELIBERATION);
    await deploy(env, REVIEW);
  });

  const startDeliberation = async () => {
    const clerk = await env.as('hefeng');
    const started = await clerk.post('/api/process-instances', {
      definitionKey: 'deliberation',
      orgUnit: UNITS.hefeng,
      businessKey: '鹤峰村文化室修缮',
    });
    expect(started.statusCode).toBe(201);
    return { clerk, instanceId: started.json<{ id: string }>().id };
  };

  it('a new task shows in its candidate’s bell as one unread notification, which they then read', async () => {
    const { clerk, instanceId } = await startDeliberation();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    expect(await unread(clerk)).toBe(1);
    const [told] = (await notifications(clerk)).items;
    expect(told).toEqual({
      id: expect.any(String),
      kind: 'task',
      unitPath: UNITS.hefeng,
      instanceId,
      taskId: task?.id,
      title: '新待办：两委会议商议（鹤峰村文化室修缮）',
      createdAt: new Date(env.clock.now()).toISOString(),
    });

    const read = await clerk.post('/api/notifications/read', { ids: [told?.id] });
    expect(read.json()).toEqual({ marked: 1, unread: 0 });
    expect(await unread(clerk)).toBe(0);
    expect((await notifications(clerk)).items[0]?.readAt).toBe(new Date(env.clock.now()).toISOString());
    expect((await notifications(clerk, '?unread=true')).items).toEqual([]);
  });

  it('someone else cannot read my notification for me', async () => {
    const { clerk } = await startDeliberation();
    const [told] = (await notifications(clerk)).items;
    const neighbour = await env.as('honggang');
    expect((await neighbour.post('/api/notifications/read', { ids: [told?.id] })).json()).toEqual({ marked: 0, unread: 0 });
    expect((await neighbour.post('/api/notifications/read', { all: true })).json()).toEqual({ marked: 0, unread: 0 });
    expect(await notifications(neighbour)).toEqual({ items: [] });
    expect(await unread(clerk)).toBe(1);
  });

  it('a group task tells the role’s holders in the instance’s village, not those of another village or of the town', async () => {
    const secondClerk = await addClerk('hefeng2', UNITS.hefeng);
    const retired = await addClerk('hefeng-retired', UNITS.hefeng, true);
    const hefeng = await env.as('hefeng');
    expect((await hefeng.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng })).statusCode).toBe(201);

    expect(await unread(hefeng)).toBe(1);
    expect((await notifications(hefeng)).items[0]?.title).toBe('新待办：材料审核（review）');
    expect(await env.store.notifications.unreadCount(secondClerk)).toBe(1);
    expect(await env.store.notifications.unreadCount(retired)).toBe(0);
    expect(await unread(await env.as('honggang'))).toBe(0);
    // 里水镇's clerk reaches 鹤峰村's tasks, but 鹤峰村 has clerks of its own to tell.
    expect(await unread(await env.as('town'))).toBe(0);
  });

  it('a village with no approver of its own has its town’s approvers told', async () => {
    const { clerk, instanceId } = await startDeliberation();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    expect((await clerk.post(`/api/tasks/${task?.id}/complete`, { variables: { 商议结果: '同意' } })).statusCode).toBe(200);
    const town = await env.as('town');
    expect((await notifications(town)).items.map((n) => n.title)).toEqual(['新待办：镇审批（鹤峰村文化室修缮）']);
  });

  it('is written with the step that causes it: a completion refused because someone changed the instance first tells no one', async () => {
    const { clerk, instanceId } = await startDeliberation();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    const town = await env.as('town');

    race.arm();
    const refused = await clerk.post(`/api/tasks/${task?.id}/complete`, { variables: { 商议结果: '同意' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SZ_TASK_CONFLICT');
    expect(await unread(town)).toBe(0);
    expect((await env.store.tasks.ofInstance(instanceId)).map((t) => t.status)).toEqual(['open']);

    expect((await clerk.post(`/api/tasks/${task?.id}/complete`, { variables: { 商议结果: '同意' } })).statusCode).toBe(200);
    expect(await unread(town)).toBe(1);
  });

  it('an urging with no step behind it reaches the candidate too, with its words', async () => {
    const { clerk, instanceId } = await startDeliberation();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    const { notifier } = env.app.runtime;
    await notifier.send('urged', [env.userId('hefeng')], await notifier.taskTopic(task!, '请于本周五前完成商议'));
    const [urged] = (await notifications(clerk, '?unread=true')).items;
    expect(urged).toMatchObject({
      kind: 'urged',
      title: '催办：两委会议商议（鹤峰村文化室修缮）',
      body: '请于本周五前完成商议',
      taskId: task?.id,
    });
    expect(await unread(clerk)).toBe(2);
  });

  it('a withdrawal tells who held the task, in the commit that withdraws it', async () => {
    const { clerk, instanceId } = await startDeliberation();
    const [task] = await env.store.tasks.ofInstance(instanceId);
    const { notifier, executor } = env.app.runtime;
    const told = await notifier.plan('withdrawn', [env.userId('hefeng')], await notifier.taskTopic(task!, '申请人已撤回'));
    expect(await env.store.notifications.unreadCount(env.userId('hefeng'))).toBe(1);
    const out = await executor.run(
      instanceId,
      { type: 'cancel', reason: '撤回' },
      { actor: env.userId('hefeng'), internal: false, notify: told },
    );
    expect(out.ok).toBe(true);
    expect((await notifications(clerk)).items.map((n) => n.title)).toEqual([
      '已撤回：两委会议商议（鹤峰村文化室修缮）',
      '新待办：两委会议商议（鹤峰村文化室修缮）',
    ]);
    expect((await env.store.tasks.ofInstance(instanceId)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('pages my notifications newest first and marks them all read at once', async () => {
    const clerk = await env.as('hefeng');
    for (let i = 0; i < 3; i++) {
      await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: `鹤峰-2026-00${i}` });
      env.clock.advance(1000);
    }
    const first = await notifications(clerk, '?limit=2');
    expect(first.items.map((n) => n.title)).toEqual(['新待办：材料审核（鹤峰-2026-002）', '新待办：材料审核（鹤峰-2026-001）']);
    const second = await notifications(clerk, `?limit=2&cursor=${encodeURIComponent(first.next as string)}`);
    expect(second.items.map((n) => n.title)).toEqual(['新待办：材料审核（鹤峰-2026-000）']);
    expect(second.next).toBeUndefined();
    expect((await clerk.post('/api/notifications/read', { all: true })).json()).toEqual({ marked: 3, unread: 0 });
  });

  it('refuses a read naming neither ids nor all, a bad page size and a cursor it did not make, naming the field', async () => {
    const clerk = await env.as('hefeng');
    const field = async (res: Promise<{ statusCode: number; json: () => { code: string; details: { field: string }[] } }>) => {
      const answer = await res;
      expect(answer.statusCode).toBe(400);
      expect(answer.json().code).toBe('SZ_VALIDATION');
      return answer.json().details[0]?.field;
    };
    expect(await field(clerk.post('/api/notifications/read', {}))).toBe('body.ids');
    expect(await field(clerk.post('/api/notifications/read', { ids: [] }))).toBe('body.ids');
    expect(await field(clerk.post('/api/notifications/read', { ids: ['a'], later: true }))).toBe('body.later');
    expect(await field(clerk.get('/api/notifications?limit=0'))).toBe('querystring.limit');
    expect(await field(clerk.get('/api/notifications?cursor=not-a-cursor'))).toBe('querystring.cursor');
  });

  /** Another clerk of the unit, straight into the store. */
  async function addClerk(username: string, unitPath: string, disabled = false): Promise<string> {
    const id = `user-${username}`;
    await env.store.users.create({ id, username, displayName: username, disabled, createdAt: 0 });
    await env.store.users.grant({ userId: id, role: 'clerk', unitPath });
    return id;
  }
});
