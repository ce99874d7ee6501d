import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import zeebe from '../../../packages/engine/src/compile/descriptors/zeebe.json' with { type: 'json' };
const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><process id="p"><endEvent id="e"><errorEventDefinition/></endEvent><endEvent id="e2"><terminateEventDefinition/></endEvent></process></definitions>`;
for (const pk of [{ zeebe }, { camunda, zeebe }]) {
  const m: any = new BpmnModdle(pk as any);
  const r = await m.fromXML(xml);
  console.log(r.rootElement.rootElements[0].flowElements.map((f: any) => f.eventDefinitions?.map((d: any) => d.$type)));
  console.log((await m.toXML(r.rootElement)).xml);
}
