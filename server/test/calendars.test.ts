import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHINA_CALENDAR } from '@shanzhi/engine';
import { describe, expect, it } from 'vitest';
import { deploy, flow, MINUTE, processXml, type TestEnv, testEnv, UNITS, useTestEnv } from './support.ts';

/** A villager's request, settled within 3 working days. */
const HANDLING = processXml(
  'handling',
  `<startEvent id="received"/>
   <userTask id="handle" name="办理"><extensionElements><sz:assignment candidateGroups="clerk"/><sz:schedule dueDate="P3WD"/></extensionElements></userTask>
   <endEvent id="settled"/>
   ${flow('received', 'handle', 'settled')}`,
);

/** The same with a reminder on the last working day and the town's supervision once overdue. */
const WITH_SUPERVISION = readFileSync(join(import.meta.dirname, '../../packages/engine/examples/due-in-working-days.bpmn'), 'utf8');

const NATIONAL_2026 = CHINA_CALENDAR.find((y) => y.year === 2026)!;

/** An instant in Beijing time, e.g. at('2026-09-25T10:00'). */
const at = (beijing: string) => Date.parse(`${beijing}+08:00`);

/** The last millisecond of a day in Beijing, as the API writes it. */
const endOf = (day: string) => new Date(at(`${day}T23:59:59.999`)).toISOString();

const query = (unit: string, year: number) => `/api/calendars?unit=${encodeURIComponent(unit)}&year=${year}`;

async function received(env: TestEnv, businessKey: string, unit: string = UNITS.hefeng): Promise<string> {
  const clerk = await env.as('hefeng');
  const res = await clerk.post('/api/process-instances', { definitionKey: 'handling', orgUnit: unit, businessKey });
  if (res.statusCode !== 201) throw new Error(`start ${businessKey}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** When the instance's open tasks are due, by element, as the person's inbox shows them now. */
async function dueDates(env: TestEnv, person: string, instanceId: string): Promise<Record<string, string | undefined>> {
  const res = await (await env.as(person)).get('/api/tasks');
  if (res.statusCode !== 200) throw new Error(`tasks: ${res.statusCode} ${res.body}`);
  const items = res.json<{ items: { instanceId: string; elementId: string; dueAt?: string }[] }>().items;
  return Object.fromEntries(items.filter((t) => t.instanceId === instanceId).map((t) => [t.elementId, t.dueAt]));
}

describe('working-day calendars', () => {
  const env = useTestEnv();

  it('a fresh server holds the national calendar at /: 2026 as published, 2027 provisional until its arrangement is out', async () => {
    const clerk = await env.as('hefeng');
    const y2026 = await clerk.get(query(UNITS.hefeng, 2026));
    expect(y2026.statusCode).toBe(200);
    expect(y2026.json()).toMatchObject({
      unitPath: '/',
      year: 2026,
      provisional: false,
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      updatedBy: 'system:calendar',
    });
    expect(y2026.json().holidays).toEqual(expect.arrayContaining(['2026-02-17', '2026-09-25', '2026-10-01', '2026-10-07']));
    expect((await clerk.get(query(UNITS.hefeng, 2027))).json()).toMatchObject({ unitPath: '/', provisional: true, workdays: [] });
    expect((await clerk.get(query(UNITS.hefeng, 2030))).json()).toMatchObject({ code: 'SZ_CALENDAR_NOT_FOUND' });
  });

  it('gives a task due in 3 working days, received on Friday 25 September 2026 (中秋节), until the end of Wednesday 30 September', async () => {
    env.clock.t = at('2026-09-25T10:00');
    await deploy(env, HANDLING);
    const id = await received(env, 'HF-0925');
    expect(await dueDates(env, 'hefeng', id)).toEqual({ handle: endOf('2026-09-30') });
  });

  it('gives one received on Wednesday 30 September 2026 until the end of Saturday 10 October, worked in exchange for 国庆', async () => {
    env.clock.t = at('2026-09-30T16:00');
    await deploy(env, HANDLING);
    const id = await received(env, 'HF-0930');
    expect(await dueDates(env, 'hefeng', id)).toEqual({ handle: endOf('2026-10-10') });
  });

  it('moves the due dates set after a town admin adds a holiday for 里水镇, there only, leaving those set before', async () => {
    env.clock.t = at('2026-09-25T10:00');
    await deploy(env, HANDLING);
    const before = await received(env, 'HF-1');
    const admin = await env.as('admin');
    const put = await admin.put('/api/calendars/2026', {
      unit: UNITS.lishui,
      holidays: [...NATIONAL_2026.holidays, '2026-09-29'],
      workdays: NATIONAL_2026.workdays,
      note: '9月29日镇里统一放假',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ unitPath: UNITS.lishui, year: 2026, provisional: false, updatedBy: env.userId('admin') });

    const after = await received(env, 'HF-2');
    expect(await dueDates(env, 'hefeng', before)).toEqual({ handle: endOf('2026-09-30') });
    expect(await dueDates(env, 'hefeng', after)).toEqual({ handle: endOf('2026-10-08') });
    const clerk = await env.as('hefeng');
    expect((await clerk.get(query(UNITS.hefeng, 2026))).json()).toMatchObject({ unitPath: UNITS.lishui, note: '9月29日镇里统一放假' });
    expect((await clerk.get(query(UNITS.dali, 2026))).json()).toMatchObject({ code: 'SZ_NOT_FOUND' });
    expect((await (await env.as('daliAdmin')).get(query(UNITS.dali, 2026))).json()).toMatchObject({ unitPath: '/' });
    expect((await admin.get('/api/calendars/kept')).json().items.map((c: { unitPath: string }) => c.unitPath)).toEqual([UNITS.lishui]);
  });

  it('applies a change made through another server process there within a minute', async () => {
    env.clock.t = at('2026-09-25T10:00');
    await deploy(env, HANDLING);
    await received(env, 'HF-1');
    const other = await testEnv({ dir: env.dir, clock: env.clock, idPrefix: 'b', seed: false });
    try {
      const admin = await other.as('admin');
      const holiday = { unit: UNITS.lishui, holidays: [...NATIONAL_2026.holidays, '2026-09-29'], workdays: NATIONAL_2026.workdays };
      expect((await admin.put('/api/calendars/2026', holiday)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
    expect(await dueDates(env, 'hefeng', await received(env, 'HF-2'))).toEqual({ handle: endOf('2026-09-30') });
    env.clock.advance(MINUTE);
    expect(await dueDates(env, 'hefeng', await received(env, 'HF-3'))).toEqual({ handle: endOf('2026-10-08') });
  });

  it('seeds the bundled year in place of one it seeded before that differs (a release with the year published), never over an admin’s', async () => {
    const { store } = env;
    const [y2026, y2027] = CHINA_CALENDAR;
    const edited = { ...y2026!, unitPath: '/', holidays: [...y2026!.holidays, '2026-12-31'], updatedAt: 0, updatedBy: 'user-root' };
    await store.calendars.put(edited);
    await store.calendars.put({ ...y2027!, unitPath: '/', holidays: [], provisional: true, updatedAt: 0, updatedBy: 'system:calendar' });
    await env.app.runtime.calendars.seedNational();
    expect(await store.calendars.forUnit('/', 2026)).toStrictEqual(edited);
    expect(await store.calendars.forUnit('/', 2027)).toMatchObject({ holidays: y2027!.holidays, updatedBy: 'system:calendar' });
  });

  it('refuses dates that do not stand, naming each field and date, in zh-CN or en, and keeps nothing', async () => {
    const admin = await env.as('admin');
    const body = { unit: UNITS.lishui, holidays: ['2026-10-01', '2026-02-30', '2027-01-01'], workdays: ['2026-10-12', '2026-10-01'] };
    const refused = await admin.put('/api/calendars/2026', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      code: 'SZ_CALENDAR_INVALID',
      message: '节假日安排有误，body.holidays[1]：2026-02-30 不是有效日期，应写作 YYYY-MM-DD',
      details: [
        { field: 'body.holidays[1]', date: '2026-02-30', rule: 'not-a-date', message: '2026-02-30 不是有效日期，应写作 YYYY-MM-DD' },
        { field: 'body.holidays[2]', date: '2027-01-01', rule: 'other-year', message: '2027-01-01 不在 2026 年内' },
        {
          field: 'body.workdays[0]',
          date: '2026-10-12',
          rule: 'workday-not-weekend',
          message: '2026-10-12 是星期一，调休上班日只能是星期六或星期日',
        },
        { field: 'body.workdays[1]', date: '2026-10-01', rule: 'both', message: '2026-10-01 同时列为放假日和调休上班日' },
      ],
    });
    const english = await env.app.inject({
      method: 'PUT',
      url: '/api/calendars/2026',
      headers: { authorization: `Bearer ${admin.token}`, 'accept-language': 'en' },
      payload: { unit: UNITS.lishui, holidays: [], workdays: ['2026-10-12'] },
    });
    expect(english.json()).toMatchObject({
      code: 'SZ_CALENDAR_INVALID',
      message: 'The calendar is refused, body.workdays[0]: 2026-10-12 is a Monday; a day worked in exchange is a Saturday or a Sunday',
    });
    expect((await admin.put('/api/calendars/1999', { unit: UNITS.lishui, holidays: [], workdays: [] })).json()).toMatchObject({
      code: 'SZ_VALIDATION',
    });
    expect((await admin.get(query(UNITS.lishui, 2026))).json()).toMatchObject({ unitPath: '/' });
  });

  it('lets only a town admin of the unit or above keep its calendar', async () => {
    const year = { holidays: ['2026-10-01'], workdays: [] };
    const clerk = await env.as('hefeng');
    expect((await clerk.put('/api/calendars/2026', { unit: UNITS.hefeng, ...year })).json()).toMatchObject({ code: 'SZ_FORBIDDEN' });
    const daliAdmin = await env.as('daliAdmin');
    expect((await daliAdmin.put('/api/calendars/2026', { unit: UNITS.lishui, ...year })).json()).toMatchObject({ code: 'SZ_NOT_FOUND' });
    const admin = await env.as('admin');
    expect((await admin.put('/api/calendars/2026', { unit: '/nanhai/lishui/nowhere/', ...year })).json()).toMatchObject({
      code: 'SZ_UNIT_NOT_FOUND',
    });
    expect((await admin.put('/api/calendars/2026', { unit: UNITS.hefeng, ...year })).statusCode).toBe(200);
    expect((await admin.put('/api/calendars/2026', { unit: '/', ...year })).json()).toMatchObject({ code: 'SZ_NOT_FOUND' });
  });

  it('reminds when the last working day begins and offers supervision to the town’s admins once the due date has passed', async () => {
    env.clock.t = at('2026-09-30T16:00');
    await deploy(env, WITH_SUPERVISION);
    const id = await received(env, 'HF-督办');
    const jobs = async () => (await env.store.jobs.ofInstance(id)).map((j) => [j.kind, j.type, new Date(j.dueAt).toISOString()]);
    expect(await jobs()).toEqual([
      ['timer', 'timer', endOf('2026-10-09')],
      ['timer', 'timer', endOf('2026-10-10')],
    ]);

    env.clock.t = at('2026-10-09T23:59:59.999');
    await env.app.runtime.workers.runDue();
    expect((await jobs()).filter(([kind]) => kind === 'external')).toEqual([['external', 'due-soon', endOf('2026-10-09')]]);
    expect(await dueDates(env, 'admin', id)).toEqual({});

    env.clock.t = at('2026-10-10T23:59:59.999');
    await env.app.runtime.workers.runDue();
    expect(await dueDates(env, 'admin', id)).toEqual({ supervise: undefined });
    expect(await dueDates(env, 'hefeng', id)).toEqual({ handle: endOf('2026-10-10') });
  });
});
