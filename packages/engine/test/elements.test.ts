import { describe, expect, it } from 'vitest';
import { MemoryRuntime } from '../src/testing/index.ts';
import { flow, processXml, running, task } from './support.ts';

describe('more start and end events', () => {
  it('a conditional start event starts the process when its condition holds for the given data', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(
      processXml(
        'hazard',
        `<startEvent id="s"><conditionalEventDefinition><condition xsi:type="tFormalExpression">severity = "重大"</condition></conditionalEventDefinition></startEvent><userTask id="t"/>${flow('s', 't')}`,
      ),
    );
    expect(rt.startByCondition({ severity: '一般' })).toEqual([]);
    expect(rt.startByCondition({ severity: '重大' })).toHaveLength(1);
    expect(rt.tasks().map((t) => t.el)).toEqual(['t']);
  });

  it('an escalation end event in a sub-process is caught by a non-interrupting boundary; the path there ends', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><subProcess id="sub"><startEvent id="ss"/><parallelGateway id="f"/><endEvent id="up"><escalationEventDefinition escalationRef="e"/></endEvent><userTask id="inner"/>${flow('ss', 'f', 'up')}${flow('f', 'inner')}</subProcess>
       <boundaryEvent id="b" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="e"/></boundaryEvent><userTask id="town"/><endEvent id="end"/>
       ${flow('s', 'sub', 'end')}${flow('b', 'town')}`,
      `<escalation id="e" escalationCode="overdue"/>`,
    );
    const { rt, inst, tasks } = await running(xml);
    expect(tasks()).toEqual(['inner', 'town']);
    rt.completeTask(task(rt, 'inner'));
    rt.completeTask(task(rt, 'town'));
    expect(inst().state.status).toBe('completed');
  });

  it('an intermediate signal throw reaches every instance that waits for it', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(
      processXml(
        'w',
        `<startEvent id="s"/><intermediateCatchEvent id="c"><signalEventDefinition signalRef="g"/></intermediateCatchEvent><userTask id="t"/>${flow('s', 'c', 't')}`,
        `<signal id="g" name="换届"/>`,
      ),
    );
    await rt.deployXml(
      processXml(
        'x',
        `<startEvent id="s"/><intermediateThrowEvent id="th"><signalEventDefinition signalRef="g2"/></intermediateThrowEvent><endEvent id="e"/>${flow('s', 'th', 'e')}`,
        `<signal id="g2" name="换届"/>`,
      ),
    );
    rt.start('w');
    rt.start('w');
    rt.start('x');
    expect(rt.tasks()).toHaveLength(2);
  });
});

describe('more tasks', () => {
  it('a manual task and an abstract task just pass', async () => {
    const { tasks } = await running(
      processXml('p', `<startEvent id="s"/><manualTask id="m"/><task id="a"/><userTask id="t"/>${flow('s', 'm', 'a', 't')}`),
    );
    expect(tasks()).toEqual(['t']);
  });

  it('a business-rule task is a job for a decision worker', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><businessRuleTask id="score"><extensionElements><sz:job type="credit-score" retries="5"/></extensionElements></businessRuleTask><userTask id="t"/>${flow('s', 'score', 't')}`,
    );
    const { rt, vars, tasks } = await running(xml, { household: '张家' });
    const job = rt.jobs('credit-score')[0]!;
    expect(job).toMatchObject({ retries: 5, variables: { household: '张家' } });
    rt.completeJob(job, { rank: '红榜' });
    expect(tasks()).toEqual(['t']);
    expect(vars()).toMatchObject({ rank: '红榜' });
  });

  it('any step can post to the public board, with FEEL in its title and a posting period', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><manualTask id="post"><extensionElements><sz:notice title="=&quot;决议公开：&quot; + matter" days="7" board="鹤峰村"/></extensionElements></manualTask><endEvent id="e"/>${flow('s', 'post', 'e')}`,
    );
    const { rt } = await running(xml, { matter: '村道硬化' });
    expect(rt.notices).toEqual([expect.objectContaining({ el: 'post', title: '决议公开：村道硬化', days: 7, board: '鹤峰村' })]);
  });
});

describe('call activity bindings and mappings', () => {
  const child = (task: string) =>
    processXml('child', `<startEvent id="cs"/><userTask id="${task}"/><endEvent id="ce"/>${flow('cs', task, 'ce')}`);

  it('binds to a fixed version or the latest', async () => {
    const parent = (binding: string) =>
      processXml(
        'parent',
        `<startEvent id="s"/><callActivity id="call" calledElement="child" ${binding}/><endEvent id="e"/>${flow('s', 'call', 'e')}`,
      ).replace('xmlns:sz=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:sz=');
    const rt = new MemoryRuntime();
    await rt.deployXml(child('v1task'));
    await rt.deployXml(child('v2task'));
    await rt.deployXml(parent('camunda:calledElementBinding="version" camunda:calledElementVersion="1"'));
    rt.start('parent');
    expect(rt.tasks().map((t) => t.el)).toEqual(['v1task']);
    await rt.deployXml(parent(''));
    rt.start('parent');
    expect(
      rt
        .tasks()
        .map((t) => t.el)
        .sort(),
    ).toEqual(['v1task', 'v2task']);
  });

  it('passes only mapped variables when told not to propagate everything', async () => {
    const parent = processXml(
      'parent',
      `<startEvent id="s"/><callActivity id="call"><extensionElements><zeebe:calledElement processId="child" propagateAllParentVariables="false" propagateAllChildVariables="false"/>
         <zeebe:ioMapping><zeebe:input source="=matter.title" target="title"/><zeebe:output source="=approvedBy" target="filedBy"/></zeebe:ioMapping></extensionElements></callActivity><userTask id="after"/>${flow('s', 'call', 'after')}`,
    );
    const rt = new MemoryRuntime();
    await rt.deployXml(child('file'));
    await rt.deployXml(parent);
    const id = rt.start('parent', { variables: { matter: { title: '修桥', secret: 'x' } } });
    const filing = task(rt, 'file');
    const childState = rt.instances.get(filing.instance)!.state;
    expect(childState.els[childState.root]!.vars).toEqual({ title: '修桥' });
    rt.completeTask(filing, { approvedBy: '里水镇民政办', other: 1 });
    const state = rt.instances.get(id)!.state;
    expect(state.els[state.root]!.vars).toEqual({ matter: { title: '修桥', secret: 'x' }, filedBy: '里水镇民政办' });
  });
});

describe('found by the peer conformance suites', () => {
  it('an instance does not catch, later on its path, a signal it threw itself', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateThrowEvent id="th"><signalEventDefinition signalRef="g"/></intermediateThrowEvent>
       <intermediateCatchEvent id="c"><signalEventDefinition signalRef="g"/></intermediateCatchEvent><endEvent id="e"/>${flow('s', 'th', 'c', 'e')}`,
      `<signal id="g" name="ping"/>`,
    );
    const { inst, rt } = await running(xml);
    expect(inst().state.status).toBe('active');
    rt.broadcastSignal('ping');
    expect(inst().state.status).toBe('completed');
  });

  it('a boundary timer on a sequential multi-instance task is armed once, on the body', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><userTask id="t"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
       <boundaryEvent id="b" attachedToRef="t"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></boundaryEvent>
       <userTask id="late"/><endEvent id="e"/>${flow('s', 't', 'e')}${flow('b', 'late')}`,
    );
    const { rt, inst, tasks } = await running(xml);
    rt.completeTask(task(rt, 't'));
    rt.completeTask(task(rt, 't'));
    expect(rt.pendingTimers()).toBe(1);
    rt.advance(2 * 3_600_000);
    expect(tasks()).toEqual(['late']);
    expect(inst().state.subs).toBeUndefined();
  });

  it('an interrupting conditional event sub-process that already holds at the start replaces the main flow', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><userTask id="before"/>${flow('s', 'before')}
       <subProcess id="esp" triggeredByEvent="true"><startEvent id="es"><conditionalEventDefinition><condition xsi:type="tFormalExpression">variable = 1</condition></conditionalEventDefinition></startEvent><userTask id="after"/>${flow('es', 'after')}</subProcess>`,
    );
    expect((await running(xml, { variable: 1 })).tasks()).toEqual(['after']);
    expect((await running(xml, { variable: 0 })).tasks()).toEqual(['before']);
  });
});

describe('who holds a task, and host incidents', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/><userTask id="t"><extensionElements><zeebe:assignmentDefinition candidateGroups="approver"/></extensionElements></userTask><endEvent id="e"/>${flow('s', 't', 'e')}`,
  );

  it('claim, delegate and give back are events with effects for the inbox', async () => {
    const { rt, id, inst } = await running(xml);
    const key = task(rt, 't').key;
    const claim = rt.trySend(id, { type: 'updateUserTask', key, assignee: '张书记' });
    expect(claim.ok && claim.effects).toEqual([
      expect.objectContaining({ type: 'UpdateUserTask', key, assignee: '张书记', candidateGroups: ['approver'] }),
    ]);
    rt.send(id, { type: 'updateUserTask', key, assignee: '李委员', owner: '张书记' });
    expect(inst().state.els[key]?.task).toMatchObject({ assignee: '李委员', owner: '张书记' });
    rt.send(id, { type: 'updateUserTask', key, assignee: null, owner: null });
    expect(inst().state.els[key]?.task).toEqual({ candidateGroups: ['approver'] });
    expect(inst().events.filter((e) => e.type === 'UserTaskUpdated')).toHaveLength(4);
  });

  it('the host can raise an incident on the instance; resolving it only clears it', async () => {
    const { rt, id, tasks } = await running(xml);
    rt.send(id, { type: 'raiseIncident', message: 'message delivery to 宏岗村 failed 5 times' });
    const incident = rt.incidents()[0]!;
    expect(incident).toMatchObject({ code: 'SZ_HOST_WORK_FAILED' });
    const resolved = rt.trySend(id, { type: 'resolveIncident', incident: incident.id });
    expect(resolved.ok && resolved.effects).toEqual([expect.objectContaining({ type: 'IncidentResolved', retry: 'host' })]);
    expect(tasks()).toEqual(['t']);
  });

  it('cancelling an instance clears its open incidents: nobody can resolve them any more', async () => {
    const { rt, id } = await running(xml);
    rt.send(id, { type: 'raiseIncident', message: 'message delivery to 宏岗村 failed 5 times' });
    const cancelled = rt.trySend(id, { type: 'cancel' });
    expect(cancelled.ok && cancelled.events.map((e) => e.type)).toContain('IncidentResolved');
    // Cleared, not resolved for a retry: the host must not run the failed work again.
    expect(cancelled.ok && cancelled.effects.map((e) => e.type)).not.toContain('IncidentResolved');
    expect(rt.incidents()).toEqual([]);
  });
});
