import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTER_ENTRIES } from '../../server/src/demo/data.ts';
import { adoptionAt, DAY, demoWorld, type Person, releaseVersion, upgradeTo, type World } from './harness.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const HONGGANG = '/nanhai/lishui/honggang/';

/** The covenant in force, as the demo keeps it in 鹤峰村's register of clauses. */
const IN_FORCE = DEMO_REGISTER_ENTRIES.filter((e) => e.register === 'covenant-clauses').map((e) => e.data);

/** The draft: clause 1 as it is, clause 2 rewritten with a sanction, clause 3 dropped, clause 4 new. */
const CLAUSES = [
  IN_FORCE[0],
  {
    no: 2,
    category: '专项类·出租屋自治管理',
    text: '出租屋业主须在租客入住三日内登记，不得在室内停放电动车或为其充电。',
    sanction: '一年内两次违反的，限制竞投集体资产三年',
  },
  { no: 4, category: '倡导类', text: '倡导邻里互助，关爱独居老人和留守儿童。' },
];

/**
 * 村规民约修订 (DOMAIN.md template 3) as 鹤峰村 amends its covenant under 里水镇: drafted,
 * put to the villagers with an opinion from one of them, revised, reviewed by 民政办 for the
 * advocacy clause and 综合执法办 for the rental-housing one (who returns it once), voted on with
 * a meeting short of quorum held again, filed with the town and published.
 */
describe('covenant-amendment (村规民约修订)', () => {
  let world: World;
  let secretary: Person;
  let clerk: Person;
  beforeAll(async () => {
    world = await demoWorld();
    secretary = await world.as('hefeng-shuji');
    clerk = await world.as('hefeng-banshi');
  });
  afterAll(() => world.close());

  it('is adopted by 鹤峰村 on the town’s settings and by 宏岗村 with longer periods, which its admin lengthens again', async () => {
    const hefeng = await adoptionAt(await world.as('hefeng-guanli'), HEFENG, 'covenant-amendment');
    const honggangAdmin = await world.as('honggang-guanli');
    const honggang = await adoptionAt(honggangAdmin, HONGGANG, 'covenant-amendment');
    expect(hefeng.overlay.parameters).toEqual({ board: '鹤峰村村务公开栏' });
    expect(honggang.overlay.parameters).toMatchObject({ consultationDays: 15 });
    const longer = await honggangAdmin.put(`/api/adoptions/${honggang.id}`, {
      revision: honggang.revision,
      overlay: { ...honggang.overlay, parameters: { ...honggang.overlay.parameters, consultationDays: 20 } },
    });
    expect(longer.statusCode, longer.body).toBe(200);
    expect((await secretary.get(`/api/process-definitions/${longer.json<{ definitionId: string }>().definitionId}/xml`)).statusCode).toBe(
      404,
    );
  });

  it('runs from the draft to the published covenant through the villagers’ opinions, the town’s review by category and the vote', async () => {
    const started = await secretary.post('/api/process-instances', {
      definitionKey: 'covenant_amendment',
      orgUnit: HEFENG,
      businessKey: 'HF-GY-2026-01',
      variables: { covenantNo: 'HF-GY-2026-01', covenantName: '鹤峰村村规民约', reason: '纳入出租屋自治管理和移风易俗条款。' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json<{ id: string }>().id;
    // The draft starts from the clauses in force, in their order.
    const drafting = await secretary.task(id, '起草修订稿');
    const shown = (await secretary.get(`/api/tasks/${drafting.id}/form`)).json<{ values: { clauses: unknown[] } }>();
    expect(shown.values.clauses).toEqual(IN_FORCE);
    await secretary.complete(id, '起草修订稿', { clauses: CLAUSES, changeSummary: '新增移风易俗、出租屋自治管理两条。' });

    const draft = (await world.board(HEFENG)).find((n) => n.title === '鹤峰村村规民约修订稿征求意见');
    expect(draft).toBeDefined();
    expect(await world.object(HEFENG, draft?.id as string, { content: '建议给租客登记留足七天。' })).toBe(201);
    await secretary.complete(id, '登记村民意见', { opinionHandling: '采纳，改为七日内登记。' });

    await world.pass(7 * DAY);
    const revised = [CLAUSES[0], { ...CLAUSES[1], text: '出租屋业主须在租客入住七日内登记，不得在室内停放电动车或为其充电。' }, CLAUSES[2]];
    await secretary.complete(id, '两委修改', {
      clauses: revised,
      changeSummary: '新增移风易俗、出租屋自治管理两条。',
      opinionSummary: '采纳村民意见一条。',
    });

    const civil = await world.as('lishui-minzheng');
    const enforcement = await world.as('lishui-zhifa');
    // Each department sees the review of its own category, not the other's.
    expect((await civil.get('/api/tasks?status=open')).json<{ items: { name: string }[] }>().items.map((t) => t.name)).toEqual([
      '镇准入审查',
    ]);
    // With the village's diagram, though the village is outside the department's units.
    const definitionId = (await clerk.get(`/api/process-instances/${id}`)).json<{ instance: { definitionId: string } }>().instance
      .definitionId;
    expect((await civil.get(`/api/process-definitions/${definitionId}/xml`)).statusCode).toBe(200);
    await civil.complete(id, '镇准入审查', { reviewDecision: '同意', reviewOpinion: '倡导类条款符合要求。' });
    await enforcement.complete(id, '镇准入审查', { reviewDecision: '退回', reviewOpinion: '请写明违反登记规定的处理办法。' });

    await secretary.complete(id, '两委修改', {
      clauses: [revised[0], { ...revised[1], sanction: '未按期登记的，责令补登；一年内两次违反的，限制竞投集体资产三年' }, revised[2]],
      changeSummary: '新增移风易俗、出租屋自治管理两条。',
      opinionSummary: '按综合执法办意见补充处理办法。',
    });
    await civil.complete(id, '镇准入审查', { reviewDecision: '同意', reviewOpinion: '同意。' });
    await enforcement.complete(id, '镇准入审查', { reviewDecision: '同意', reviewOpinion: '同意。' });

    await clerk.complete(id, '村民（代表）会议表决', {
      meetingKind: '村民代表会议',
      votersTotal: 45,
      votersPresent: 28,
      votersApprove: 27,
    });
    await clerk.complete(id, '村民（代表）会议表决', {
      meetingKind: '村民代表会议',
      votersTotal: 45,
      votersPresent: 38,
      votersApprove: 35,
    });
    await (await world.as('lishui-shenpi')).complete(id, '报镇备案', { filingNo: '里水民约备〔2026〕3号' });

    // Published with what changed, clause by clause; the register holds the new version and keeps the old.
    const published = (await world.board(HEFENG)).find((n) => n.title === '鹤峰村村规民约（修订）公布');
    expect(published?.body).toContain('条款变动：新增：4；修改：2（条款内容、奖惩措施）；删除：3');
    const clauses = (await clerk.get(`/api/registers/covenant-clauses/entries?unit=${encodeURIComponent(HEFENG)}`)).json<{
      items: { key: string; revision: number }[];
    }>();
    expect(clauses.items.map((c) => [c.key, c.revision])).toEqual([
      ['1', 1],
      ['2', 2],
      ['4', 1],
    ]);
    const second = (await clerk.get(`/api/registers/covenant-clauses/entries/2?unit=${encodeURIComponent(HEFENG)}`)).json<{
      history: { data: { text: string }; note?: string }[];
    }>();
    expect(second.history.map((h) => h.data.text)).toEqual([
      '出租屋业主须在租客入住七日内登记，不得在室内停放电动车或为其充电。',
      IN_FORCE[1]?.text,
    ]);
    expect(second.history[0]?.note).toBe('HF-GY-2026-01 鹤峰村村规民约修订');
    const detail = (await clerk.get(`/api/process-instances/${id}`)).json<{
      instance: { status: string };
      variables: { reviews: { category: string; decision: string }[] };
    }>();
    expect(detail.instance.status).toBe('completed');
    expect(detail.variables.reviews.map((r) => r.decision)).toEqual(['同意', '同意']);
  });

  it('takes the town’s new version while 宏岗村’s amendment is being drafted: the draft goes on under the version it began with', async () => {
    const honggangSecretary = await world.as('honggang-shuji');
    const drafting = (await honggangSecretary.get('/api/tasks?status=open'))
      .json<{
        items: { instanceId: string; name: string }[];
      }>()
      .items.find((t) => t.name === '起草修订稿');
    const id = drafting?.instanceId as string;
    const before = (await honggangSecretary.get(`/api/process-instances/${id}`)).json<{ instance: { definitionId: string } }>();

    const publicationId = await releaseVersion(world, 'covenant-amendment', '1.1.0', (next) => {
      next.process = next.process.replaceAll('name="两委修改"', 'name="两委会议修改"');
    });
    const upgraded = await upgradeTo(await world.as('honggang-guanli'), HONGGANG, 'covenant-amendment', publicationId);
    expect(upgraded).toMatchObject({ version: '1.1.0', overlay: { parameters: expect.objectContaining({ consultationDays: 20 }) } });

    await honggangSecretary.complete(id, '起草修订稿', { clauses: CLAUSES.slice(0, 1), changeSummary: '精简为一条。' });
    await world.pass(15 * DAY);
    expect((await honggangSecretary.task(id, '两委修改')).name).toBe('两委修改');
    const after = (await honggangSecretary.get(`/api/process-instances/${id}`)).json<{ instance: { definitionId: string } }>();
    expect(after.instance.definitionId).toBe(before.instance.definitionId);
  });
});
