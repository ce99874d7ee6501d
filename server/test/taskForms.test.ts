import { describe, expect, it } from 'vitest';
import { flow, processXml, type TestEnv, UNITS, useTestEnv } from './support.ts';

/** 出租屋登记: the whole record of a rental house, filled in over two steps. */
const HOUSE = {
  key: 'rental-house',
  title: '出租屋登记',
  schema: {
    type: 'object',
    required: ['address'],
    additionalProperties: false,
    properties: {
      address: { type: 'string', title: '房屋地址', minLength: 5 },
      landlordMobile: { type: 'string', title: '房东手机号', format: 'cn-mobile' },
      riskLevel: { title: '风险等级', enum: ['低', '中', '高'] },
      problems: { type: 'string', title: '发现问题' },
    },
  },
  uiSchema: { problems: { 'ui:widget': 'textarea' } },
};

/** The clerk registers the house at the start; the grid worker inspects it, without seeing the landlord's mobile. */
const INSPECTION = processXml(
  'inspection',
  `<startEvent id="register"><extensionElements><sz:form key="rental-house">
     <sz:field name="address" access="required"/><sz:field name="riskLevel" access="hidden"/><sz:field name="problems" access="hidden"/>
   </sz:form></extensionElements></startEvent>
   <userTask id="inspect" name="网格员巡查"><extensionElements>
     <sz:assignment candidateGroups="clerk"/>
     <sz:form key="rental-house"><sz:field name="address" access="readonly"/><sz:field name="landlordMobile" access="hidden"/><sz:field name="riskLevel" access="required"/></sz:form>
   </extensionElements></userTask>
   <endEvent id="end"/>
   ${flow('register', 'inspect', 'end')}`,
);

async function deployWithForm(env: TestEnv, xml = INSPECTION, forms: unknown[] = [HOUSE]) {
  const admin = await env.as('admin');
  return admin.post('/api/deployments', { xml, unit: UNITS.lishui, forms });
}

async function registered(env: TestEnv) {
  expect((await deployWithForm(env)).statusCode).toBe(201);
  const clerk = await env.as('hefeng');
  const started = await clerk.post('/api/process-instances', {
    definitionKey: 'inspection',
    orgUnit: UNITS.hefeng,
    variables: { address: '鹤峰村东区12号', landlordMobile: '13802961234' },
  });
  expect(started.statusCode).toBe(201);
  const task = started.json<{ id: string; tasks: { id: string }[] }>();
  return { clerk, instanceId: task.id, taskId: task.tasks[0]?.id as string };
}

function inject(env: TestEnv, token: string, url: string, payload: unknown, lang?: string) {
  return env.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
  });
}

describe('form definitions on the server', () => {
  const env = useTestEnv();

  it('deploys a form as version 1, then 2, and lists and fetches them', async () => {
    const admin = await env.as('admin');
    const first = await admin.post('/api/forms', { unit: UNITS.lishui, form: HOUSE });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ key: 'rental-house', version: 1, unitPath: UNITS.lishui, title: '出租屋登记' });
    const second = await admin.post('/api/forms', { unit: UNITS.lishui, form: { ...HOUSE, title: '出租屋登记（修订）' } });
    expect(second.json()).toMatchObject({ version: 2 });
    const clerk = await env.as('hefeng');
    const listed = (await clerk.get('/api/forms?key=rental-house')).json<{ items: { version: number }[] }>();
    expect(listed.items.map((f) => f.version)).toEqual([1, 2]);
    const fetched = (await clerk.get(`/api/forms/${first.json().id}`)).json();
    expect(fetched).toMatchObject({ version: 1, schema: HOUSE.schema, uiSchema: HOUSE.uiSchema });
  });

  it('refuses a broken definition, naming the form and the place in it, and stores nothing', async () => {
    const admin = await env.as('admin');
    const broken = { ...HOUSE, schema: { ...HOUSE.schema, properties: { ...HOUSE.schema.properties, age: { type: 'integr' } } } };
    const res = await admin.post('/api/forms', { unit: UNITS.lishui, form: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SZ_FORM_DEFINITION_INVALID');
    expect(res.json().details.problems[0]).toMatchObject({ form: 'rental-house', path: expect.stringContaining('/schema/properties/age') });
    expect((await admin.get('/api/forms')).json().items).toEqual([]);
  });

  it('lets only designers and admins deploy forms', async () => {
    const clerk = await env.as('hefeng');
    expect((await clerk.post('/api/forms', { unit: UNITS.hefeng, form: HOUSE })).statusCode).toBe(403);
  });

  it('pins the form a procedure binds when it is deployed, so a later version does not change it', async () => {
    const deployed = await deployWithForm(env);
    expect(deployed.statusCode).toBe(201);
    const { forms, deployedForms } = deployed.json<{ forms: Record<string, string>; deployedForms: { id: string; version: number }[] }>();
    expect(deployedForms).toEqual([expect.objectContaining({ key: 'rental-house', version: 1 })]);
    expect(forms).toEqual({ 'rental-house': deployedForms[0]?.id });
    const admin = await env.as('admin');
    await admin.post('/api/forms', { unit: UNITS.lishui, form: { ...HOUSE, title: '新版' } });
    const again = await admin.post('/api/deployments', { xml: INSPECTION, unit: UNITS.lishui });
    expect(again.json().forms['rental-house']).not.toBe(deployedForms[0]?.id);
  });

  it('refuses a procedure whose step binds a form that is nowhere deployed, naming the step', async () => {
    const res = await deployWithForm(env, INSPECTION, []);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SZ_BPMN_INVALID');
    expect(res.json().details.problems.map((p: { rule: string; elementId: string }) => [p.rule, p.elementId])).toEqual([
      ['form-missing', 'register'],
      ['form-missing', 'inspect'],
    ]);
  });

  it('takes the forms as *.form.json files of an upload beside the model', async () => {
    const admin = await env.as('admin');
    const boundary = '----shanzhi';
    const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
    const payload = [
      part('Content-Disposition: form-data; name="unit"', UNITS.lishui),
      part('Content-Disposition: form-data; name="xml"; filename="inspection.bpmn"\r\nContent-Type: application/xml', INSPECTION),
      part(
        'Content-Disposition: form-data; name="forms"; filename="rental-house.form.json"\r\nContent-Type: application/json',
        JSON.stringify(HOUSE),
      ),
      `--${boundary}--\r\n`,
    ].join('');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/deployments',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().deployedForms).toEqual([expect.objectContaining({ key: 'rental-house', version: 1 })]);
  });
});

describe('forms at the steps of a running procedure', () => {
  const env = useTestEnv();

  it('shows the start form to whoever starts it, and validates the start against it', async () => {
    const deployed = await deployWithForm(env);
    const clerk = await env.as('hefeng');
    const startForm = (await clerk.get(`/api/process-definitions/${deployed.json().id}/start-form`)).json();
    expect(Object.keys(startForm.schema.properties)).toEqual(['address', 'landlordMobile']);
    expect(startForm).toMatchObject({ form: { key: 'rental-house', version: 1 }, editable: true });
    const refused = await inject(env, clerk.token, '/api/process-instances', {
      definitionKey: 'inspection',
      orgUnit: UNITS.hefeng,
      variables: { landlordMobile: '123' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('SZ_FORM_INVALID');
    expect(refused.json().message).toContain('房屋地址：');
    expect(refused.json().message).toContain('房东手机号：不是有效的手机号码');
  });

  it('gives the grid worker the step as it may see it: hidden fields never leave the server', async () => {
    const { clerk, taskId } = await registered(env);
    const res = await clerk.get(`/api/tasks/${taskId}/form`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.values).toEqual({ address: '鹤峰村东区12号' });
    expect(view.schema.properties.address).toMatchObject({ readOnly: true });
    expect(view.schema.required).toEqual(['address', 'riskLevel']);
    expect(view.editable).toBe(true);
    expect(res.body).not.toContain('13802961234');
    expect(res.body).not.toContain('landlordMobile');
    const auditor = await env.as('auditor');
    expect((await auditor.get(`/api/tasks/${taskId}/form`)).json().editable).toBe(false);
  });

  it('refuses bad data in Chinese by default and in English when asked, naming each field by its title', async () => {
    const { clerk, taskId } = await registered(env);
    const url = `/api/tasks/${taskId}/complete`;
    const zh = await inject(env, clerk.token, url, { variables: { riskLevel: '很高', address: '别处' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'SZ_FORM_INVALID' });
    expect(zh.json().details.errors.map((e: { field: string; label: string }) => [e.field, e.label])).toEqual([
      ['/address', '房屋地址'],
      ['/riskLevel', '风险等级'],
    ]);
    expect(zh.json().message).toBe('表单填写有误：房屋地址：此项在本环节只读，不能修改；风险等级：应为以下选项之一：低、中、高');
    const en = await inject(env, clerk.token, url, { variables: { riskLevel: '很高' } }, 'en-US,en;q=0.9,zh;q=0.5');
    expect(en.json().message).toMatch(/^The form is not filled in right: 风险等级: /);
    expect(en.json().message).toMatch(/one of/i);
    const smuggled = await inject(env, clerk.token, url, { variables: { riskLevel: '低', approved: true } });
    expect(smuggled.json().details.errors).toEqual([expect.objectContaining({ field: '/approved', code: 'additionalProperties' })]);
  });

  it('stores what the step filled in as process variables of the same names, and keeps what it may not change', async () => {
    const { clerk, instanceId, taskId } = await registered(env);
    const done = await clerk.post(`/api/tasks/${taskId}/complete`, { variables: { riskLevel: '高', problems: '灭火器过期' } });
    expect(done.statusCode).toBe(200);
    const detail = (await clerk.get(`/api/process-instances/${instanceId}`)).json();
    expect(detail.instance.status).toBe('completed');
    // Kept whole; a phone number (format cn-mobile in a form of the procedure) is shown masked outside its step.
    expect(detail.variables).toEqual({ address: '鹤峰村东区12号', landlordMobile: '138****1234', riskLevel: '高', problems: '灭火器过期' });
    const stored = await env.store.instances.byId(instanceId);
    expect(stored?.state.els[stored.state.root]?.vars).toMatchObject({ landlordMobile: '13802961234' });
  });
});
