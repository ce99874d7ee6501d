import { describe, expect, it } from 'vitest';
import { type Client, deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

/** 审核 offered to the clerks, then 审批. */
const REVIEW = processXml(
  'review',
  `<startEvent id="s"/>
   <userTask id="check" name="审核"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <userTask id="approve" name="审批"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="e"/>${flow('s', 'check', 'approve', 'e')}`,
);

interface TaskView {
  id: string;
  elementId: string;
  assignee?: string;
  owner?: string;
}

describe('加签: adding signers to a task', () => {
  const env = useTestEnv();

  async function started(): Promise<{ clerk: Client; id: string; check: TaskView }> {
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const check = (await env.store.tasks.ofInstance(id)).find((t) => t.elementId === 'check') as TaskView;
    return { clerk, id, check };
  }

  const openAt = async (instanceId: string) =>
    (await env.store.tasks.ofInstance(instanceId))
      .filter((t) => t.status === 'open')
      .map((t) => ({ id: t.id, el: t.elementId, who: t.assignee }));

  const signersOf = async (instanceId: string, person: 'town' | 'admin') => {
    const found = (await openAt(instanceId)).find((t) => t.who === env.userId(person));
    if (!found) throw new Error(`${person} holds no open task`);
    return found.id;
  };

  const done = async (who: Client, taskId: string) => expect((await who.post(`/api/tasks/${taskId}/complete`, {})).statusCode).toBe(200);

  it('parallel (并加签): each signer gets a task at the step; it goes on once the holder and every signer have completed', async () => {
    const { clerk, id, check } = await started();
    const res = await clerk.post(`/api/tasks/${check.id}/add-signers`, {
      mode: 'parallel',
      userIds: [env.userId('town'), env.userId('admin')],
      reason: '涉及镇级资金',
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: TaskView[] }>().items;
    expect(items.map((t) => t.assignee ?? null).sort()).toEqual([env.userId('admin'), env.userId('town'), null].sort());
    const comments = (await clerk.get(`/api/tasks/${check.id}/comments`)).json<{ items: { text: string }[] }>().items;
    expect(comments.map((c) => c.text)).toEqual(['加签：涉及镇级资金']);
    await done(await env.as('town'), await signersOf(id, 'town'));
    await done(clerk, check.id);
    expect((await openAt(id)).map((t) => t.el)).toEqual(['check']);
    await done(await env.as('admin'), await signersOf(id, 'admin'));
    expect((await openAt(id)).map((t) => t.el)).toEqual(['approve']);
  });

  it('after (后加签): the signer gets the task once the holder has completed, then the flow goes on', async () => {
    const { clerk, id, check } = await started();
    const res = await clerk.post(`/api/tasks/${check.id}/add-signers`, { mode: 'after', userIds: [env.userId('town')] });
    expect(res.json<{ items: TaskView[] }>().items.map((t) => t.id)).toEqual([check.id]);
    await done(clerk, check.id);
    expect(await openAt(id)).toEqual([expect.objectContaining({ el: 'check', who: env.userId('town') })]);
    await done(await env.as('town'), await signersOf(id, 'town'));
    expect((await openAt(id)).map((t) => t.el)).toEqual(['approve']);
  });

  it('before (前加签): a delegation; the signer resolves it back to the holder, who completes it; a delegated task takes no more', async () => {
    const { clerk, id, check } = await started();
    const res = await clerk.post(`/api/tasks/${check.id}/add-signers`, { mode: 'before', userIds: [env.userId('town')] });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: TaskView[] }>().items).toEqual([
      expect.objectContaining({ id: check.id, assignee: env.userId('town'), owner: env.userId('hefeng') }),
    ]);
    const again = await clerk.post(`/api/tasks/${check.id}/add-signers`, { mode: 'parallel', userIds: [env.userId('admin')] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SZ_TASK_DELEGATED');
    const town = await env.as('town');
    expect((await town.post(`/api/tasks/${check.id}/resolve`)).statusCode).toBe(200);
    await done(clerk, check.id);
    expect((await openAt(id)).map((t) => t.el)).toEqual(['approve']);
  });

  it('refuses an auditor (403), a signer who reaches no unit of the task (400, naming them), two before-signers at once (400)', async () => {
    const { clerk, check } = await started();
    const auditor = await env.as('auditor');
    const forbidden = await auditor.post(`/api/tasks/${check.id}/add-signers`, { mode: 'parallel', userIds: [env.userId('town')] });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('SZ_FORBIDDEN');
    const stranger = env.userId('honggang');
    const invalid = await clerk.post(`/api/tasks/${check.id}/add-signers`, { mode: 'after', userIds: [stranger] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'SZ_ASSIGNEE_INVALID', message: expect.stringContaining(stranger) });
    const two = await clerk.post(`/api/tasks/${check.id}/add-signers`, {
      mode: 'before',
      userIds: [env.userId('town'), env.userId('admin')],
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().code).toBe('SZ_VALIDATION');
  });

  it('lets the unit’s admin add signers to a task they do not work', async () => {
    const { id, check } = await started();
    const admin = await env.as('admin');
    const res = await admin.post(`/api/tasks/${check.id}/add-signers`, { mode: 'parallel', userIds: [env.userId('town')] });
    expect(res.statusCode).toBe(200);
    expect((await openAt(id)).map((t) => t.who ?? null)).toContain(env.userId('town'));
  });
});
