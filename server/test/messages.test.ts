import { beforeEach, describe, expect, it } from 'vitest';
import { deploy, flow, processXml, UNITS, useTestEnv } from './support.ts';

const WAIT_FOR_REPLY = processXml(
  'reply',
  `<startEvent id="start"/>
   <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
   <userTask id="read" name="阅读回复"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="end"/>
   ${flow('start', 'wait', 'read', 'end')}`,
  `<message id="m" name="townReply"><extensionElements><zeebe:subscription correlationKey="=caseNo"/></extensionElements></message>`,
);

const BY_MESSAGE = processXml(
  'complaint',
  `<startEvent id="start"><messageEventDefinition messageRef="c"/></startEvent>
   <userTask id="handle"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   ${flow('start', 'handle')}`,
  `<message id="c" name="hotline12345"/>`,
);

describe('messages and signals', () => {
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, WAIT_FOR_REPLY);
  });

  it('correlates a message by its key to the one instance waiting with that key', async () => {
    const clerk = await env.as('hefeng');
    const start = async (caseNo: string) =>
      (await clerk.post('/api/process-instances', { definitionKey: 'reply', orgUnit: UNITS.hefeng, variables: { caseNo } })).json<{
        id: string;
      }>().id;
    const a = await start('A-1');
    const b = await start('B-2');
    const res = await clerk.post('/api/messages', { name: 'townReply', correlationKey: 'B-2', variables: { 答复: '同意修建' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ instanceId: b, started: false });
    const detail = (await clerk.get(`/api/process-instances/${b}`)).json();
    expect(detail.activeElementIds).toEqual(['read']);
    expect(detail.variables).toMatchObject({ 答复: '同意修建' });
    expect((await clerk.get(`/api/process-instances/${a}`)).json().activeElementIds).toEqual(['wait']);

    const again = await clerk.post('/api/messages', { name: 'townReply', correlationKey: 'B-2' });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('SZ_MESSAGE_NOT_CORRELATED');
  });

  it('does not correlate into another village’s instance', async () => {
    const hefeng = await env.as('hefeng');
    await hefeng.post('/api/process-instances', { definitionKey: 'reply', orgUnit: UNITS.hefeng, variables: { caseNo: 'X-9' } });
    const honggang = await env.as('honggang');
    expect((await honggang.post('/api/messages', { name: 'townReply', correlationKey: 'X-9' })).statusCode).toBe(404);
  });

  it('starts a process by its message start event when nobody waits', async () => {
    await deploy(env, BY_MESSAGE, UNITS.hefeng);
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/messages', { name: 'hotline12345', variables: { 诉求: '路灯不亮' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().started).toBe(true);
    const tasks = (await clerk.get('/api/tasks')).json<{ items: { instanceId: string }[] }>().items;
    expect(tasks.map((t) => t.instanceId)).toEqual([res.json().instanceId]);
  });

  it('broadcasts a signal to every waiting instance in reach, and throw events reach others through the outbox', async () => {
    const xml = processXml(
      'alarm',
      `<startEvent id="start"/>
       <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="s"/></intermediateCatchEvent>
       <endEvent id="end"/>
       ${flow('start', 'wait', 'end')}`,
      `<signal id="s" name="台风预警"/>`,
    );
    const thrower = processXml(
      'warn',
      `<startEvent id="start"/><intermediateThrowEvent id="throw"><signalEventDefinition signalRef="s"/></intermediateThrowEvent><endEvent id="end"/>${flow('start', 'throw', 'end')}`,
      `<signal id="s" name="台风预警"/>`,
    );
    await deploy(env, xml);
    await deploy(env, thrower);
    const clerk = await env.as('hefeng');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++)
      ids.push((await clerk.post('/api/process-instances', { definitionKey: 'alarm', orgUnit: UNITS.hefeng })).json<{ id: string }>().id);
    const admin = await env.as('admin');
    const res = await admin.post('/api/signals', { name: '台风预警' });
    expect(res.statusCode).toBe(200);
    expect(res.json().delivered.sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await clerk.get(`/api/process-instances/${id}`)).json().instance.status).toBe('completed');

    const later = (await clerk.post('/api/process-instances', { definitionKey: 'alarm', orgUnit: UNITS.hefeng })).json<{ id: string }>().id;
    await clerk.post('/api/process-instances', { definitionKey: 'warn', orgUnit: UNITS.hefeng });
    await env.app.runtime.workers.runDue();
    expect((await clerk.get(`/api/process-instances/${later}`)).json().instance.status).toBe('completed');
  });

  it('a signal thrown inside a sub-process ends it through its own boundary at once, and others hear it once through the outbox', async () => {
    const SIGNAL = `<signal id="s" name="撤销申请"/>`;
    const applying = processXml(
      'apply',
      `<startEvent id="start"/>
       <subProcess id="form"><startEvent id="fs"/><intermediateThrowEvent id="withdraw"><signalEventDefinition signalRef="s"/></intermediateThrowEvent><endEvent id="fe"/>${flow('fs', 'withdraw', 'fe')}</subProcess>
       <boundaryEvent id="withdrawn" attachedToRef="form"><signalEventDefinition signalRef="s"/></boundaryEvent>
       <userTask id="archive"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
       <userTask id="review"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
       ${flow('start', 'form', 'review')}${flow('withdrawn', 'archive')}`,
      SIGNAL,
    );
    const listening = processXml(
      'listen',
      `<startEvent id="start"/><intermediateCatchEvent id="wait"><signalEventDefinition signalRef="s"/></intermediateCatchEvent>
       <userTask id="heard"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>${flow('start', 'wait', 'heard')}`,
      SIGNAL,
    );
    await deploy(env, applying);
    await deploy(env, listening);
    const clerk = await env.as('hefeng');
    const listener = (await clerk.post('/api/process-instances', { definitionKey: 'listen', orgUnit: UNITS.hefeng })).json<{ id: string }>()
      .id;
    const applicant = (await clerk.post('/api/process-instances', { definitionKey: 'apply', orgUnit: UNITS.hefeng })).json<{ id: string }>()
      .id;
    expect((await clerk.get(`/api/process-instances/${applicant}`)).json().activeElementIds).toEqual(['archive']);
    await env.app.runtime.workers.runDue();
    expect((await clerk.get(`/api/process-instances/${listener}`)).json().activeElementIds).toEqual(['heard']);
    expect((await clerk.get(`/api/process-instances/${applicant}`)).json().activeElementIds).toEqual(['archive']);
  });
});
