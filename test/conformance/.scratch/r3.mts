import { MemoryRuntime, processXml } from '../../../packages/engine/src/testing/index.ts';
for (const seq of [false, true]) {
const xml = processXml('p', `
<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
<scriptTask id="t"><extensionElements><zeebe:script expression="=if sum = null then 1 else sum + 1" resultVariable="sum"/></extensionElements>
<multiInstanceLoopCharacteristics isSequential="${seq}"><loopCardinality>=8</loopCardinality><completionCondition>nrOfCompletedInstances = 2</completionCondition></multiInstanceLoopCharacteristics></scriptTask>
<sequenceFlow id="f2" sourceRef="t" targetRef="u"/><userTask id="u"/><sequenceFlow id="f3" sourceRef="u" targetRef="e"/><endEvent id="e"/>`);
const rt = new MemoryRuntime();
await rt.deployXml(xml);
const id = rt.start('p');
const st = rt.instances.get(id)!.state;
console.log('sequential', seq, 'root vars', st.els[st.root]!.vars, 'tasks', rt.tasks().map(t=>t.el), st.status);
const ev = rt.instances.get(id)!.events.filter(e => e.type === 'VariablesSet' || e.type==='ElementCompleted'|| e.type==='ElementTerminated'|| e.type==='ElementActivated').map(e => JSON.stringify(e)).slice(0, 60);
console.log(ev.join('\n'));
}
