import { MemoryRuntime, processXml } from '../../../packages/engine/src/testing/index.ts';
const xml = processXml('p', `
<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
<userTask id="t"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>=3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
<boundaryEvent id="b" attachedToRef="t"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></boundaryEvent>
<sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
<sequenceFlow id="f3" sourceRef="b" targetRef="after"/><userTask id="after"/><sequenceFlow id="f4" sourceRef="after" targetRef="e2"/><endEvent id="e2"/>`);
const rt = new MemoryRuntime();
await rt.deployXml(xml);
const id = rt.start('p');
const show = (label: string) => {
  const st = rt.instances.get(id)!.state;
  console.log(label, 'runtime timers', rt.pendingTimers(), 'subs', JSON.stringify(Object.values(st.subs ?? {}).map((s) => [s.kind, s.el, s.owner, st.els[s.owner]?.e, st.els[s.owner]?.mi ? 'body' : 'inner'])));
  console.log('  tasks', rt.tasks().map((t) => t.el + '#' + t.key));
};
show('start');
rt.completeTask(rt.tasks()[0]!);
show('after 1');
rt.completeTask(rt.tasks()[0]!);
show('after 2');
rt.advance(2 * 3600_000);
show('after timer');
