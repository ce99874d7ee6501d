import { describe, expect, it } from 'vitest';
import { deploy, processXml, REVIEW, UNITS, uploadModel, useTestEnv } from './support.ts';

describe('deployments and starting instances', () => {
  const env = useTestEnv();

  it('answers 400 SZ_BPMN_INVALID for a bad model, with problems naming element ids', async () => {
    const admin = await env.as('admin');
    const bad = processXml(
      'broken',
      `<startEvent id="start"/><serviceTask id="sendSms"/><endEvent id="end"/><sequenceFlow id="f1" sourceRef="start" targetRef="sendSms"/><sequenceFlow id="f2" sourceRef="sendSms" targetRef="nowhere"/>`,
    );
    const res = await admin.post('/api/deployments', { xml: bad, unit: UNITS.lishui });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { problems: { elementId?: string; rule: string }[] } }>();
    expect(body.code).toBe('SZ_BPMN_INVALID');
    const ids = body.details.problems.map((p) => p.elementId);
    expect(ids).toContain('sendSms');
    expect(body.details.problems.map((p) => p.rule)).toContain('job-type-missing');
    expect((await admin.get('/api/process-definitions')).json().items).toEqual([]);
  });

  it('checks a model without storing it (dryRun): the problems deploy would find, on the elements they name', async () => {
    const admin = await env.as('admin');
    const flawed = processXml(
      'flawed',
      `<startEvent id="start"/><exclusiveGateway id="amountGate"/><endEvent id="end"/><endEvent id="big"/>
       <sequenceFlow id="f1" sourceRef="start" targetRef="amountGate"/>
       <sequenceFlow id="large" sourceRef="amountGate" targetRef="big"><conditionExpression>=amount &gt; * 1000</conditionExpression></sequenceFlow>
       <sequenceFlow id="small" sourceRef="amountGate" targetRef="end"><conditionExpression>\${amount &lt;= 1000}</conditionExpression></sequenceFlow>`,
    );
    const checked = await admin.post('/api/deployments?dryRun=true', { xml: flawed, unit: UNITS.lishui });
    expect(checked.statusCode).toBe(200);
    const report = checked.json<{ ok: boolean; refusal: string; problems: { rule: string; elementId?: string }[] }>();
    expect(report).toMatchObject({ ok: false, refusal: 'SZ_BPMN_INVALID' });
    expect(report.problems.map((p) => [p.elementId, p.rule])).toEqual(
      expect.arrayContaining([
        ['large', 'feel-syntax'],
        ['small', 'juel-expression'],
      ]),
    );
    const clean = await admin.post('/api/deployments?dryRun=true', { xml: REVIEW, unit: UNITS.lishui });
    expect(clean.json()).toEqual({ ok: true, problems: [] });
    expect((await admin.get('/api/process-definitions')).json().items).toEqual([]);
    const clerk = await env.as('hefeng');
    expect((await clerk.post('/api/deployments?dryRun=true', { xml: REVIEW, unit: UNITS.hefeng })).statusCode).toBe(403);
  });

  it('checks one FEEL text as the designer types it, naming the column or the JUEL it found', async () => {
    const clerk = await env.as('hefeng');
    const check = async (expression: string) => (await clerk.post('/api/feel/check', { expression })).json();
    expect(await check('=amount > 50000 and matterType = "集体资产处置"')).toEqual({ valid: true, problems: [] });
    expect(await check('amount > * 1000')).toEqual({
      valid: false,
      problems: [{ rule: 'feel-syntax', message: 'FEEL syntax error: unexpected "*" at column 10 in "amount > * 1000"' }],
    });
    expect((await check('#{approved}')).problems).toEqual([expect.objectContaining({ rule: 'juel-expression' })]);
    expect((await clerk.post('/api/feel/check', { expression: 'a', kind: 'juel' })).statusCode).toBe(400);
  });

  it('deploys JSON or multipart, versions per key and unit, and serves the XML back', async () => {
    const admin = await env.as('admin');
    const first = await deploy(env, REVIEW);
    expect(first).toMatchObject({ key: 'review', version: 1 });
    const res = await uploadModel(env.app, admin.token, REVIEW, UNITS.lishui);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'review', version: 2 });
    const xml = await admin.get(`/api/process-definitions/${res.json().id}/xml`);
    expect(xml.headers['content-type']).toMatch(/application\/xml/);
    expect(xml.body).toBe(REVIEW);
    const list = (await admin.get('/api/process-definitions?key=review')).json<{ items: { version: number }[] }>().items;
    expect(list.map((d) => d.version).sort()).toEqual([1, 2]);
  });

  it('keeps a version note and answers it in the definitions list; a note too long is refused naming the field', async () => {
    const admin = await env.as('admin');
    const noted = await admin.post('/api/deployments', { xml: REVIEW, unit: UNITS.lishui, note: '增加村委会审议环节' });
    expect(noted.statusCode).toBe(201);
    expect(noted.json()).toMatchObject({ version: 1, note: '增加村委会审议环节' });
    await deploy(env, REVIEW);
    const list = (await admin.get('/api/process-definitions?key=review')).json<{ items: { version: number; note?: string }[] }>().items;
    expect(list.map(({ version, note }) => ({ version, note }))).toEqual([
      { version: 1, note: '增加村委会审议环节' },
      { version: 2, note: undefined },
    ]);
    const tooLong = await admin.post('/api/deployments', { xml: REVIEW, unit: UNITS.lishui, note: '改'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('note');
  });

  it('refuses deploying for clerks (403) and at another town (404)', async () => {
    const clerk = await env.as('hefeng');
    expect((await clerk.post('/api/deployments', { xml: REVIEW, unit: UNITS.hefeng })).statusCode).toBe(403);
    const admin = await env.as('admin');
    expect((await admin.post('/api/deployments', { xml: REVIEW, unit: UNITS.dali })).statusCode).toBe(404);
  });

  it('starts once per business key, definition key and unit; the town’s definition serves its villages', async () => {
    await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    const body = { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: '鹤峰-2026-007', variables: { 事项: '修路' } };
    const first = await clerk.post('/api/process-instances', body);
    expect(first.statusCode).toBe(201);
    const again = await clerk.post('/api/process-instances', { ...body, variables: { 事项: '别的' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const racing = await Promise.all([1, 2, 3].map(() => clerk.post('/api/process-instances', { ...body, businessKey: '鹤峰-2026-008' })));
    expect(new Set(racing.map((r) => r.json().id)).size).toBe(1);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const list = (await clerk.get('/api/process-instances?definitionKey=review')).json<{ items: unknown[] }>().items;
    expect(list).toHaveLength(2);
    const town = await env.as('town');
    const other = await town.post('/api/process-instances', { ...body, orgUnit: UNITS.honggang });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('answers 404 SZ_DEFINITION_NOT_FOUND for an unknown key', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/process-instances', { definitionKey: 'nope', orgUnit: UNITS.hefeng });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('SZ_DEFINITION_NOT_FOUND');
  });
});
