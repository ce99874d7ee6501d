import { describe, expect, it } from 'vitest';
import { DAY, flow, HOUR, processXml, running, task } from './support.ts';

const onTask = (boundary: string, extra = '') =>
  processXml(
    'p',
    `<startEvent id="s"/><userTask id="work"/><userTask id="normal"/><userTask id="escalated"/>
     ${boundary}
     ${flow('s', 'work', 'normal')}${flow('b', 'escalated')}`,
    extra,
  );

describe('boundary events', () => {
  it('an interrupting timer ends the task and takes its own path (overdue escalation to the town)', async () => {
    const xml = onTask(
      `<boundaryEvent id="b" attachedToRef="work"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>`,
    );
    const { rt, tasks } = await running(xml);
    rt.advance(3 * DAY);
    expect(tasks()).toEqual(['escalated']);
  });

  it('a timer is dropped when the task finishes first', async () => {
    const xml = onTask(
      `<boundaryEvent id="b" attachedToRef="work"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>`,
    );
    const { rt, tasks } = await running(xml);
    rt.completeTask(task(rt, 'work'));
    expect(rt.pendingTimers()).toBe(0);
    rt.advance(5 * DAY);
    expect(tasks()).toEqual(['normal']);
  });

  it('a non-interrupting cycle reminds every day while the task waits', async () => {
    const xml = onTask(
      `<boundaryEvent id="b" attachedToRef="work" cancelActivity="false"><timerEventDefinition><timeCycle>R3/P1D</timeCycle></timerEventDefinition></boundaryEvent>`,
    );
    const { rt, tasks } = await running(xml);
    rt.advance(5 * DAY);
    expect(tasks()).toEqual(['escalated', 'escalated', 'escalated', 'work']);
  });

  it('a message boundary interrupts, a non-interrupting one does not', async () => {
    const extra = `<message id="m" name="withdraw"/>`;
    const interrupting = await running(
      onTask(`<boundaryEvent id="b" attachedToRef="work"><messageEventDefinition messageRef="m"/></boundaryEvent>`, extra),
    );
    interrupting.rt.correlateMessage('withdraw');
    expect(interrupting.tasks()).toEqual(['escalated']);
    const side = await running(
      onTask(
        `<boundaryEvent id="b" attachedToRef="work" cancelActivity="false"><messageEventDefinition messageRef="m"/></boundaryEvent>`,
        extra,
      ),
    );
    side.rt.correlateMessage('withdraw');
    expect(side.tasks()).toEqual(['escalated', 'work']);
  });

  it('a signal boundary catches a broadcast', async () => {
    const { rt, tasks } = await running(
      onTask(
        `<boundaryEvent id="b" attachedToRef="work"><signalEventDefinition signalRef="sg"/></boundaryEvent>`,
        `<signal id="sg" name="台风预警"/>`,
      ),
    );
    rt.broadcastSignal('台风预警');
    expect(tasks()).toEqual(['escalated']);
  });

  it('a conditional boundary fires when its condition turns true', async () => {
    const { rt, id, tasks } = await running(
      onTask(
        `<boundaryEvent id="b" attachedToRef="work" cancelActivity="false"><conditionalEventDefinition><condition xsi:type="tFormalExpression">complaints > 2</condition></conditionalEventDefinition></boundaryEvent>`,
      ),
      { complaints: 0 },
    );
    rt.send(id, { type: 'setVariables', variables: { complaints: 3 } });
    expect(tasks()).toEqual(['escalated', 'work']);
    rt.send(id, { type: 'setVariables', variables: { complaints: 4 } });
    expect(tasks()).toEqual(['escalated', 'work']);
  });

  it('an error boundary catches a job failure with a matching code and sets the code variable', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><serviceTask id="notify"><extensionElements><zeebe:taskDefinition type="sms"/></extensionElements></serviceTask>
       <boundaryEvent id="b" attachedToRef="notify"><errorEventDefinition errorRef="noPhone" zeebe:errorCodeVariable="code"/></boundaryEvent>
       <userTask id="call"/><userTask id="ok"/>${flow('s', 'notify', 'ok')}${flow('b', 'call')}`,
      `<error id="noPhone" errorCode="NO_PHONE"/>`,
    );
    const { rt, tasks } = await running(xml);
    rt.failJob(rt.jobs('sms')[0]!, { retries: 0, message: 'landlord has no phone', errorCode: 'NO_PHONE' });
    expect(tasks()).toEqual(['call']);
  });

  it('an escalation boundary on a sub-process catches what is thrown inside', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <subProcess id="sub"><startEvent id="ss"/><intermediateThrowEvent id="up"><escalationEventDefinition escalationRef="esc"/></intermediateThrowEvent><userTask id="inner"/>${flow('ss', 'up', 'inner')}</subProcess>
       <boundaryEvent id="b" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="esc"/></boundaryEvent>
       <userTask id="town"/><endEvent id="e"/>${flow('s', 'sub', 'e')}${flow('b', 'town')}`,
      `<escalation id="esc" escalationCode="major"/>`,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['inner', 'town']);
  });

  it('boundary timers on a nested sub-process end everything inside', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <subProcess id="outer"><startEvent id="os"/><subProcess id="inner"><startEvent id="is"/><userTask id="deep"/>${flow('is', 'deep')}</subProcess>${flow('os', 'inner')}</subProcess>
       <boundaryEvent id="b" attachedToRef="outer"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
       <userTask id="late"/>${flow('s', 'outer')}${flow('b', 'late')}`,
    );
    const { rt, inst, tasks } = await running(xml);
    expect(tasks()).toEqual(['deep']);
    rt.advance(HOUR);
    expect(tasks()).toEqual(['late']);
    expect(
      Object.values(inst().state.els)
        .map((e) => e.e)
        .sort(),
    ).toEqual(['late', 'p']);
  });
});
