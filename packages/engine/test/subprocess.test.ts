import { describe, expect, it } from 'vitest';
import { MemoryRuntime } from '../src/testing/index.ts';
import { flow, HOUR, processXml, running, task } from './support.ts';

describe('embedded sub-process', () => {
  it('runs its inside and goes on when nothing is left there', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><subProcess id="sub"><startEvent id="ss"/><userTask id="a"/><endEvent id="se"/>${flow('ss', 'a', 'se')}</subProcess><userTask id="after"/>
       ${flow('s', 'sub', 'after')}`,
    );
    const { rt, tasks } = await running(xml);
    expect(tasks()).toEqual(['a']);
    rt.completeTask(task(rt, 'a'));
    expect(tasks()).toEqual(['after']);
  });

  it('keeps input-mapped variables local and hands out only what outputs map', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <subProcess id="sub"><extensionElements><zeebe:ioMapping><zeebe:input source="=amount * 2" target="doubled"/><zeebe:output source="=doubled + 1" target="result"/></zeebe:ioMapping></extensionElements>
         <startEvent id="ss"/><endEvent id="se"/>${flow('ss', 'se')}</subProcess><userTask id="after"/>
       ${flow('s', 'sub', 'after')}`,
    );
    const { inst } = await running(xml, { amount: 5 });
    expect(inst().state.els[inst().state.root]!.vars).toEqual({ amount: 5, result: 11 });
  });

  it('an error end event inside is caught by the error boundary of the sub-process', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><subProcess id="sub"><startEvent id="ss"/><endEvent id="fail"><errorEventDefinition errorRef="err"/></endEvent>${flow('ss', 'fail')}</subProcess>
       <boundaryEvent id="b" attachedToRef="sub"><errorEventDefinition/></boundaryEvent><userTask id="handle"/><userTask id="normal"/>
       ${flow('s', 'sub', 'normal')}${flow('b', 'handle')}`,
      `<error id="err" errorCode="REJECTED"/>`,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['handle']);
  });

  it('an error nothing catches is an incident at the thrower', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><endEvent id="fail"><errorEventDefinition errorRef="err"/></endEvent>${flow('s', 'fail')}`,
      `<error id="err" errorCode="X"/>`,
    );
    const { rt } = await running(xml);
    expect(rt.incidents()).toEqual([expect.objectContaining({ el: 'fail', code: 'SZ_UNHANDLED_ERROR' })]);
  });
});

describe('event sub-process', () => {
  const xml = (interrupting: boolean) =>
    processXml(
      'p',
      `<startEvent id="s"/><userTask id="work"/><endEvent id="e"/>${flow('s', 'work', 'e')}
       <subProcess id="esp" triggeredByEvent="true">
         <startEvent id="es" isInterrupting="${interrupting}"><messageEventDefinition messageRef="m"/></startEvent><userTask id="handle"/>${flow('es', 'handle')}
       </subProcess>`,
      `<message id="m" name="objection"/>`,
    );

  it('an interrupting one ends everything else in its scope', async () => {
    const { rt, inst, tasks } = await running(xml(true));
    rt.correlateMessage('objection', undefined, { reason: '公示有误' });
    expect(tasks()).toEqual(['handle']);
    rt.completeTask(task(rt, 'handle'));
    expect(inst().state.status).toBe('completed');
    expect(Object.keys(inst().state.els)).toEqual([inst().state.root]);
  });

  it('a non-interrupting one runs beside, and again for every message', async () => {
    const { rt, inst, tasks } = await running(xml(false));
    rt.correlateMessage('objection');
    rt.correlateMessage('objection');
    expect(tasks()).toEqual(['handle', 'handle', 'work']);
    for (const t of rt.tasks()) rt.completeTask(t);
    expect(inst().state.status).toBe('completed');
  });

  it('a timer event sub-process fires inside a sub-process scope only while it runs', async () => {
    const model = processXml(
      'p',
      `<startEvent id="s"/><subProcess id="sub"><startEvent id="ss"/><userTask id="inner"/>${flow('ss', 'inner')}
         <subProcess id="esp" triggeredByEvent="true"><startEvent id="es" isInterrupting="false"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></startEvent><userTask id="remind"/>${flow('es', 'remind')}</subProcess>
       </subProcess><endEvent id="e"/>${flow('s', 'sub', 'e')}`,
    );
    const { rt, tasks } = await running(model);
    rt.advance(HOUR);
    expect(tasks()).toEqual(['inner', 'remind']);
  });
});

describe('call activity', () => {
  const child = processXml(
    'filing',
    `<startEvent id="cs"/><userTask id="file" name="镇备案"/><endEvent id="ce"/>${flow('cs', 'file', 'ce')}`,
  );
  const parent = (binding = '') =>
    processXml(
      'matter',
      `<startEvent id="s"/><callActivity id="call"><extensionElements><zeebe:calledElement processId="filing" ${binding}/></extensionElements></callActivity><userTask id="after"/>
       <boundaryEvent id="b" attachedToRef="call"><timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition></boundaryEvent><userTask id="late"/>
       ${flow('s', 'call', 'after')}${flow('b', 'late')}`,
    );

  it('starts the called process with the caller variables and gets its variables back', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(child);
    await rt.deployXml(parent());
    const id = rt.start('matter', { variables: { matter: '修路' } });
    const filing = task(rt, 'file');
    expect(rt.instances.get(filing.instance)!.state.els[rt.instances.get(filing.instance)!.state.root]!.vars).toEqual({ matter: '修路' });
    rt.completeTask(filing, { filedNo: '里水-2026-7' });
    expect(rt.tasks().map((t) => t.el)).toEqual(['after']);
    const root = rt.instances.get(id)!.state;
    expect(root.els[root.root]!.vars).toMatchObject({ filedNo: '里水-2026-7' });
  });

  it('cancels the called instance when a boundary event interrupts the call', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(child);
    await rt.deployXml(parent());
    rt.start('matter');
    const called = task(rt, 'file').instance;
    rt.advance(10 * 24 * HOUR);
    expect(rt.instances.get(called)!.state.status).toBe('cancelled');
    expect(rt.tasks().map((t) => t.el)).toEqual(['late']);
  });

  it('an error thrown in the called process reaches the caller', async () => {
    const failing = processXml(
      'filing',
      `<startEvent id="cs"/><endEvent id="ce"><errorEventDefinition errorRef="e"/></endEvent>${flow('cs', 'ce')}`,
      `<error id="e" errorCode="REFUSED"/>`,
    );
    const caller = processXml(
      'matter',
      `<startEvent id="s"/><callActivity id="call" calledElement="filing"/><boundaryEvent id="b" attachedToRef="call"><errorEventDefinition errorRef="e2"/></boundaryEvent>
       <userTask id="refused"/><endEvent id="end"/>${flow('s', 'call', 'end')}${flow('b', 'refused')}`,
      `<error id="e2" errorCode="REFUSED"/>`,
    );
    const rt = new MemoryRuntime();
    await rt.deployXml(failing);
    await rt.deployXml(caller);
    rt.start('matter');
    expect(rt.tasks().map((t) => t.el)).toEqual(['refused']);
  });
});
