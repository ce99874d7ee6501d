import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Adoption, adoptionAt, DAY, demoWorld, type Person, releaseVersion, type World } from './harness.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const HONGGANG = '/nanhai/lishui/honggang/';

/**
 * 重要事项清单 · 四议两公开 as 里水镇 and two of its villages run it (DOMAIN.md template 1): each
 * village on its own settings, a matter through the full path with an objection while the
 * resolution is posted and the filing at the town, a vote that fails, the short path, a step left
 * overdue, and the town's new version taken while a matter is under way.
 */
describe('key-matters (重要事项清单 · 四议两公开)', () => {
  let world: World;
  let admin: Person;
  let clerk: Person;
  let secretary: Person;
  let member: Person;
  beforeAll(async () => {
    world = await demoWorld();
    admin = await world.as('hefeng-guanli');
    clerk = await world.as('hefeng-banshi');
    secretary = await world.as('hefeng-shuji');
    member = await world.as('hefeng-liangwei');
  });
  afterAll(() => world.close());

  const adoptionOf = (who: Person, unit: string) => adoptionAt(who, unit, 'key-matters');
  const xmlOf = async (who: Person, definitionId: string) => (await who.get(`/api/process-definitions/${definitionId}/xml`)).body;
  const start = async (matterNo: string, matter: string) => {
    const res = await clerk.post('/api/process-instances', {
      definitionKey: 'key_matters',
      orgUnit: HEFENG,
      businessKey: matterNo,
      variables: { matterNo, matter },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; definitionId: string }>();
  };
  const propose = (id: string, matterType: string, amount: number) =>
    secretary.complete(id, '党组织提议', {
      matterType,
      amount,
      plan: '村集体闲置厂房一栋，公开招租五年，租金收入用于村道养护。',
      committee: ['hefeng-shuji', 'hefeng-liangwei'],
      // 鹤峰村's own field since its customisation: a matter started then still asks for it.
      fundSource: '村集体经营收入',
    });
  const deliberate = async (id: string, vote = '同意') => {
    await secretary.complete(id, '两委会议商议', { vote, opinion: '方案可行，按程序推进。' });
    await member.complete(id, '两委会议商议', { vote, opinion: '同意，注意租金按年递增。' });
  };
  const instance = async (id: string) =>
    (await clerk.get(`/api/process-instances/${id}`)).json<{ instance: { status: string; definitionId: string } }>().instance;
  const status = async (id: string) => (await instance(id)).status;

  it('里水镇 published it to its villages, and 鹤峰村 and 宏岗村 each adopted it with their own settings', async () => {
    const town = await world.as('lishui-guanli');
    const library = (await town.get('/api/templates')).json<{
      items: { id: string; version: string; sources: { article?: string }[] }[];
    }>();
    expect(library.items).toContainEqual(
      expect.objectContaining({
        id: 'key-matters',
        version: '1.0.0',
        sources: expect.arrayContaining([expect.objectContaining({ article: '第二十六条' })]),
      }),
    );
    const offered = (await admin.get(`/api/template-publications?unit=${encodeURIComponent(HEFENG)}`)).json<{
      items: { templateId: string; unitPath: string }[];
    }>();
    expect(offered.items).toContainEqual(expect.objectContaining({ templateId: 'key-matters', unitPath: '/nanhai/lishui/' }));

    const hefeng = await adoptionOf(admin, HEFENG);
    const honggang = await adoptionOf(await world.as('honggang-guanli'), HONGGANG);
    expect(hefeng.overlay.parameters).toMatchObject({ postingDays: 10 });
    const [hefengXml, honggangXml] = [await xmlOf(admin, hefeng.definitionId), await xmlOf(town, honggang.definitionId)];
    expect(hefengXml).toContain('days="10" board="鹤峰村村务公开栏"');
    expect(honggangXml).toContain('days="7" board="宏岗村村务公开栏"');
    expect(honggangXml).toContain('name="宏岗村重要事项决策"');
    expect(honggangXml).toContain('P7WD');
    // 宏岗村 cannot see 鹤峰村's adoption.
    expect((await (await world.as('honggang-guanli')).get(`/api/adoptions/${hefeng.id}`)).statusCode).toBe(404);
  });

  it('a village admin sets every parameter and adds a form field through the API, within the town’s bounds', async () => {
    const adoption = await adoptionOf(admin, HEFENG);
    const publication = (await admin.get(`/api/template-publications/${adoption.publicationId}`)).json<{
      parameters: { schema: { properties: Record<string, { minimum?: number; maximum?: number }> } };
    }>();
    expect(publication.parameters.schema.properties.postingDays).toMatchObject({ minimum: 7, maximum: 15 });

    const every = {
      matters: [
        { type: '集体财产借贷租赁', threshold: 50000, body: '村民代表会议' },
        { type: '集体经济项目', threshold: 100000, body: '村民代表会议' },
        { type: '公益事业兴办及筹资筹劳', threshold: 0, body: '村民代表会议' },
      ],
      filingThreshold: 300000,
      committeeQuorum: '2/3',
      passRatio: '1/2',
      repQuorum: '2/3',
      repPassRatio: '1/2',
      postingDays: 10,
      stepDays: 10,
      implementationDays: 120,
      objectionReplyDays: 5,
      board: '鹤峰村村务公开栏',
      proposers: ['approver'],
      recorders: ['clerk', 'village-admin'],
      objectionHandlers: ['village-admin'],
      filers: ['role:approver@parent'],
      supervisors: ['role:town-admin@parent'],
    };
    expect(Object.keys(every).sort()).toEqual(Object.keys(publication.parameters.schema.properties).sort());
    const fundSource = [
      { op: 'add', path: '/schema/properties/fundSource', value: { type: 'string', title: '资金来源', minLength: 2, maxLength: 200 } },
      { op: 'add', path: '/schema/required/-', value: 'fundSource' },
    ];

    const tooLong = await admin.put(`/api/adoptions/${adoption.id}`, {
      revision: adoption.revision,
      overlay: { parameters: { ...every, postingDays: 20 } },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'SZ_TEMPLATE_INVALID', message: expect.stringContaining('公示天数') });

    const removing = await admin.put(`/api/adoptions/${adoption.id}`, {
      revision: adoption.revision,
      overlay: { fields: { 'key-matters-proposal': [{ op: 'remove', path: '/schema/properties/amount' }] } },
    });
    expect(removing.json()).toMatchObject({
      code: 'SZ_TEMPLATE_INVALID',
      details: { problems: [expect.objectContaining({ code: 'patch-op' })] },
    });

    const saved = await admin.put(`/api/adoptions/${adoption.id}`, {
      revision: adoption.revision,
      overlay: { parameters: every, fields: { 'key-matters-proposal': fundSource } },
      note: '按村两委会议意见调整',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const next = saved.json<Adoption>();
    expect(next).toMatchObject({ revision: adoption.revision + 1, deployments: [expect.anything(), expect.anything()] });
    expect(next.definitionId).not.toBe(adoption.definitionId);
    const stale = await admin.put(`/api/adoptions/${adoption.id}`, { revision: adoption.revision, overlay: {} });
    expect(stale.json().code).toBe('SZ_ADOPTION_CONFLICT');
    expect((await clerk.put(`/api/adoptions/${adoption.id}`, { revision: next.revision, overlay: {} })).json().code).toBe('SZ_FORBIDDEN');
  });

  it('a matter on the checklist at its amount goes the full path: filed with the town, posted with an objection answered, implemented by a contractor the restrictions register does not bar, its result posted', async () => {
    const { id } = await start('HF-2026-101', '村集体闲置厂房公开招租');
    const proposal = await secretary.task(id, '党组织提议');
    const refused = await secretary.post(`/api/tasks/${proposal.id}/complete`, {
      variables: {
        matterType: '集体财产借贷租赁',
        amount: 600000,
        plan: '村集体闲置厂房一栋，公开招租五年。',
        committee: ['hefeng-shuji'],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('fundSource');
    await secretary.complete(id, '党组织提议', {
      matterType: '集体财产借贷租赁',
      amount: 600000,
      plan: '村集体闲置厂房一栋，公开招租五年，租金收入用于村道养护。',
      committee: ['hefeng-shuji', 'hefeng-liangwei'],
      fundSource: '租金收入归村集体',
    });
    await deliberate(id);
    await clerk.complete(id, '党员大会审议', { partyMembers: 30, partyPresent: 26, partyApprove: 24, partyOpinion: '同意按程序公开招租' });
    await clerk.complete(id, '村民代表会议决议', {
      repsTotal: 45,
      repsPresent: 36,
      repsApprove: 30,
      resolution: '同意村集体闲置厂房公开招租，租期五年，底价每月1.2万元。',
    });

    const posted = (await world.board(HEFENG)).find((n) => n.title === '村集体闲置厂房公开招租决议公开');
    expect(posted?.body).toContain('底价每月1.2万元');
    expect(
      await world.object(HEFENG, posted?.id as string, { content: '底价偏低，周边厂房每月1.5万元。', name: '陈伯', phone: '13800138000' }),
    ).toBe(201);
    const answer = await admin.task(id, '答复村民异议');
    expect((await admin.get(`/api/tasks/${answer.id}/form`)).json()).toMatchObject({
      values: { objection: '底价偏低，周边厂房每月1.5万元。' },
    });
    await admin.complete(id, '答复村民异议', { reply: '底价经第三方评估，招租采取公开竞价，成交价以竞价为准。' });

    await world.pass(10 * DAY);
    const filer = await world.as('lishui-shenpi');
    await filer.complete(id, '镇备案', { filingNo: '里水备〔2026〕12号', filingOpinion: '已备案' });
    // The highest bidder is barred from bidding for collective assets under the covenant (restrictions register).
    const barred = { person: '何永乐', idNumber: '440605198204180035' };
    const restriction = await admin.post('/api/registers/restrictions/entries', {
      unit: HEFENG,
      data: {
        restrictionNo: 'HF-XZ-2026-001',
        ...barred,
        kind: '竞投集体资产',
        from: '2026-01-10',
        until: '2029-01-09',
        reason: '一年内两次违规搭建，依村规民约第三条限制竞投集体资产三年',
        clauseNo: 3,
      },
    });
    expect(restriction.statusCode, restriction.body).toBe(201);
    await clerk.complete(id, '组织实施', {
      contractor: barred.person,
      contractorId: barred.idNumber,
      result: '经公开竞价，厂房以每月1.62万元租出。',
    });
    const again = await clerk.task(id, '组织实施');
    const check = (await clerk.get(`/api/tasks/${again.id}/form`)).json<{ values: { contractorCheck?: string } }>().values.contractorCheck;
    expect(check).toContain('何永乐受村规民约限制：一年内两次违规搭建');
    const contract = await clerk.upload(again.id, '租赁合同.pdf', 'application/pdf', PDF);
    await clerk.complete(id, '组织实施', {
      contractor: '梁永康',
      contractorId: '440605198811020017',
      result: '经公开竞价，厂房以每月1.58万元租给第二高价的梁永康，合同已签订。',
      resultFiles: [contract],
    });
    const result = (await world.board(HEFENG)).find((n) => n.title === '村集体闲置厂房公开招租实施结果公开');
    expect(result?.attachments).toEqual([expect.objectContaining({ id: contract, fileName: '租赁合同.pdf' })]);
    // The contract is public while the result is posted, and no longer once the posting ends.
    const file = `/api/public/units/${encodeURIComponent(HEFENG)}/notices/${result?.id}/attachments/${contract}`;
    expect((await world.app.inject({ method: 'GET', url: file })).rawPayload.equals(PDF)).toBe(true);
    expect(await status(id)).toBe('completed');
    await world.pass(11 * DAY);
    expect((await world.app.inject({ method: 'GET', url: file })).statusCode).toBe(404);
  });

  it('a representatives’ meeting without quorum meets again; a vote that fails ends the matter', async () => {
    const { id } = await start('HF-2026-102', '村集体资金入股物流园');
    await secretary.complete(id, '党组织提议', {
      matterType: '集体经济项目',
      amount: 2000000,
      plan: '村集体资金200万元入股镇物流园项目，年分红不低于6%。',
      committee: ['hefeng-shuji', 'hefeng-liangwei'],
      fundSource: '村集体历年积累',
    });
    await deliberate(id);
    await clerk.complete(id, '党员大会审议', {
      partyMembers: 30,
      partyPresent: 20,
      partyApprove: 16,
      partyOpinion: '同意提交村民代表会议',
    });
    await clerk.complete(id, '村民代表会议决议', { repsTotal: 45, repsPresent: 25, repsApprove: 20, resolution: '到会不足三分之二' });
    // 25 of 45 is under two thirds (组织法第二十六条): the meeting is held again.
    await clerk.complete(id, '村民代表会议决议', { repsTotal: 45, repsPresent: 33, repsApprove: 15, resolution: '入股方案未获通过' });
    expect(await status(id)).toBe('completed');
    expect(
      (await clerk.get(`/api/process-instances/${id}/timeline`)).json<{ items: { kind: string; stepName?: string }[] }>().items.at(-1),
    ).toMatchObject({ kind: 'ended' });
    expect((await world.board(HEFENG)).map((n) => n.title)).not.toContain('村集体资金入股物流园决议公开');
  });

  it('a matter off the checklist or under its amount is decided by the two committees and posted', async () => {
    const { id } = await start('HF-2026-103', '村委会办公室更换空调');
    await secretary.complete(id, '党组织提议', {
      matterType: '集体财产借贷租赁',
      amount: 12000,
      plan: '村委会办公室两台空调老化，更换两台节能空调。',
      committee: ['hefeng-shuji', 'hefeng-liangwei'],
      fundSource: '村集体办公经费',
    });
    await deliberate(id);
    await secretary.complete(id, '两委会议决定', { resolution: '同意更换两台节能空调，预算1.2万元。' });
    expect((await world.board(HEFENG)).map((n) => n.title)).toContain('村委会办公室更换空调两委决定公开');
    await clerk.complete(id, '组织实施', { result: '已更换，费用11,600元。' });
    expect(await status(id)).toBe('completed');
  });

  it('a proposal left past its time limit goes to the town for supervision', async () => {
    const { id } = await start('HF-2026-104', '村文化广场照明改造');
    await world.pass(20 * DAY);
    const supervisor = await world.as('lishui-guanli');
    await supervisor.complete(id, '镇督办', { supervision: '请于三个工作日内提出方案。' });
    expect((await secretary.task(id, '党组织提议')).name).toBe('党组织提议');
  });

  it('the town’s new version: a running matter keeps its version, the village decides the conflicts, upgrades, and may roll back', async () => {
    const running = await start('HF-2026-105', '村道路灯维修');
    const publicationId = await releaseVersion(world, 'key-matters', '2.0.0', (v2) => {
      v2.parameters.schema.properties.postingDays.minimum = 12;
      v2.parameters.schema.properties.postingDays.default = 12;
      v2.process = v2.process.replace('name="镇备案"', 'name="报镇备案"');
    });

    const adoption = await adoptionOf(admin, HEFENG);
    const plan = (await admin.post(`/api/adoptions/${adoption.id}/upgrade-plan`, { publicationId })).json<{
      changes: { summary: string[] };
      conflicts: { id: string; options: string[] }[];
    }>();
    expect(plan.changes.summary).toContain('步骤“镇备案”改名为“报镇备案”');
    expect(plan.conflicts).toEqual([expect.objectContaining({ id: 'parameter:postingDays', options: ['default', 'value'] })]);
    const undecided = await admin.post(`/api/adoptions/${adoption.id}/upgrade`, { publicationId, revision: adoption.revision });
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json()).toMatchObject({ code: 'SZ_TEMPLATE_CONFLICTS', message: expect.stringContaining('公示天数') });
    const upgraded = await admin.post(`/api/adoptions/${adoption.id}/upgrade`, {
      publicationId,
      revision: adoption.revision,
      decisions: { 'parameter:postingDays': { action: 'value', value: 14 } },
    });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const after = upgraded.json<Adoption>();
    expect(after).toMatchObject({ version: '2.0.0', overlay: { parameters: expect.objectContaining({ postingDays: 14 }) } });
    expect(await xmlOf(admin, after.definitionId)).toContain('days="14"');

    // The matter started before keeps its definition and goes on; a new one takes the new version.
    expect((await instance(running.id)).definitionId).toBe(running.definitionId);
    await propose(running.id, '公益事业兴办及筹资筹劳', 30000);
    expect((await member.task(running.id, '两委会议商议')).name).toBe('两委会议商议');
    expect((await start('HF-2026-106', '村小学围墙加固')).definitionId).toBe(after.definitionId);

    const rolledBack = await admin.post(`/api/adoptions/${adoption.id}/rollback`, {
      revision: after.revision,
      note: '新版本公示期过长，先回到原设置',
    });
    expect(rolledBack.statusCode, rolledBack.body).toBe(200);
    const back = rolledBack.json<Adoption>();
    expect(back).toMatchObject({ version: '1.0.0', overlay: { parameters: expect.objectContaining({ postingDays: 10 }) } });
    expect(await xmlOf(admin, back.definitionId)).toContain('days="10"');
  });
});
