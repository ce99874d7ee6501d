import { describe, expect, it } from 'vitest';
import { type Client, client, deploy, flow, HOUR, PASSWORD, processXml, type TestEnv, UNITS, useTestEnv } from './support.ts';

/** 办理 is due 30 hours after it opens, offered to the clerks of the village. */
const DUE = processXml(
  'due',
  `<startEvent id="s"/>
   <userTask id="handle" name="办理"><extensionElements><sz:assignment candidateGroups="clerk"/><sz:schedule dueDate="PT30H"/></extensionElements></userTask>
   <endEvent id="e"/>${flow('s', 'handle', 'e')}`,
);

const RANGE = 'from=2026-01-01T00:00:00%2B08:00&to=2026-02-01T00:00:00%2B08:00';

interface Row {
  key: string;
  name: string;
  open: number;
  overdue: number;
  closedOnTime: number;
  closedLate: number;
  closureRate: number | null;
}
interface Stats {
  total: Omit<Row, 'key' | 'name'>;
  rows: Row[];
}

async function start(clerk: Client, unit: string): Promise<string> {
  const res = await clerk.post('/api/process-instances', { definitionKey: 'due', orgUnit: unit });
  return res.json<{ tasks: { id: string }[] }>().tasks[0]?.id as string;
}

/** 鹤峰村: one done in time, one left open past its due time; 宏岗村: one done late. */
async function villagesAtWork(env: TestEnv): Promise<void> {
  await deploy(env, DUE);
  const hefeng = await env.as('hefeng');
  const honggang = await env.as('honggang');
  await hefeng.post(`/api/tasks/${await start(hefeng, UNITS.hefeng)}/complete`, {});
  await start(hefeng, UNITS.hefeng);
  const late = await start(honggang, UNITS.honggang);
  env.clock.advance(40 * HOUR);
  // A new login: the first one's token ran out meanwhile.
  const done = await (await env.as('honggang')).post(`/api/tasks/${late}/complete`, {});
  expect(done.statusCode).toBe(200);
}

/** 鹤峰村's administrator, made by the town's. */
async function villageAdmin(env: TestEnv): Promise<Client> {
  const admin = await env.as('admin');
  const made = await admin.post('/api/org/users', {
    username: 'hefeng-guanli',
    displayName: '鹤峰村管理员',
    password: PASSWORD,
    grants: [{ role: 'village-admin', unitPath: UNITS.hefeng }],
  });
  expect(made.statusCode).toBe(201);
  const login = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'hefeng-guanli', password: PASSWORD },
  });
  return client(env.app, login.json<{ token: string }>().token);
}

describe('the dashboard statistics', () => {
  const env = useTestEnv();
  const stats = async (who: Client, query: string) => (await who.get(`/api/stats/matters?${query}`)).json<Stats>();

  it('shows a town its villages: open, overdue, closed on time and late, and the closure rate', async () => {
    await villagesAtWork(env);
    const town = await stats(await env.as('admin'), `unit=${UNITS.lishui}&${RANGE}`);
    expect(town.total).toMatchObject({ open: 1, overdue: 1, closedOnTime: 1, closedLate: 1 });
    expect(town.total.closureRate).toBeCloseTo(2 / 3);
    expect(
      town.rows.map(({ key, name, open, overdue, closedOnTime, closedLate }) => [key, name, open, overdue, closedOnTime, closedLate]),
    ).toEqual([
      [UNITS.hefeng, '鹤峰村', 1, 1, 1, 0],
      [UNITS.honggang, '宏岗村', 0, 0, 0, 1],
    ]);
    const byProcedure = await stats(await env.as('admin'), `unit=${UNITS.lishui}&${RANGE}&by=procedure`);
    expect(byProcedure.rows).toEqual([expect.objectContaining({ key: 'due', open: 1, overdue: 1, closedOnTime: 1, closedLate: 1 })]);
  });

  it('counts only the matters started in the range and of the procedure asked for', async () => {
    await villagesAtWork(env);
    const admin = await env.as('admin');
    const before = await stats(admin, `unit=${UNITS.lishui}&from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z`);
    expect(before.total).toMatchObject({ open: 0, overdue: 0, closedOnTime: 0, closedLate: 0, closureRate: null });
    const other = await stats(admin, `unit=${UNITS.lishui}&${RANGE}&definitionKey=review`);
    expect(other.total.open + other.total.closedOnTime).toBe(0);
  });

  it('shows a village administrator their own village, never the neighbour nor the town; a town never another town', async () => {
    await villagesAtWork(env);
    const hefengAdmin = await villageAdmin(env);
    const own = await stats(hefengAdmin, `unit=${UNITS.hefeng}&${RANGE}`);
    expect(own.rows.map((r) => [r.key, r.open, r.overdue, r.closedOnTime])).toEqual([[UNITS.hefeng, 1, 1, 1]]);
    expect((await hefengAdmin.get(`/api/stats/matters?unit=${UNITS.honggang}&${RANGE}`)).statusCode).toBe(404);
    expect((await hefengAdmin.get(`/api/stats/matters?unit=${UNITS.lishui}&${RANGE}`)).statusCode).toBe(404);
    expect((await (await env.as('daliAdmin')).get(`/api/stats/matters?unit=${UNITS.hefeng}&${RANGE}`)).statusCode).toBe(404);
    expect((await (await env.as('admin')).get(`/api/stats/matters?unit=${UNITS.dali}&${RANGE}`)).statusCode).toBe(404);
  });

  it('is for those who oversee the work: a clerk is refused', async () => {
    const res = await (await env.as('hefeng')).get(`/api/stats/matters?unit=${UNITS.hefeng}&${RANGE}`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SZ_FORBIDDEN' });
  });

  it('draws the trend per week: started, closed, closed on time', async () => {
    await villagesAtWork(env);
    const res = await (await env.as('auditor')).get(`/api/stats/matters/trend?unit=${UNITS.lishui}&${RANGE}&interval=week`);
    const { points } = res.json<{ points: { from: string; started: number; closed: number; closedOnTime: number }[] }>();
    // The test clock starts on Monday 5 January 2026; the weeks start on the Monday of 1 January's week.
    expect(points.map((p) => p.from)).toEqual([
      '2025-12-28T16:00:00.000Z',
      '2026-01-04T16:00:00.000Z',
      '2026-01-11T16:00:00.000Z',
      '2026-01-18T16:00:00.000Z',
      '2026-01-25T16:00:00.000Z',
    ]);
    expect(points.map((p) => [p.started, p.closed, p.closedOnTime])).toEqual([
      [0, 0, 0],
      [3, 2, 1],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('names the bad parameter in a 400', async () => {
    const admin = await env.as('admin');
    const bad = async (query: string) => {
      const res = await admin.get(`/api/stats/matters${query.startsWith('/') ? query : `?${query}`}`);
      expect(res.statusCode).toBe(400);
      return res.json<{ code: string; details: { field: string }[] }>().details[0]?.field;
    };
    expect(await bad(`unit=${UNITS.lishui}&from=yesterday&to=2026-02-01T00:00:00Z`)).toBe('querystring.from');
    expect(await bad(`unit=lishui&${RANGE}`)).toBe('querystring.unit');
    expect(await bad(`unit=${UNITS.lishui}&${RANGE}&by=village`)).toBe('querystring.by');
    expect(await bad(`unit=${UNITS.lishui}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`)).toBe('querystring.to');
    expect(await bad(`/trend?unit=${UNITS.lishui}&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=week`)).toBe('querystring.to');
    expect(await bad(`/trend?unit=${UNITS.lishui}&${RANGE}&interval=day`)).toBe('querystring.interval');
    expect((await admin.get(`/api/stats/matters?${RANGE}`)).json()).toMatchObject({
      code: 'SZ_VALIDATION',
      message: expect.stringContaining('unit'),
    });
  });

  it('answers 404 for a unit that does not exist within reach', async () => {
    const res = await (await env.as('admin')).get(`/api/stats/matters?unit=/nanhai/lishui/nowhere/&${RANGE}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'SZ_UNIT_NOT_FOUND' });
  });
});
