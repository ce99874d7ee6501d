import { describe, expect, it } from 'vitest';
import { answeredChallenge, type Client, DAY, deploy, flow, processXml, type TestEnv, UNITS, useTestEnv } from './support.ts';

const clerkTask = (id: string, name: string) =>
  `<userTask id="${id}" name="${name}"><extensionElements><sz:assignment candidateGroups="clerk"/><sz:schedule dueDate="PT2H"/></extensionElements></userTask>`;

/** 填写申请 → 审核, then a notice on the village board for five days. */
const REQUEST = processXml(
  'request',
  `<startEvent id="s"/>${clerkTask('apply', '填写申请')}${clerkTask('check', '审核')}
   <intermediateThrowEvent id="post"><extensionElements><sz:notice title="=&quot;关于&quot; + subject + &quot;的公示&quot;" body="=subject" days="5"/></extensionElements></intermediateThrowEvent>
   <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition></intermediateCatchEvent>
   <endEvent id="e"/>${flow('s', 'apply', 'check', 'post', 'wait', 'e')}`,
).replace('<bpmn:process id="request"', '<bpmn:process id="request" name="村级事务申请"');

interface TaskView {
  id: string;
  elementId: string;
  actions: string[];
  processName?: string;
  businessKey?: string;
}

async function start(who: Client, businessKey: string, subject = '村道路灯维修') {
  const res = await who.post('/api/process-instances', {
    definitionKey: 'request',
    orgUnit: UNITS.hefeng,
    businessKey,
    variables: { subject },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; tasks: { id: string }[] }>();
}

const openTask = async (env: TestEnv, instanceId: string, elementId: string) => {
  const t = (await env.store.tasks.ofInstance(instanceId)).find((t) => t.elementId === elementId && t.status === 'open');
  if (!t) throw new Error(`no open ${elementId}`);
  return t;
};

describe('what the web app reads', () => {
  const env = useTestEnv();

  it('says on each task what the person asking may do, and the verbs agree', async () => {
    await deploy(env, REQUEST);
    const clerk = await env.as('hefeng');
    const { tasks } = await start(clerk, 'HF-1');
    const id = tasks[0]?.id;
    const asClerk = (await clerk.get(`/api/tasks/${id}`)).json<TaskView>();
    expect(asClerk).toMatchObject({ processName: '村级事务申请', businessKey: 'HF-1' });
    expect(asClerk.actions).toEqual(expect.arrayContaining(['complete', 'claim', 'transfer', 'addSigners', 'urge', 'comment', 'attach']));
    // The first step has nothing earlier to go back to.
    expect(asClerk.actions).not.toContain('return');
    expect(asClerk.actions).not.toContain('resolve');
    expect(asClerk.actions).not.toContain('unclaim');

    const auditor = await env.as('auditor');
    expect((await auditor.get(`/api/tasks/${id}`)).json<TaskView>().actions).toEqual([]);
    expect((await auditor.post(`/api/tasks/${id}/complete`, {})).statusCode).toBe(403);
    expect((await auditor.post(`/api/tasks/${id}/claim`)).statusCode).toBe(403);

    expect((await clerk.post(`/api/tasks/${id}/claim`)).statusCode).toBe(200);
    const claimed = (await clerk.get(`/api/tasks/${id}`)).json<TaskView>().actions;
    expect(claimed).toContain('unclaim');
    expect(claimed).not.toContain('claim');
    expect((await clerk.post(`/api/tasks/${id}/complete`, {})).statusCode).toBe(200);
    expect((await clerk.get(`/api/tasks/${id}`)).json<TaskView>().actions).toEqual([]);
    const check = await openTask(env, (await env.store.tasks.byId(id as string))?.instanceId as string, 'check');
    expect((await clerk.get(`/api/tasks/${check.id}`)).json<TaskView>().actions).toContain('return');
  });

  it('counts each inbox tab, the overdue and the due soon, as the lists show them', async () => {
    await deploy(env, REQUEST);
    const clerk = await env.as('hefeng');
    const first = await start(clerk, 'HF-1');
    await start(clerk, 'HF-2');
    await clerk.post(`/api/tasks/${first.tasks[0]?.id}/claim`);
    const counts = async () => (await (await env.as('hefeng')).get('/api/tasks/counts')).json();
    expect(await counts()).toEqual({ mine: 1, groups: 1, all: 2, overdue: 0, dueSoon: 2 });
    const listed = (await clerk.get('/api/tasks?scope=group')).json<{ items: TaskView[] }>().items;
    expect(listed.map((t) => t.businessKey)).toEqual(['HF-2']);
    expect(listed[0]?.processName).toBe('村级事务申请');
    env.clock.advance(3 * 60 * 60_000);
    expect(await counts()).toMatchObject({ overdue: 2, dueSoon: 0 });
    expect((await (await env.as('honggang')).get('/api/tasks/counts')).json()).toEqual({
      mine: 0,
      groups: 0,
      all: 0,
      overdue: 0,
      dueSoon: 0,
    });
  });

  it('lists what I started, and what was copied to me', async () => {
    await deploy(env, REQUEST);
    const clerk = await env.as('hefeng');
    const town = await env.as('town');
    const mine = await start(clerk, 'HF-1');
    await start(town, 'HF-2');
    const started = (await clerk.get('/api/process-instances?startedBy=me')).json<{ items: { id: string; processName?: string }[] }>();
    expect(started.items).toEqual([expect.objectContaining({ id: mine.id, processName: '村级事务申请' })]);

    expect((await clerk.post(`/api/process-instances/${mine.id}/cc`, { userIds: [env.userId('town')], note: '请知悉' })).statusCode).toBe(
      200,
    );
    const copies = (await town.get('/api/cc')).json<{
      items: { instanceId: string; businessKey?: string; note?: string; read: boolean; from?: string }[];
    }>();
    expect(copies.items).toEqual([
      expect.objectContaining({ instanceId: mine.id, businessKey: 'HF-1', note: '请知悉', read: false, from: env.userId('hefeng') }),
    ]);
    expect((await clerk.get('/api/cc')).json().items).toEqual([]);
  });

  it('tells the history as people read it: who did which step, returns with their reasons', async () => {
    await deploy(env, REQUEST);
    const clerk = await env.as('hefeng');
    const { id } = await start(clerk, 'HF-1');
    await clerk.post(`/api/tasks/${(await openTask(env, id, 'apply')).id}/complete`, {});
    await clerk.post(`/api/tasks/${(await openTask(env, id, 'check')).id}/return`, { reason: '缺少现场照片' });
    const timeline = (await clerk.get(`/api/process-instances/${id}/timeline`)).json<{
      items: { kind: string; stepName?: string; actorName?: string; note?: string }[];
    }>();
    expect(timeline.items.map((i) => [i.kind, i.stepName ?? null])).toEqual([
      ['started', null],
      ['arrived', '填写申请'],
      ['completed', '填写申请'],
      ['arrived', '审核'],
      ['returned', '审核'],
      ['arrived', '填写申请'],
    ]);
    expect(timeline.items[0]?.actorName).toBe('鹤峰村办事员');
    expect(timeline.items[4]?.note).toBe('缺少现场照片');
    expect((await (await env.as('honggang')).get(`/api/process-instances/${id}/timeline`)).statusCode).toBe(404);
  });
});

describe('objections on the public board', () => {
  const env = useTestEnv();
  const board = `/api/public/units/${encodeURIComponent(UNITS.hefeng)}/notices`;

  async function posted(): Promise<string> {
    await deploy(env, REQUEST);
    const clerk = await env.as('hefeng');
    const { id } = await start(clerk, 'HF-1');
    for (const step of ['apply', 'check']) await clerk.post(`/api/tasks/${(await openTask(env, id, step)).id}/complete`, {});
    const notices = (await env.app.inject({ method: 'GET', url: board })).json<{ items: { id: string }[] }>().items;
    expect(notices).toHaveLength(1);
    return notices[0]?.id as string;
  }

  const object = async (noticeId: string, body: object, remoteAddress = '203.0.113.7') =>
    env.app.inject({
      method: 'POST',
      url: `${board.replace('/notices', '')}/notices/${noticeId}/objections`,
      payload: { challenge: await answeredChallenge(env.app), ...body },
      remoteAddress,
    });

  it('takes a villager’s objection without login, keeps it for the staff with the phone masked', async () => {
    const noticeId = await posted();
    const filed = await object(noticeId, { content: '路灯报价偏高', name: '陈伯', phone: '13800138000' });
    expect(filed.statusCode).toBe(201);
    const admin = await env.as('admin');
    const kept = (await admin.get(`/api/objections?unit=${encodeURIComponent(UNITS.hefeng)}`)).json<{ items: object[] }>().items;
    expect(kept).toEqual([expect.objectContaining({ noticeId, content: '路灯报价偏高', name: '陈伯', phone: '138****8000' })]);
    expect((await (await env.as('honggang')).get(`/api/objections?unit=${encodeURIComponent(UNITS.hefeng)}`)).statusCode).toBe(404);
  });

  it('refuses a blank one, one for no notice, and one after the posting period, naming why', async () => {
    const noticeId = await posted();
    expect((await object(noticeId, { content: '   ' })).json()).toMatchObject({ code: 'SZ_VALIDATION' });
    expect((await object('no-such-notice', { content: '有意见' })).json()).toMatchObject({ code: 'SZ_NOT_FOUND' });
    expect((await object(noticeId, { content: '有意见', phone: '12345' })).statusCode).toBe(400);
    env.clock.advance(6 * DAY);
    const late = await object(noticeId, { content: '有意见' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'SZ_NOTICE_CLOSED' });
    expect(late.json().message).toContain('公示期');
  });

  it('takes none without the board’s sum answered right, in time and once', async () => {
    const noticeId = await posted();
    expect((await object(noticeId, { content: '有意见', challenge: undefined })).json()).toMatchObject({ code: 'SZ_VALIDATION' });
    const wrong = await object(noticeId, { content: '有意见', challenge: await answeredChallenge(env.app, (a, b) => String(a + b + 1)) });
    expect(wrong.json()).toMatchObject({ code: 'SZ_CHALLENGE_FAILED', message: expect.stringContaining('验证题') });
    const right = await answeredChallenge(env.app);
    expect((await object(noticeId, { content: '有意见', challenge: right })).statusCode).toBe(201);
    expect((await object(noticeId, { content: '再提一次', challenge: right })).json().code).toBe('SZ_CHALLENGE_FAILED');
    const slow = await answeredChallenge(env.app);
    env.clock.advance(11 * 60_000);
    expect((await object(noticeId, { content: '有意见', challenge: slow })).json().code).toBe('SZ_CHALLENGE_FAILED');
    const forged = { ...(await answeredChallenge(env.app)), token: `${Buffer.from('{"id":"x","exp":9e15}').toString('base64url')}.bad` };
    expect((await object(noticeId, { content: '有意见', challenge: forged })).json().code).toBe('SZ_CHALLENGE_FAILED');
  });

  it('asks one address flooding the form to wait, and still hears the others', async () => {
    const noticeId = await posted();
    for (let i = 0; i < 5; i++) expect((await object(noticeId, { content: `第${i + 1}条意见` })).statusCode).toBe(201);
    const flooded = await object(noticeId, { content: '第6条意见' });
    expect(flooded.statusCode).toBe(429);
    expect(flooded.json()).toMatchObject({ code: 'SZ_RATE_LIMITED' });
    expect((await object(noticeId, { content: '邻居的意见' }, '198.51.100.4')).statusCode).toBe(201);
  });
});
