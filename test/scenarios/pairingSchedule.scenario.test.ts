import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptionAt, DAY, demoWorld, HOUR, releaseVersion, upgradeTo, type World } from './harness.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const HONGGANG = '/nanhai/lishui/honggang/';

interface Task {
  id: string;
  name: string;
  instanceId: string;
}

/**
 * 结对共建 · 党建星期二 (DOMAIN.md template 2) in 鹤峰村: on Tuesday morning the pair's session
 * opens by itself for the town-office member, who records the study, who came, the visits and
 * two villagers' requests; each request is a case for the village admin, one answered in time
 * and called back, the other left past its limit and supervised by the town.
 */
describe('pairing-schedule (结对共建 · 党建星期二)', () => {
  let world: World;
  beforeAll(async () => {
    world = await demoWorld();
  });
  afterAll(() => world.close());

  it('is adopted by 鹤峰村 and 宏岗村 with their own pairs and hours, within the town’s', async () => {
    const hefeng = await adoptionAt(await world.as('hefeng-guanli'), HEFENG, 'pairing-schedule');
    const admin = await world.as('honggang-guanli');
    const honggang = await adoptionAt(admin, HONGGANG, 'pairing-schedule');
    expect(hefeng.overlay.parameters?.pairs).toEqual([expect.objectContaining({ townMember: 'lishui-sheji' })]);
    expect(honggang.overlay.parameters).toMatchObject({ sessionHour: 10 });
    // It starts by itself each Tuesday: the start screen does not offer it.
    const procedures = (await (await world.as('hefeng-banshi')).get('/api/process-definitions')).json<{
      items: { key: string; startable?: boolean }[];
    }>();
    expect(procedures.items.find((d) => d.key === 'pairing_schedule')?.startable).toBe(false);
    expect(procedures.items.find((d) => d.key === 'key_matters')?.startable).toBe(true);
    const evening = await admin.put(`/api/adoptions/${honggang.id}`, {
      revision: honggang.revision,
      overlay: { parameters: { sessionHour: 19 } },
    });
    expect(evening.json()).toMatchObject({ code: 'SZ_TEMPLATE_INVALID', message: expect.stringContaining('每周二活动时间') });
  });

  it('opens each pair’s session on Tuesday and follows every request raised to its answer and the villager’s satisfaction', async () => {
    // The world starts on Monday 2 March 2026, 09:00 in Shanghai: the session opens a day later.
    const member = await world.as('lishui-sheji');
    const open = async () =>
      (await member.get('/api/tasks?status=open')).json<{ items: Task[] }>().items.filter((t) => t.name === '记录党建星期二');
    expect(await open()).toEqual([]);
    await world.pass(DAY + HOUR);
    const [session] = await open();
    expect(session).toBeDefined();
    const id = session?.instanceId as string;
    await member.complete(id, '记录党建星期二', {
      topic: '学习《中国共产党农村基层组织工作条例》',
      attendance: ['陈嘉明', '王志强'],
      visits: 6,
      requests: [
        { villager: '陈伯', content: '村口公交站没有雨棚，下雨候车淋雨。', phone: '13800138000' },
        { villager: '李姨', content: '三巷路灯坏了一个月。' },
      ],
    });

    const admin = await world.as('hefeng-guanli');
    const cases = (await admin.get('/api/tasks?status=open')).json<{ items: Task[] }>().items.filter((t) => t.instanceId === id);
    expect(cases.map((t) => t.name)).toEqual(['办理诉求', '办理诉求']);
    const shelter = await Promise.all(
      cases.map(async (t) => ({
        t,
        values: (await admin.get(`/api/tasks/${t.id}/form`)).json<{ values: { request: { villager: string } } }>().values,
      })),
    );
    const first = shelter.find((c) => c.values.request.villager === '陈伯')?.t as Task;
    expect(
      (await admin.post(`/api/tasks/${first.id}/complete`, { variables: { answer: '已协调公交公司，下月加装风雨廊。' } })).statusCode,
    ).toBe(200);

    // The streetlight is left past its ten working days: the town supervises it.
    await world.pass(16 * DAY);
    await (await world.as('lishui-guanli')).complete(id, '镇督办诉求', { supervision: '请三日内修复并回复村民。' });
    await admin.complete(id, '办理诉求', { answer: '路灯已更换。' });
    for (const satisfaction of ['满意', '基本满意']) await admin.complete(id, '回访满意度', { satisfaction });

    const detail = (await admin.get(`/api/process-instances/${id}`)).json<{
      instance: { status: string };
      variables: { sessions: unknown[] };
    }>();
    expect(detail.instance.status).toBe('completed');
    expect(detail.variables.sessions).toEqual([
      expect.objectContaining({ topic: '学习《中国共产党农村基层组织工作条例》', visits: 6, attended: 2, requests: 2 }),
    ]);
    // Meanwhile the following Tuesdays opened their own sessions.
    expect((await open()).length).toBeGreaterThanOrEqual(2);

    // The town's reports come from the registers the sessions and cases were written to.
    const town = await world.as('lishui-guanli');
    const report = async (register: string, query: string) =>
      (await town.get(`/api/registers/${register}/summary?unit=${encodeURIComponent('/nanhai/lishui/')}&${query}`)).json<{
        items: { unitPath: string; group?: string; entries: number; sums: Record<string, number>; counts: Record<string, number> }[];
      }>().items;
    expect(await report('pairing-sessions', 'by=pair&sum=attended,visits,requests')).toEqual([
      { unitPath: HEFENG, group: '镇党建办—鹤峰村第一党支部', entries: 1, sums: { attended: 2, visits: 6, requests: 2 }, counts: {} },
    ]);
    expect(await report('pairing-cases', 'by=pair&count=onTime')).toEqual([
      { unitPath: HEFENG, group: '镇党建办—鹤峰村第一党支部', entries: 2, sums: {}, counts: { onTime: 1 } },
    ]);
    const kept = (await admin.get(`/api/registers/pairing-cases/entries?unit=${encodeURIComponent(HEFENG)}`)).json<{
      items: { data: { villager: string; onTime: boolean; satisfaction: string; answer: string } }[];
    }>().items;
    expect(kept.map((c) => [c.data.villager, c.data.onTime])).toEqual([
      ['陈伯', true],
      ['李姨', false],
    ]);
    expect(kept.map((c) => c.data.satisfaction).sort()).toEqual(['基本满意', '满意']);
    const wrong = await town.get(`/api/registers/pairing-cases/summary?unit=${encodeURIComponent('/nanhai/lishui/')}&sum=villager`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'SZ_VALIDATION',
      message: expect.stringContaining('villager 不是台账 pairing-cases 的数字字段'),
    });
  });

  it('takes the town’s new version between two Tuesdays: open sessions keep theirs, the next Tuesday opens under the new one', async () => {
    const member = await world.as('lishui-sheji');
    const sessions = async (name: string) =>
      (await member.get('/api/tasks?status=open')).json<{ items: Task[] }>().items.filter((t) => t.name === name);
    const open = await sessions('记录党建星期二');
    expect(open.length).toBeGreaterThan(0);

    const publicationId = await releaseVersion(world, 'pairing-schedule', '1.1.0', (next) => {
      next.process = next.process.replaceAll('name="记录党建星期二"', 'name="记录党建星期二活动"');
    });
    const upgraded = await upgradeTo(await world.as('hefeng-guanli'), HEFENG, 'pairing-schedule', publicationId);
    expect(upgraded.version).toBe('1.1.0');
    expect((await sessions('记录党建星期二')).map((t) => t.id)).toEqual(open.map((t) => t.id));

    await world.pass(7 * DAY);
    const next = await sessions('记录党建星期二活动');
    expect(next).toHaveLength(1);
    const started = (await member.get(`/api/process-instances/${next[0]?.instanceId}`)).json<{ instance: { definitionId: string } }>();
    expect(started.instance.definitionId).toBe(upgraded.definitionId);
  });

  it('里水镇 pairs its villages by a plan within its limits, and the next Tuesday each session goes to its new town member', async () => {
    const town = await world.as('lishui-guanli');
    const LISHUI = '/nanhai/lishui/';
    const register = (await town.get(`/api/pairings?unit=${encodeURIComponent(LISHUI)}`)).json<{
      items: { name: string; pairs: { townMember: string }[] }[];
    }>();
    expect(register.items.map((v) => [v.name, v.pairs.map((x) => x.townMember)])).toEqual([
      ['鹤峰村', ['lishui-sheji']],
      ['宏岗村', ['lishui-shenpi']],
    ]);
    const plan = (branches: { branch: string; members: string[] }[], apply = false, villagesPerMember = 1) =>
      town.post('/api/pairings/plan', { unit: LISHUI, branches, villagesPerBranch: 1, villagesPerMember, apply });
    const tooFew = await plan([{ branch: '里水镇农业农村办党支部', members: ['lishui-shenpi'] }]);
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json()).toMatchObject({
      code: 'SZ_PAIRING_INFEASIBLE',
      message: expect.stringContaining('只能安排 1 个村（社区），现有 2 个'),
    });
    // A village's admin does not plan for the town: the town is out of their reach.
    const village = await world.as('hefeng-guanli');
    const own = [{ branch: '鹤峰村党支部', members: ['hefeng-dangyuan'] }];
    const refused = await village.post('/api/pairings/plan', { unit: LISHUI, branches: own, villagesPerBranch: 2, villagesPerMember: 2 });
    expect(refused.statusCode).toBe(404);

    const branches = [
      { branch: '里水镇农业农村办党支部', members: ['lishui-shenpi'] },
      { branch: '里水镇党建办党支部', members: ['lishui-sheji'] },
    ];
    const preview = (await plan(branches)).json<{ pairs: { name: string; pair: Record<string, unknown> }[]; applied: boolean }>();
    expect(preview.applied).toBe(false);
    expect(preview.pairs).toEqual([
      {
        unitPath: HEFENG,
        name: '鹤峰村',
        pair: {
          name: '里水镇农业农村办党支部—鹤峰村第一党支部',
          townBranch: '里水镇农业农村办党支部',
          villageBranch: '鹤峰村第一党支部',
          townMember: 'lishui-shenpi',
          villageMembers: ['hefeng-dangyuan'],
          place: '鹤峰村党群服务中心',
        },
      },
      expect.objectContaining({ unitPath: HONGGANG, pair: expect.objectContaining({ townMember: 'lishui-sheji' }) }),
    ]);
    const applied = await plan(branches, true);
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await adoptionAt(await world.as('hefeng-guanli'), HEFENG, 'pairing-schedule')).overlay.parameters?.pairs).toEqual([
      expect.objectContaining({ townMember: 'lishui-shenpi' }),
    ]);

    await world.pass(7 * DAY);
    const shenpi = await world.as('lishui-shenpi');
    const theirs = (await shenpi.get('/api/tasks?status=open&limit=200')).json<{ items: (Task & { unitPath: string })[] }>().items;
    expect(theirs.filter((t) => t.name.startsWith('记录党建星期二')).map((t) => t.unitPath)).toContain(HEFENG);
  });
});
