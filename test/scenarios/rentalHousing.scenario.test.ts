import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptionAt, DAY, demoWorld, HOUR, type Person, releaseVersion, upgradeTo, type World } from './harness.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const HONGGANG = '/nanhai/lishui/honggang/';

const HOUSE = {
  houseNo: 'HF-CZW-0086',
  address: '鹤峰村东区三巷12号',
  grid: '鹤峰村第三网格',
  landlord: '梁志坚',
  landlordPhone: '13926001234',
  landlordId: '440605198003150016',
  houseType: '住宅出租',
  floors: 4,
  rooms: 12,
  capacity: 20,
  riskLevel: '中',
};

/**
 * 出租屋治理 (DOMAIN.md template 4) for one house of 鹤峰村: the grid worker's inspection finds a
 * major fire hazard and a minor problem; the minor one is fixed and re-inspected, the major one
 * passes its deadline and goes to 里水镇综合执法办; the house turns high-risk, so the next
 * inspection comes a week later; clean, the risk comes down; the house stops being let.
 */
describe('rental-housing (出租屋治理)', () => {
  let world: World;
  let grid: Person;
  beforeAll(async () => {
    world = await demoWorld();
    grid = await world.as('hefeng-wangge');
  });
  afterAll(() => world.close());

  const houses = (who: Person, path = '') => who.get(`/api/registers/rental-houses/entries${path}?unit=${encodeURIComponent(HEFENG)}`);
  const variables = async (id: string) =>
    (await grid.get(`/api/process-instances/${id}`)).json<{ instance: { status: string }; variables: Record<string, unknown> }>();

  it('is adopted by 鹤峰村 on the town’s settings and by 宏岗村 with shorter limits and a field of its own; the town’s bound holds', async () => {
    const admin = await world.as('honggang-guanli');
    const honggang = await adoptionAt(admin, HONGGANG, 'rental-housing');
    expect(honggang.overlay.parameters).toMatchObject({ majorHours: 12 });
    expect((await adoptionAt(await world.as('hefeng-guanli'), HEFENG, 'rental-housing')).overlay).toEqual({});
    const past = await admin.put(`/api/adoptions/${honggang.id}`, {
      revision: honggang.revision,
      overlay: { parameters: { majorHours: 48 } },
    });
    expect(past.json()).toMatchObject({ code: 'SZ_TEMPLATE_INVALID', message: expect.stringContaining('重大火灾隐患整改时限') });
  });

  it('inspects, rectifies or enforces each failed item, rates the risk from the record and sets the next inspection by it', async () => {
    const started = await grid.post('/api/process-instances', {
      definitionKey: 'rental_housing',
      orgUnit: HEFENG,
      businessKey: HOUSE.houseNo,
      variables: HOUSE,
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json<{ id: string }>().id;

    // Registering the house files it in the village's register of rental houses, whole for the
    // grid worker who keeps it, masked for the town's administrator.
    await world.pass(1_000);
    const filed = (await houses(grid, `/${HOUSE.houseNo}`)).json<{ entry: { revision: number; data: Record<string, unknown> } }>();
    expect(filed.entry).toMatchObject({ revision: 1, data: { ...HOUSE }, instanceId: id, note: '登记出租屋' });
    const seenByTown = (await houses(await world.as('lishui-guanli'))).json<{ items: { key: string }[] }>();
    expect(seenByTown.items.filter((e) => e.key === HOUSE.houseNo)).toEqual([
      expect.objectContaining({
        masked: true,
        data: expect.objectContaining({ landlordPhone: '139****1234', landlordId: '4406**********0016' }),
      }),
    ]);

    const inspection = await grid.task(id, '上门检查');
    const shown = (await grid.get(`/api/tasks/${inspection.id}/form`)).json<{ values: Record<string, unknown> }>();
    expect(shown.values).toMatchObject({ address: HOUSE.address, landlord: HOUSE.landlord });
    expect(shown.values.landlordId).toBeUndefined();
    await grid.complete(id, '上门检查', {
      occupants: 18,
      unregistered: 2,
      failures: [
        { item: '室内无电动车停放充电', severity: '重大', note: '一楼楼梯间停放电动车三辆并充电' },
        { item: '环境卫生整洁', severity: '一般', note: '天台堆放杂物' },
      ],
      houseClosed: false,
    });

    const cases = (await grid.get('/api/tasks?status=open')).json<{
      items: { id: string; name: string; instanceId: string; dueAt?: string }[];
    }>().items;
    const rectifications = cases.filter((t) => t.instanceId === id && t.name === '限期整改');
    expect(rectifications).toHaveLength(2);
    const dues = rectifications.map((t) => Date.parse(t.dueAt ?? '')).sort();
    expect((dues[1] as number) - (dues[0] as number)).toBe(7 * DAY - 24 * HOUR);

    // The minor problem is fixed and re-inspected; the major one is still there after its 24 hours.
    const minor = await Promise.all(
      rectifications.map(async (t) => ({
        t,
        form: (await grid.get(`/api/tasks/${t.id}/form`)).json<{ values: { failure: { severity: string } } }>(),
      })),
    );
    const minorTask = minor.find((m) => m.form.values.failure.severity === '一般')?.t;
    expect(
      (await grid.post(`/api/tasks/${minorTask?.id}/complete`, { variables: { fixed: true, recheckNote: '杂物已清理' } })).statusCode,
    ).toBe(200);
    await world.pass(25 * HOUR);
    const enforcement = await world.as('lishui-zhifa');
    await enforcement.complete(id, '综合执法处置', {
      enforcement: '责令立即清除，已现场督促清理并告知房东',
      sanction: '依村规民约记违规一次',
    });

    const afterFirst = await variables(id);
    // Identity and phone numbers are personal data: masked in the instance's variables and history.
    expect(afterFirst.variables).toMatchObject({ landlordPhone: '139****1234', landlordId: '4406**********0016' });
    const history = (await grid.get(`/api/process-instances/${id}/history`)).body;
    expect(history).not.toContain(HOUSE.landlordPhone);
    expect(history).not.toContain(HOUSE.landlordId);
    expect(afterFirst.variables.riskLevel).toBe('高');
    expect(afterFirst.variables.cases).toEqual([
      expect.objectContaining({ severity: '重大', enforced: true }),
      expect.objectContaining({ severity: '一般', fixed: true, enforced: false }),
    ]);

    // The register keeps the house's record: high risk after two failures, one enforced.
    await world.pass(1_000);
    const rated = (await houses(grid, `/${HOUSE.houseNo}`)).json<{ entry: { revision: number; data: object }; history: object[] }>();
    expect(rated.entry).toMatchObject({ revision: 2, data: { riskLevel: '高', lastFailures: 2, lastEnforced: 1 } });
    expect(rated.history).toEqual([
      expect.objectContaining({ revision: 2 }),
      expect.objectContaining({ revision: 1, data: expect.objectContaining({ riskLevel: '中' }) }),
    ]);

    await world.pass(7 * DAY);
    await grid.complete(id, '上门检查', { occupants: 16, unregistered: 0, failures: [], houseClosed: false });
    expect((await variables(id)).variables.riskLevel).toBe('中');

    await world.pass(30 * DAY);
    await grid.complete(id, '上门检查', { occupants: 0, unregistered: 0, failures: [], houseClosed: true });
    await world.pass(1_000);
    expect((await variables(id)).instance.status).toBe('completed');
    // No longer let: off the register's list, its record kept.
    expect((await houses(grid)).json<{ items: { key: string }[] }>().items.map((e) => e.key)).not.toContain(HOUSE.houseNo);
    const closed = (await houses(grid, `/${HOUSE.houseNo}`)).json<{ entry: object; history: unknown[] }>();
    expect(closed.entry).toMatchObject({ retired: true, revision: 4, note: '停止出租，档案关闭', data: { riskLevel: '中' } });
    expect(closed.history).toHaveLength(4);
  });

  it('keeps the tenants’ register by hand: the grid worker adds and corrects entries, identity numbers shown whole to the village’s staff only', async () => {
    const tenants = (who: Person) => who.get(`/api/registers/rental-tenants/entries?unit=${encodeURIComponent(HEFENG)}`);
    const tenant = {
      registrationNo: 'HF-ZZ-2026-031',
      houseNo: HOUSE.houseNo,
      room: '302',
      name: '覃海燕',
      idNumber: '450221199507120026',
      phone: '13800138000',
      moveInOn: '2026-02-20',
      residenceRegistered: false,
    };
    const wrong = await grid.post('/api/registers/rental-tenants/entries', { unit: HEFENG, data: { ...tenant, phone: '1380013' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'SZ_FORM_INVALID', message: expect.stringContaining('手机号') });

    const added = await grid.post('/api/registers/rental-tenants/entries', { unit: HEFENG, data: tenant });
    expect(added.statusCode, added.body).toBe(201);
    expect((await grid.post('/api/registers/rental-tenants/entries', { unit: HEFENG, data: tenant })).json()).toMatchObject({
      code: 'SZ_REGISTER_CONFLICT',
    });
    const corrected = await grid.put(`/api/registers/rental-tenants/entries/${tenant.registrationNo}`, {
      unit: HEFENG,
      revision: 1,
      data: { ...tenant, residenceRegistered: true },
      note: '已到居住登记点办理',
    });
    expect(corrected.json()).toMatchObject({ revision: 2, data: { residenceRegistered: true }, byName: '刘海波', masked: false });
    const stale = await grid.put(`/api/registers/rental-tenants/entries/${tenant.registrationNo}`, {
      unit: HEFENG,
      revision: 1,
      data: tenant,
    });
    expect(stale.statusCode).toBe(409);

    const secretary = await world.as('hefeng-shuji');
    const seen = (await tenants(secretary)).json<{ items: { key: string }[] }>().items.find((e) => e.key === tenant.registrationNo);
    expect(seen).toMatchObject({ masked: true, data: { idNumber: '4502**********0026', phone: '138****8000', name: '覃海燕' } });
    expect(
      (await secretary.post('/api/registers/rental-tenants/entries', { unit: HEFENG, data: { ...tenant, registrationNo: 'X-1' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await world.as('honggang-guanli')).get(`/api/registers/rental-tenants/entries?unit=${encodeURIComponent(HEFENG)}`))
        .statusCode,
    ).toBe(404);
    const registers = (await secretary.get(`/api/registers?unit=${encodeURIComponent(HEFENG)}`)).json<{
      items: { id: string; name: string }[];
    }>();
    expect(registers.items.map((r) => r.name)).toEqual(expect.arrayContaining(['出租屋台账', '租住人员台账']));
  });

  it('takes the town’s new version while a house’s file runs: the file keeps its version, a new file takes the new one', async () => {
    const start = async (houseNo: string) => {
      const res = await grid.post('/api/process-instances', {
        definitionKey: 'rental_housing',
        orgUnit: HEFENG,
        businessKey: houseNo,
        variables: { ...HOUSE, houseNo },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; definitionId: string }>();
    };
    const running = await start('HF-CZW-0201');
    const publicationId = await releaseVersion(world, 'rental-housing', '1.1.0', (next) => {
      next.process = next.process.replaceAll('name="上门检查"', 'name="入户安全检查"');
    });
    const upgraded = await upgradeTo(await world.as('hefeng-guanli'), HEFENG, 'rental-housing', publicationId);
    expect(upgraded.version).toBe('1.1.0');

    expect((await grid.task(running.id, '上门检查')).name).toBe('上门检查');
    await grid.complete(running.id, '上门检查', { occupants: 10, unregistered: 0, failures: [], houseClosed: false });
    expect((await variables(running.id)).variables.riskLevel).toBe('低');
    const later = await start('HF-CZW-0202');
    expect(later.definitionId).toBe(upgraded.definitionId);
    expect((await grid.task(later.id, '入户安全检查')).name).toBe('入户安全检查');
  });
});
