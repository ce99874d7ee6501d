import { describe, expect, it } from 'vitest';
import { MemoryRuntime } from '../src/testing/index.ts';
import { flow, processXml, running, task } from './support.ts';

const SIGNAL = `<signal id="sig" name="撤销申请"/>`;
const throwSignal = (id: string) => `<intermediateThrowEvent id="${id}"><signalEventDefinition signalRef="sig"/></intermediateThrowEvent>`;

/** BPMN 2.0 §10.5.4: a thrown signal reaches every catcher waiting for it, in its own instance as in others. */
describe('a signal thrown inside an instance reaches that instance', () => {
  it('an interrupting boundary on the sub-process around the throw ends it, even when its path would end next', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <subProcess id="apply"><startEvent id="as"/>${throwSignal('withdraw')}<endEvent id="ae"/>${flow('as', 'withdraw', 'ae')}</subProcess>
       <boundaryEvent id="onWithdraw" attachedToRef="apply"><signalEventDefinition signalRef="sig"/></boundaryEvent>
       <userTask id="archive"/><userTask id="review"/>
       ${flow('s', 'apply', 'review')}${flow('onWithdraw', 'archive')}`,
      SIGNAL,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['archive']);
  });

  it('a non-interrupting boundary on the sub-process fires and the sub-process goes on', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <subProcess id="apply"><startEvent id="as"/>${throwSignal('notify')}<userTask id="fill"/>${flow('as', 'notify', 'fill')}</subProcess>
       <boundaryEvent id="onNotify" attachedToRef="apply" cancelActivity="false"><signalEventDefinition signalRef="sig"/></boundaryEvent>
       <userTask id="inform"/>
       ${flow('s', 'apply')}${flow('onNotify', 'inform')}`,
      SIGNAL,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['fill', 'inform']);
  });

  it('a signal event sub-process of the same process starts', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>${throwSignal('raise')}<userTask id="work"/>
       <subProcess id="handler" triggeredByEvent="true">
         <startEvent id="hs" isInterrupting="false"><signalEventDefinition signalRef="sig"/></startEvent><userTask id="record"/>${flow('hs', 'record')}
       </subProcess>
       ${flow('s', 'raise', 'work')}`,
      SIGNAL,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['record', 'work']);
  });

  it('is caught once in its own instance, and by the other instances that wait for it', async () => {
    const waiter = processXml(
      'waiter',
      `<startEvent id="s"/><intermediateCatchEvent id="wait"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><userTask id="heard"/>
       ${flow('s', 'wait', 'heard')}`,
      SIGNAL,
    );
    const thrower = processXml(
      'thrower',
      `<startEvent id="s"/><parallelGateway id="fork"/>
       <intermediateCatchEvent id="own"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><userTask id="ownHeard"/>
       <userTask id="go"/>${throwSignal('t')}<endEvent id="e"/>
       ${flow('s', 'fork')}${flow('fork', 'own', 'ownHeard')}${flow('fork', 'go', 't', 'e')}`,
      SIGNAL,
    );
    const rt = new MemoryRuntime();
    await rt.deployXml(waiter);
    await rt.deployXml(thrower);
    rt.start('waiter');
    rt.start('waiter');
    rt.start('thrower');
    rt.completeTask(task(rt, 'go'));
    expect(
      rt
        .tasks()
        .map((t) => t.el)
        .sort(),
    ).toEqual(['heard', 'heard', 'ownHeard']);
  });

  it('does not reach a catch event the instance comes to after the throw', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>${throwSignal('t')}<intermediateCatchEvent id="later"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><userTask id="after"/>
       ${flow('s', 't', 'later', 'after')}`,
      SIGNAL,
    );
    const { tasks, inst } = await running(xml);
    expect(tasks()).toEqual([]);
    expect(Object.values(inst().state.subs ?? {})).toEqual([expect.objectContaining({ kind: 'signal', el: 'later' })]);
  });
});
