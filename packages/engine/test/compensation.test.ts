import { describe, expect, it } from 'vitest';
import { flow, processXml, running, task } from './support.ts';

describe('compensation', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/>
     <serviceTask id="reserve"><extensionElements><zeebe:taskDefinition type="reserve-hall"/></extensionElements></serviceTask>
     <boundaryEvent id="cb" attachedToRef="reserve"><compensateEventDefinition/></boundaryEvent>
     <serviceTask id="release" isForCompensation="true"><extensionElements><zeebe:taskDefinition type="release-hall"/></extensionElements></serviceTask>
     <association id="a1" associationDirection="One" sourceRef="cb" targetRef="release"/>
     <userTask id="decide"/><exclusiveGateway id="gw" default="ok"/>
     <intermediateThrowEvent id="undo"><compensateEventDefinition/></intermediateThrowEvent>
     <userTask id="cancelled"/><endEvent id="done"/>
     ${flow('s', 'reserve', 'decide', 'gw')}
     <sequenceFlow id="ok" sourceRef="gw" targetRef="done"/>
     <sequenceFlow id="no" sourceRef="gw" targetRef="undo"><conditionExpression xsi:type="tFormalExpression">cancel</conditionExpression></sequenceFlow>
     ${flow('undo', 'cancelled')}`,
  );

  it('runs the handler of each completed activity, then goes on', async () => {
    const { rt, tasks } = await running(xml);
    rt.completeJob(rt.jobs('reserve-hall')[0]!);
    rt.completeTask(task(rt, 'decide'), { cancel: true });
    expect(rt.jobs().map((j) => j.jobType)).toEqual(['release-hall']);
    expect(tasks()).toEqual([]);
    rt.completeJob(rt.jobs('release-hall')[0]!);
    expect(tasks()).toEqual(['cancelled']);
  });

  it('does nothing for activities that did not complete', async () => {
    const { rt, inst } = await running(xml);
    rt.completeJob(rt.jobs('reserve-hall')[0]!);
    rt.completeTask(task(rt, 'decide'), { cancel: false });
    expect(inst().state.status).toBe('completed');
    expect(rt.jobs()).toEqual([]);
  });
});

describe('jobs', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/><serviceTask id="sms"><extensionElements><zeebe:taskDefinition type="sms" retries="2"/></extensionElements></serviceTask><userTask id="t"/>${flow('s', 'sms', 't')}`,
  );

  it('counts retries down to an incident, and resolving it runs the job again', async () => {
    const { rt, id, tasks } = await running(xml);
    const job = rt.jobs('sms')[0]!;
    expect(job.retries).toBe(2);
    rt.failJob(job, { retries: 1, message: 'gateway timeout' });
    expect(rt.incidents()).toEqual([]);
    rt.failJob(job, { retries: 0, message: 'gateway timeout' });
    const incident = rt.incidents()[0]!;
    expect(incident).toMatchObject({ el: 'sms', code: 'SZ_JOB_FAILED' });
    rt.send(id, { type: 'resolveIncident', incident: incident.id });
    expect(rt.jobs('sms')).toHaveLength(1);
    rt.completeJob(rt.jobs('sms')[0]!, { delivered: true });
    expect(tasks()).toEqual(['t']);
  });

  it('a script task evaluates FEEL into its result variable', async () => {
    const script = processXml(
      'p',
      `<startEvent id="s"/><scriptTask id="calc"><extensionElements><zeebe:script expression="=sum(fees) * 1.1" resultVariable="total"/></extensionElements></scriptTask><userTask id="t"/>${flow('s', 'calc', 't')}`,
    );
    const { inst } = await running(script, { fees: [100, 200] });
    expect(inst().state.els[inst().state.root]!.vars?.total).toBeCloseTo(330);
  });

  it('send and receive tasks exchange a message between instances', async () => {
    const receiver = processXml(
      'r',
      `<startEvent id="s"/><receiveTask id="wait" messageRef="m"/><userTask id="t"/>${flow('s', 'wait', 't')}`,
      `<message id="m" name="notice-posted"/>`,
    );
    const sender = processXml(
      'snd',
      `<startEvent id="s"/><sendTask id="post" messageRef="m2"/><endEvent id="e"/>${flow('s', 'post', 'e')}`,
      `<message id="m2" name="notice-posted"/>`,
    );
    const { rt, tasks } = await running(receiver);
    await rt.deployXml(sender);
    rt.start('snd');
    expect(tasks()).toEqual(['t']);
  });
});

describe('transaction sub-process', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/>
     <transaction id="tx">
       <startEvent id="ts"/>
       <serviceTask id="book"><extensionElements><zeebe:taskDefinition type="book-venue"/></extensionElements></serviceTask>
       <boundaryEvent id="cb" attachedToRef="book"><compensateEventDefinition/></boundaryEvent>
       <serviceTask id="unbook" isForCompensation="true"><extensionElements><zeebe:taskDefinition type="unbook-venue"/></extensionElements></serviceTask>
       <association id="a" associationDirection="One" sourceRef="cb" targetRef="unbook"/>
       <userTask id="confirm"/><exclusiveGateway id="gw" default="fine"/>
       <endEvent id="abort"><cancelEventDefinition/></endEvent><endEvent id="te"/>
       ${flow('ts', 'book', 'confirm', 'gw')}
       <sequenceFlow id="fine" sourceRef="gw" targetRef="te"/>
       <sequenceFlow id="cancelIt" sourceRef="gw" targetRef="abort"><conditionExpression xsi:type="tFormalExpression">abort</conditionExpression></sequenceFlow>
     </transaction>
     <boundaryEvent id="cancelled" attachedToRef="tx"><cancelEventDefinition/></boundaryEvent>
     <userTask id="afterCancel"/><userTask id="afterSuccess"/>
     ${flow('s', 'tx', 'afterSuccess')}${flow('cancelled', 'afterCancel')}`,
  );

  it('a cancel end event compensates what the transaction did, then leaves by the cancel boundary', async () => {
    const { rt, tasks } = await running(xml);
    rt.completeJob(rt.jobs('book-venue')[0]!);
    rt.completeTask(task(rt, 'confirm'), { abort: true });
    expect(rt.jobs().map((j) => j.jobType)).toEqual(['unbook-venue']);
    rt.completeJob(rt.jobs('unbook-venue')[0]!);
    expect(tasks()).toEqual(['afterCancel']);
  });

  it('completes normally when nothing cancels it', async () => {
    const { rt, tasks } = await running(xml);
    rt.completeJob(rt.jobs('book-venue')[0]!);
    rt.completeTask(task(rt, 'confirm'), { abort: false });
    expect(tasks()).toEqual(['afterSuccess']);
  });
});
