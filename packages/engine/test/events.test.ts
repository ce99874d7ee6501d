import { describe, expect, it } from 'vitest';
import { MemoryRuntime } from '../src/testing/index.ts';
import { DAY, flow, HOUR, MINUTE, processXml, running, task, when } from './support.ts';

describe('start events', () => {
  it('starts by message, timer, signal, or by hand at the none start', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="byHand"/><startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent>
       <startEvent id="bySignal"><signalEventDefinition signalRef="sig"/></startEvent>
       <startEvent id="weekly"><timerEventDefinition><timeCycle>0 30 14 * * TUE</timeCycle></timerEventDefinition></startEvent>
       <userTask id="t"/>
       ${flow('byHand', 't')}${flow('byMessage', 't')}${flow('bySignal', 't')}${flow('weekly', 't')}`,
      `<message id="m" name="request"/><signal id="sig" name="typhoon"/>`,
    );
    const rt = new MemoryRuntime({ now: Date.UTC(2026, 0, 5, 0, 0) });
    await rt.deployXml(xml);
    rt.start('p');
    rt.correlateMessage('request', undefined, { from: '村民' });
    rt.broadcastSignal('typhoon');
    expect(rt.instances.size).toBe(3);
    // 2026-01-05 is a Monday; 党建星期二 sessions start every Tuesday 14:30 Beijing time.
    rt.advance(DAY + 7 * HOUR);
    expect(rt.instances.size).toBe(4);
    rt.advance(7 * DAY);
    expect(rt.instances.size).toBe(5);
  });

  it('rejects a start from an event that is not a start event of the process', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(processXml('p', `<startEvent id="s"/><endEvent id="e"/>${flow('s', 'e')}`));
    expect(() => rt.start('p', { startEvent: 'e' })).toThrow(/SZ_START_EVENT_NOT_FOUND/);
  });
});

describe('end events', () => {
  it('terminate ends every other path of its scope at once', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><parallelGateway id="f"/><userTask id="slow"/><endEvent id="stop"><terminateEventDefinition/></endEvent>
       ${flow('s', 'f', 'slow')}${flow('f', 'stop')}`,
    );
    const { inst, tasks } = await running(xml);
    expect(inst().state.status).toBe('completed');
    expect(tasks()).toEqual([]);
  });

  it('message and signal end events publish to other instances', async () => {
    const waiter = processXml(
      'waiter',
      `<startEvent id="s"/><intermediateCatchEvent id="m"><messageEventDefinition messageRef="msg"/></intermediateCatchEvent>
       <intermediateCatchEvent id="g"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><userTask id="done"/>
       ${flow('s', 'm', 'g', 'done')}`,
      `<message id="msg" name="filed"/><signal id="sig" name="published"/>`,
    );
    const sender = processXml(
      'sender',
      `<startEvent id="s"/><intermediateThrowEvent id="tm"><messageEventDefinition messageRef="msg2"/></intermediateThrowEvent>
       <endEvent id="e"><signalEventDefinition signalRef="sig2"/></endEvent>${flow('s', 'tm', 'e')}`,
      `<message id="msg2" name="filed"/><signal id="sig2" name="published"/>`,
    );
    const rt = new MemoryRuntime();
    await rt.deployXml(waiter);
    await rt.deployXml(sender);
    rt.start('waiter');
    rt.start('sender');
    expect(rt.tasks().map((t) => t.el)).toEqual(['done']);
  });
});

describe('intermediate events', () => {
  it('a timer catch waits for its duration', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></intermediateCatchEvent><userTask id="t"/>${flow('s', 'wait', 't')}`,
    );
    const { rt, tasks } = await running(xml);
    rt.advance(3 * DAY - MINUTE);
    expect(tasks()).toEqual([]);
    rt.advance(MINUTE);
    expect(tasks()).toEqual(['t']);
  });

  it('a timer can be a FEEL expression over the instance variables', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>="PT" + string(hours) + "H"</timeDuration></timerEventDefinition></intermediateCatchEvent><userTask id="t"/>${flow('s', 'wait', 't')}`,
    );
    const { rt, tasks } = await running(xml, { hours: 4 });
    rt.advance(4 * HOUR);
    expect(tasks()).toEqual(['t']);
  });

  it('a message catch correlates by key and brings its payload into the instance', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateCatchEvent id="reply"><messageEventDefinition messageRef="m"/></intermediateCatchEvent><userTask id="t"/>${flow('s', 'reply', 't')}`,
      `<message id="m" name="reply"><extensionElements><zeebe:subscription correlationKey="=caseNo"/></extensionElements></message>`,
    );
    const rt = new MemoryRuntime();
    await rt.deployXml(xml);
    const a = rt.start('p', { variables: { caseNo: 'A-1' } });
    const b = rt.start('p', { variables: { caseNo: 'B-2' } });
    rt.correlateMessage('reply', 'B-2', { answer: '已整改' });
    expect(rt.tasks().map((t) => t.instance)).toEqual([b]);
    expect(rt.instances.get(b)!.state.els[rt.instances.get(b)!.state.root]!.vars).toMatchObject({ answer: '已整改' });
    expect(rt.instances.get(a)!.state.subs).toBeDefined();
  });

  it('a conditional catch passes once its condition holds', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateCatchEvent id="c"><conditionalEventDefinition><condition xsi:type="tFormalExpression">signatures >= 3</condition></conditionalEventDefinition></intermediateCatchEvent><userTask id="t"/>${flow('s', 'c', 't')}`,
    );
    const { rt, id, tasks } = await running(xml, { signatures: 1 });
    expect(tasks()).toEqual([]);
    rt.send(id, { type: 'setVariables', variables: { signatures: 3 } });
    expect(tasks()).toEqual(['t']);
  });

  it('a link throw continues at the catch of the same name', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateThrowEvent id="go"><linkEventDefinition name="page2"/></intermediateThrowEvent>
       <intermediateCatchEvent id="arrive"><linkEventDefinition name="page2"/></intermediateCatchEvent><userTask id="t"/>
       ${flow('s', 'go')}${flow('arrive', 't')}`,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['t']);
  });

  it('a none throw event just passes', async () => {
    const xml = processXml('p', `<startEvent id="s"/><intermediateThrowEvent id="mark"/><userTask id="t"/>${flow('s', 'mark', 't')}`);
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['t']);
  });

  it('an escalation nothing catches lets the path go on', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateThrowEvent id="esc"><escalationEventDefinition escalationRef="late"/></intermediateThrowEvent><userTask id="t"/>${flow('s', 'esc', 't')}`,
      `<escalation id="late" escalationCode="overdue"/>`,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['t']);
  });

  it('evaluates conditions on outgoing flows of activities', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><task id="check" default="d"/><userTask id="big"/><userTask id="small"/>
       ${flow('s', 'check')}${when('check', 'big', 'rooms > 10')}<sequenceFlow id="d" sourceRef="check" targetRef="small"/>`,
    );
    expect((await running(xml, { rooms: 20 })).tasks()).toEqual(['big']);
    expect((await running(xml, { rooms: 2 })).tasks()).toEqual(['small']);
  });
});

describe('task completion', () => {
  it('task form data lands in the process scope', async () => {
    const xml = processXml('p', `<startEvent id="s"/><userTask id="t"/><userTask id="u"/>${flow('s', 't', 'u')}`);
    const { rt, inst } = await running(xml);
    rt.completeTask(task(rt, 't'), { opinion: '同意', members: ['张三', '李四'] });
    expect(inst().state.els[inst().state.root]!.vars).toEqual({ opinion: '同意', members: ['张三', '李四'] });
  });
});
