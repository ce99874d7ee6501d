import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../src/index.ts';
import { flow, processXml, running } from './support.ts';

/** BPMN 2.0 §13.2.1: an activity with several incoming flows and no gateway starts once for each token that arrives. */
describe('uncontrolled flow', () => {
  const activations = (events: readonly EngineEvent[], el: string) =>
    events.filter((e) => e.type === 'ElementActivated' && e.el.e === el).length;

  it('an activity with two incoming flows runs once per arriving token', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><parallelGateway id="fork"/><task id="a"/><task id="b"/><userTask id="file"/>
       ${flow('s', 'fork')}${flow('fork', 'a', 'file')}${flow('fork', 'b', 'file')}`,
    );
    const { rt, tasks, inst } = await running(xml);
    expect(tasks()).toEqual(['file', 'file']);
    for (const t of rt.tasks()) rt.completeTask(t);
    expect(inst().state.status).toBe('completed');
    expect(activations(inst().events, 'file')).toBe(2);
  });

  it('an uncontrolled split merging on one activity runs it once per token, no more', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><task id="split"/><task id="viaA"/><task id="viaB"/><task id="viaC"/><userTask id="merge"/>
       ${flow('s', 'split')}${flow('split', 'viaA', 'merge')}${flow('split', 'viaB', 'merge')}${flow('split', 'viaC', 'merge')}`,
    );
    const { rt, tasks, inst } = await running(xml);
    expect(tasks()).toEqual(['merge', 'merge', 'merge']);
    for (const t of rt.tasks()) rt.completeTask(t);
    expect(inst().state.status).toBe('completed');
    expect(activations(inst().events, 'merge')).toBe(3);
  });

  it('two flows straight from one activity to the next start it twice', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><task id="a"/><userTask id="b"/>
       ${flow('s', 'a')}<sequenceFlow id="one" sourceRef="a" targetRef="b"/><sequenceFlow id="two" sourceRef="a" targetRef="b"/>`,
    );
    const { tasks } = await running(xml);
    expect(tasks()).toEqual(['b', 'b']);
  });

  it('only the conditional flows that hold bring a token', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><task id="split"/><userTask id="merge"/>
       ${flow('s', 'split')}
       <sequenceFlow id="big" sourceRef="split" targetRef="merge"><conditionExpression xsi:type="tFormalExpression">=amount &gt; 50000</conditionExpression></sequenceFlow>
       <sequenceFlow id="small" sourceRef="split" targetRef="merge"><conditionExpression xsi:type="tFormalExpression">=amount &lt;= 50000</conditionExpression></sequenceFlow>
       <sequenceFlow id="always" sourceRef="split" targetRef="merge"/>`,
    );
    const { tasks } = await running(xml, { amount: 80000 });
    expect(tasks()).toEqual(['merge', 'merge']);
  });
});
