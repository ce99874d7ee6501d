import { describe, expect, it } from 'vitest';
import { processXml, UNITS, useTestEnv } from './support.ts';

/** A village's register of wells (水井台账), kept by the procedure below. */
const WELL_FORM = {
  key: 'well',
  title: '水井',
  schema: {
    type: 'object',
    required: ['wellNo', 'depth'],
    properties: {
      wellNo: { type: 'string', title: '井号', minLength: 1 },
      depth: { type: 'number', title: '井深（米）', minimum: 1 },
      keeperPhone: { type: 'string', title: '管护人手机号', format: 'cn-mobile' },
    },
  },
};

const registerTask = (id: string, type: string, headers: Record<string, string>, inputs: Record<string, string>) =>
  `<serviceTask id="${id}"><extensionElements>
     <zeebe:taskDefinition type="${type}" retries="1"/>
     <zeebe:taskHeaders>${Object.entries(headers)
       .map(([key, value]) => `<zeebe:header key="${key}" value="${value}"/>`)
       .join('')}</zeebe:taskHeaders>
     <zeebe:ioMapping>${Object.entries(inputs)
       .map(([target, source]) => `<zeebe:input source="${source}" target="${target}"/>`)
       .join('')}</zeebe:ioMapping>
   </extensionElements></serviceTask>`;

/** Files the well given at the start, reads it back, and waits for a person to look. */
const wells = (write: string) =>
  processXml(
    'wells',
    `<startEvent id="start"/>
     ${write}
     ${registerTask('read', 'shanzhi:register-lookup', { register: 'wells', resultVariable: 'filed' }, { key: '=wellNo' })}
     <userTask id="look" name="查看"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
     <endEvent id="end"/>
     <sequenceFlow id="f1" sourceRef="start" targetRef="file"/>
     <sequenceFlow id="f2" sourceRef="file" targetRef="read"/>
     <sequenceFlow id="f3" sourceRef="read" targetRef="look"/>
     <sequenceFlow id="f4" sourceRef="look" targetRef="end"/>`,
  );
const FILE = registerTask(
  'file',
  'shanzhi:register-write',
  { register: 'wells' },
  { entry: '={wellNo: wellNo, depth: depth, keeperPhone: keeperPhone}' },
);

describe('register jobs', () => {
  const env = useTestEnv();

  const setUp = async () => {
    const admin = await env.as('admin');
    const deployed = await admin.post('/api/deployments', { xml: wells(FILE), unit: UNITS.hefeng, forms: [WELL_FORM] });
    expect(deployed.statusCode, deployed.body).toBe(201);
    await env.app.runtime.registers.declare(
      UNITS.hefeng,
      [{ id: 'wells', name: { 'zh-CN': '水井台账', en: 'Wells' }, formKey: 'well', keyField: 'wellNo' }],
      'wells',
      env.clock.now(),
    );
    return env.as('hefeng');
  };
  const start = async (variables: Record<string, unknown>) => {
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/process-instances', { definitionKey: 'wells', orgUnit: UNITS.hefeng, variables });
    expect(res.statusCode, res.body).toBe(201);
    await env.app.runtime.workers.runDue();
    return (await clerk.get(`/api/process-instances/${res.json<{ id: string }>().id}`)).json<{
      variables: Record<string, unknown>;
      incidents: { elementId: string; message: string }[];
    }>();
  };

  it('writes an entry in the step’s commit and reads it back, a null field being an absent one', async () => {
    await setUp();
    const detail = await start({ wellNo: 'J-07', depth: 12, keeperPhone: null });
    expect(detail.incidents).toEqual([]);
    expect(detail.variables.filed).toEqual({ wellNo: 'J-07', depth: 12 });
    const entry = await env.store.registers.entry(UNITS.hefeng, 'wells', 'J-07');
    expect(entry).toMatchObject({ revision: 1, by: 'system:registers', data: { wellNo: 'J-07', depth: 12 } });
  });

  it('turns data the register’s form refuses into an incident on the step naming the field, and writes nothing', async () => {
    await setUp();
    const detail = await start({ wellNo: 'J-08', depth: 0, keeperPhone: '1390' });
    expect(detail.incidents).toEqual([
      expect.objectContaining({ elementId: 'file', message: expect.stringMatching(/register wells: 井深（米）：.*；管护人手机号：/) }),
    ]);
    expect(await env.store.registers.entry(UNITS.hefeng, 'wells', 'J-08')).toBeUndefined();
  });

  it('refuses a model whose register task lacks its header, naming the element', async () => {
    const admin = await env.as('admin');
    const bare = registerTask('file', 'shanzhi:register-write', {}, { entry: '={wellNo: wellNo}' });
    const res = await admin.post('/api/deployments', { xml: wells(bare), unit: UNITS.hefeng, forms: [WELL_FORM] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SZ_BPMN_INVALID',
      details: { problems: [expect.objectContaining({ elementId: 'file', rule: 'register-job-invalid' })] },
    });
  });
});
