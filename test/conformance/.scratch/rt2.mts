import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
const m: any = new BpmnModdle({ camunda } as any);
const r = await m.fromXML(readFileSync('/work/shared/peer/camunda7/call-activity/CallActivity.testSubProcessDataInputOutput.bpmn20.xml','utf8'));
const ca = r.elementsById.callSubProcess;
for (const v of ca.extensionElements.values) console.log(v.$type, v.source, v.target, v.$attrs, Object.keys(v));
