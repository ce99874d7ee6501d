import { describe, expect, it } from 'vitest';
import { type Client, deploy, flow, processXml, type TestEnv, UNITS, useTestEnv } from './support.ts';

const clerkTask = (id: string, name: string) =>
  `<userTask id="${id}" name="${name}"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>`;

/** 申请 → 初审 → 审批: each step offered to the clerks. */
const CHAIN = processXml(
  'chain',
  `<startEvent id="s"/>${clerkTask('apply', '填写申请')}${clerkTask('check', '初审')}${clerkTask('approve', '审批')}<endEvent id="e"/>
   ${flow('s', 'apply', 'check', 'approve', 'e')}`,
);

/** 准备材料, then 财务 and 法务 side by side, joined before 签发. */
const SPLIT = processXml(
  'split',
  `<startEvent id="s"/>${clerkTask('prepare', '准备材料')}<parallelGateway id="fork"/>
   ${clerkTask('finance', '财务审核')}${clerkTask('legal', '法务审核')}<parallelGateway id="join"/>${clerkTask('sign', '签发')}
   ${flow('s', 'prepare', 'fork')}${flow('fork', 'finance', 'join')}${flow('fork', 'legal', 'join')}${flow('join', 'sign')}`,
);

interface TaskView {
  id: string;
  elementId: string;
  status: string;
  assignee?: string;
}

async function start(key: string, who: Client) {
  const res = await who.post('/api/process-instances', { definitionKey: key, orgUnit: UNITS.hefeng });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function open(env: TestEnv, instanceId: string, elementId: string): Promise<TaskView> {
  const found = (await env.store.tasks.ofInstance(instanceId)).find((t) => t.elementId === elementId && t.status === 'open');
  if (!found) throw new Error(`no open ${elementId}`);
  return found as TaskView;
}

async function complete(who: Client, env: TestEnv, instanceId: string, elementId: string) {
  const res = await who.post(`/api/tasks/${(await open(env, instanceId, elementId)).id}/complete`, {});
  expect(res.statusCode).toBe(200);
}

const openSteps = async (env: TestEnv, instanceId: string) =>
  (await env.store.tasks.ofInstance(instanceId))
    .filter((t) => t.status === 'open')
    .map((t) => t.elementId)
    .sort();

describe('退回: sending a task back', () => {
  const env = useTestEnv();

  it('goes back to the previous step by default, to whoever did it, with the reason in the audit trail', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const town = await env.as('town');
    const id = await start('chain', clerk);
    await complete(clerk, env, id, 'apply');
    await complete(town, env, id, 'check');
    const approve = await open(env, id, 'approve');
    const targets = (await clerk.get(`/api/tasks/${approve.id}/return-targets`)).json<{ items: { elementId: string }[] }>();
    expect(targets.items.map((t) => t.elementId)).toEqual(['check', 'apply']);
    const res = await clerk.post(`/api/tasks/${approve.id}/return`, { reason: '初审意见不完整' });
    expect(res.statusCode).toBe(200);
    expect(res.json().returned).toMatchObject({ id: approve.id, status: 'cancelled' });
    expect(res.json().reopened).toEqual([expect.objectContaining({ elementId: 'check', assignee: env.userId('town') })]);
    const history = (await env.store.events.ofInstance(id)).find((e) => e.event.type === 'TaskReturned');
    expect(history).toMatchObject({ actor: env.userId('hefeng'), event: { to: 'check', reason: '初审意见不完整' } });
  });

  it('from a 会签 one member has signed: back to the step before it, not to the countersign itself', async () => {
    const SIGNED = processXml(
      'signed',
      `<startEvent id="s"/>${clerkTask('apply', '填写申请')}
       <userTask id="sign" name="两委会签"><extensionElements><sz:approval mode="all" members="town, admin"/></extensionElements></userTask>
       <endEvent id="e"/>${flow('s', 'apply', 'sign', 'e')}`,
    );
    await deploy(env, SIGNED);
    const clerk = await env.as('hefeng');
    const id = await start('signed', clerk);
    await complete(clerk, env, id, 'apply');
    const signs = (await env.store.tasks.ofInstance(id)).filter((t) => t.elementId === 'sign');
    const town = await env.as('town');
    const mine = signs.find((t) => t.assignee === env.userId('town'));
    expect((await town.post(`/api/tasks/${mine?.id}/complete`, {})).statusCode).toBe(200);
    const admin = await env.as('admin');
    const left = signs.find((t) => t.assignee === env.userId('admin'));
    const targets = (await admin.get(`/api/tasks/${left?.id}/return-targets`)).json<{ items: { elementId: string }[] }>();
    expect(targets.items.map((t) => t.elementId)).toEqual(['apply']);
    expect((await admin.post(`/api/tasks/${left?.id}/return`, { reason: '申请材料缺少预算' })).statusCode).toBe(200);
    expect(await openSteps(env, id)).toEqual(['apply']);
  });

  it('across a parallel split: both branches are withdrawn, the finished one too, and the split runs again', async () => {
    await deploy(env, SPLIT);
    const clerk = await env.as('hefeng');
    const id = await start('split', clerk);
    await complete(clerk, env, id, 'prepare');
    await complete(clerk, env, id, 'finance');
    const legal = await open(env, id, 'legal');
    const res = await clerk.post(`/api/tasks/${legal.id}/return`, { to: 'prepare', reason: '材料缺少预算表' });
    expect(res.statusCode).toBe(200);
    expect(await openSteps(env, id)).toEqual(['prepare']);
    await complete(clerk, env, id, 'prepare');
    expect(await openSteps(env, id)).toEqual(['finance', 'legal']);
    await complete(clerk, env, id, 'legal');
    expect(await openSteps(env, id)).toEqual(['finance']);
    await complete(clerk, env, id, 'finance');
    expect(await openSteps(env, id)).toEqual(['sign']);
  });

  it('refuses a step the task does not come from, and anyone who does not work the task', async () => {
    await deploy(env, SPLIT);
    const clerk = await env.as('hefeng');
    const id = await start('split', clerk);
    await complete(clerk, env, id, 'prepare');
    await complete(clerk, env, id, 'finance');
    const legal = await open(env, id, 'legal');
    const sideways = await clerk.post(`/api/tasks/${legal.id}/return`, { to: 'finance', reason: '退回' });
    expect(sideways.statusCode).toBe(409);
    expect(sideways.json()).toMatchObject({ code: 'SZ_RETURN_INVALID', details: { to: 'finance', targets: ['prepare'] } });
    const auditor = await env.as('auditor');
    expect((await auditor.post(`/api/tasks/${legal.id}/return`, { reason: '退回' })).json().code).toBe('SZ_FORBIDDEN');
    expect((await clerk.post(`/api/tasks/${legal.id}/return`, { reason: '  ' })).statusCode).toBe(400);
  });
});

describe('转交, 撤回 and 批量审批', () => {
  const env = useTestEnv();

  it('转交: the one working a task hands it on for good, the reason kept as a comment', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const id = await start('chain', clerk);
    const apply = await open(env, id, 'apply');
    await clerk.post(`/api/tasks/${apply.id}/claim`);
    const res = await clerk.post(`/api/tasks/${apply.id}/transfer`, { userId: env.userId('town'), reason: '我下周出差' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignee: env.userId('town') });
    expect(res.json().owner).toBeUndefined();
    const comments = (await clerk.get(`/api/tasks/${apply.id}/comments`)).json<{ items: { text: string }[] }>().items;
    expect(comments.map((c) => c.text)).toEqual(['转交：我下周出差']);
    expect((await clerk.post(`/api/tasks/${apply.id}/transfer`, { userId: env.userId('hefeng') })).json().code).toBe('SZ_NOT_CANDIDATE');
  });

  it('撤回: the starter takes the instance back while nobody else has acted', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const id = await start('chain', clerk);
    await complete(clerk, env, id, 'apply');
    const town = await env.as('town');
    expect((await town.post(`/api/process-instances/${id}/withdraw`, {})).json().code).toBe('SZ_FORBIDDEN');
    const res = await clerk.post(`/api/process-instances/${id}/withdraw`, { reason: '填错了单位' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect(await openSteps(env, id)).toEqual([]);
    const ended = (await env.store.events.ofInstance(id)).find((e) => e.event.type === 'InstanceEnded');
    expect(ended?.event).toEqual({ type: 'InstanceEnded', status: 'withdrawn', reason: '填错了单位' });
  });

  it('撤回 is refused once someone else has acted on the instance', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const id = await start('chain', clerk);
    await complete(clerk, env, id, 'apply');
    await complete(await env.as('town'), env, id, 'check');
    const res = await clerk.post(`/api/process-instances/${id}/withdraw`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SZ_WITHDRAW_TOO_LATE');
    expect(res.json().message).toContain('不能再撤回');
  });

  it('批量审批: each task succeeds or fails on its own, one comment on those done', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const a = await start('chain', clerk);
    const b = await start('chain', clerk);
    const honggang = await env.as('honggang');
    const elsewhere = (await honggang.post('/api/process-instances', { definitionKey: 'chain', orgUnit: UNITS.honggang })).json().id;
    const ids = [(await open(env, a, 'apply')).id, (await open(env, b, 'apply')).id, (await open(env, elsewhere, 'apply')).id];
    const res = await clerk.post('/api/tasks/batch-complete', { taskIds: ids, comment: '同意，材料齐全' });
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { taskId: string; ok: boolean; error?: { code: string; message: string } }[] }>().results;
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]?.error).toEqual({ code: 'SZ_NOT_FOUND', message: expect.stringContaining('待办') });
    expect(await openSteps(env, a)).toEqual(['check']);
    expect(await openSteps(env, elsewhere)).toEqual(['apply']);
    expect((await clerk.get(`/api/tasks/${ids[0]}/comments`)).json().items).toEqual([expect.objectContaining({ text: '同意，材料齐全' })]);
  });
});

describe('会签 and 表决 over HTTP, members named by username', () => {
  const env = useTestEnv();
  const VOTE = processXml(
    'vote',
    `<startEvent id="s"/>
     <userTask id="decide" name="两委商议"><extensionElements><sz:approval mode="vote" members="hefeng, town, admin" quorum="2/3" passRatio="1/2"/></extensionElements></userTask>
     <exclusiveGateway id="gw" default="no"/>${clerkTask('carryOut', '组织实施')}${clerkTask('revise', '修改方案')}
     ${flow('s', 'decide', 'gw')}
     <sequenceFlow id="yes" sourceRef="gw" targetRef="carryOut"><conditionExpression xsi:type="tFormalExpression">=approval.outcome = "passed"</conditionExpression></sequenceFlow>
     <sequenceFlow id="no" sourceRef="gw" targetRef="revise"/>`,
  );

  async function vote(who: 'hefeng' | 'town' | 'admin', id: string, decision?: string) {
    const client = await env.as(who);
    const mine = (await client.get('/api/tasks')).json<{ items: { id: string; instanceId: string; elementId: string }[] }>().items;
    const t = mine.find((x) => x.instanceId === id && x.elementId === 'decide');
    if (!t) throw new Error(`${who} has no vote to cast`);
    const res = await client.post(`/api/tasks/${t.id}/complete`, { variables: decision === undefined ? {} : { decision } });
    expect(res.statusCode).toBe(200);
  }

  it('passes by ratio as soon as two of three approve; the third member’s task is withdrawn', async () => {
    await deploy(env, VOTE);
    const id = await start('vote', await env.as('hefeng'));
    const decide = (await env.store.tasks.ofInstance(id)).filter((t) => t.elementId === 'decide');
    expect(decide.map((t) => t.assignee).sort()).toEqual([env.userId('admin'), env.userId('hefeng'), env.userId('town')].sort());
    await vote('hefeng', id, '同意');
    await vote('town', id, '同意');
    expect(await openSteps(env, id)).toEqual(['carryOut']);
    const detail = (await (await env.as('admin')).get(`/api/process-instances/${id}`)).json();
    expect(detail.variables.approval).toEqual({ outcome: 'passed', eligible: 3, approve: 2, reject: 0, abstain: 0 });
    const told = (await (await env.as('admin')).get('/api/notifications')).json<{ items: { kind: string; body?: string }[] }>().items;
    expect(told.find((n) => n.kind === 'withdrawn')).toMatchObject({ body: expect.stringContaining('已由其他人决定') });
  });

  it('over a role: each holder of it for the instance’s unit gets a task (here the town’s approver, the village having none)', async () => {
    const BY_ROLE = VOTE.replace(
      'mode="vote" members="hefeng, town, admin" quorum="2/3" passRatio="1/2"',
      'mode="all" members="role:approver"',
    );
    await deploy(env, BY_ROLE);
    const id = await start('vote', await env.as('hefeng'));
    await env.app.runtime.workers.runDue();
    const decide = (await env.store.tasks.ofInstance(id)).filter((t) => t.elementId === 'decide');
    expect(decide.map((t) => t.assignee)).toEqual([env.userId('town')]);
    await vote('town', id, '同意');
    expect(await openSteps(env, id)).toEqual(['carryOut']);
  });

  it('表决 with a veto by role: the town admin’s rejection decides at once, the town clerk’s does not', async () => {
    const WITH_VETO = VOTE.replace('quorum="2/3" passRatio="1/2"', 'quorum="2/3" passRatio="1/2" veto="role:town-admin"');
    await deploy(env, WITH_VETO);
    const clerkFirst = await start('vote', await env.as('hefeng'));
    await vote('town', clerkFirst, '不同意');
    expect(await openSteps(env, clerkFirst)).toEqual(['decide', 'decide']);
    const adminFirst = await start('vote', await env.as('hefeng'));
    await vote('hefeng', adminFirst, '同意');
    await vote('admin', adminFirst, '不同意');
    expect(await openSteps(env, adminFirst)).toEqual(['revise']);
  });

  it('fails for want of a quorum when only one of three decides', async () => {
    await deploy(env, VOTE);
    const id = await start('vote', await env.as('hefeng'));
    await vote('hefeng', id, '同意');
    await vote('town', id);
    await vote('admin', id);
    expect(await openSteps(env, id)).toEqual(['revise']);
    const detail = (await (await env.as('admin')).get(`/api/process-instances/${id}`)).json();
    expect(detail.variables.approval).toMatchObject({ outcome: 'noQuorum', approve: 1 });
  });
});

describe('who is told of the approval verbs', () => {
  const env = useTestEnv();
  const kinds = async (who: 'hefeng' | 'town' | 'admin') =>
    (await (await env.as(who)).get('/api/notifications')).json<{ items: { kind: string; title: string }[] }>().items;

  it('催办: the holder is reminded, at most once an hour', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const id = await start('chain', clerk);
    await complete(clerk, env, id, 'apply');
    const check = await open(env, id, 'check');
    const town = await env.as('town');
    await town.post(`/api/tasks/${check.id}/claim`);
    const first = await clerk.post(`/api/tasks/${check.id}/urge`, { message: '村民等着用' });
    expect(first.statusCode).toBe(200);
    expect(first.json().told).toBe(1);
    expect((await kinds('town')).find((n) => n.kind === 'urged')).toMatchObject({
      title: expect.stringMatching(/^催办：初审/),
      from: env.userId('hefeng'),
      fromName: expect.any(String),
    });
    const again = await clerk.post(`/api/tasks/${check.id}/urge`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SZ_URGE_TOO_SOON', message: expect.stringContaining('一小时内已经催办过') });
    env.clock.advance(61 * 60_000);
    expect((await (await env.as('hefeng')).post(`/api/tasks/${check.id}/urge`, {})).statusCode).toBe(200);
    expect((await (await env.as('auditor')).post(`/api/tasks/${check.id}/urge`, {})).json().code).toBe('SZ_FORBIDDEN');
  });

  it('退回 tells whoever gets the step back that it was returned, not that it is new', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const town = await env.as('town');
    const id = await start('chain', clerk);
    await complete(town, env, id, 'apply');
    const check = await open(env, id, 'check');
    await clerk.post(`/api/tasks/${check.id}/return`, { reason: '缺材料' });
    const told = await kinds('town');
    expect(told.filter((n) => n.kind === 'returned')).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^已退回：填写申请/) }),
    ]);
  });

  it('撤回 tells whoever held the withdrawn tasks', async () => {
    const forTown = processXml(
      'forTown',
      `<startEvent id="s"/><userTask id="sign" name="镇审核"><extensionElements><sz:assignment assignee="town"/></extensionElements></userTask>${flow('s', 'sign')}`,
    );
    await deploy(env, forTown);
    const clerk = await env.as('hefeng');
    const id = await start('forTown', clerk);
    expect((await clerk.post(`/api/process-instances/${id}/withdraw`, {})).statusCode).toBe(200);
    expect((await kinds('town')).map((n) => n.kind).sort()).toEqual(['task', 'withdrawn']);
  });
});

describe('抄送: copying an instance', () => {
  const env = useTestEnv();

  it('lets the people copied read it, only read, tells them, and shows who has read it', async () => {
    await deploy(env, CHAIN);
    const clerk = await env.as('hefeng');
    const id = await start('chain', clerk);
    const dali = await env.as('daliAdmin');
    expect((await dali.get(`/api/process-instances/${id}`)).statusCode).toBe(404);
    const copied = await clerk.post(`/api/process-instances/${id}/cc`, { userIds: [env.userId('daliAdmin')], note: '请大沥镇参考' });
    expect(copied.statusCode).toBe(200);
    expect(copied.json().items).toEqual([expect.objectContaining({ userId: env.userId('daliAdmin'), note: '请大沥镇参考' })]);
    expect(copied.json().items[0].readAt).toBeUndefined();
    const told = (await dali.get('/api/notifications')).json<{ items: { kind: string; title: string }[] }>().items;
    expect(told).toEqual([expect.objectContaining({ kind: 'cc', title: '抄送：chain' })]);
    expect((await dali.get(`/api/process-instances/${id}`)).statusCode).toBe(200);
    expect((await clerk.get(`/api/process-instances/${id}/cc`)).json().items[0].readAt).toEqual(expect.any(String));
    expect((await dali.post(`/api/process-instances/${id}/cancel`, { reason: '越权' })).statusCode).toBe(404);
  });

  it('is for the starter, those who handled it, and its unit’s admins', async () => {
    await deploy(env, CHAIN);
    const id = await start('chain', await env.as('hefeng'));
    const auditor = await env.as('auditor');
    expect((await auditor.post(`/api/process-instances/${id}/cc`, { userIds: [env.userId('town')] })).json().code).toBe('SZ_FORBIDDEN');
    const admin = await env.as('admin');
    const bad = await admin.post(`/api/process-instances/${id}/cc`, { userIds: ['nobody'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'body.userIds[0]' });
  });
});
