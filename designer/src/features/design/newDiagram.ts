/** A short random id part, as bpmn-js gives new elements, so two new procedures never share a key. */
function suffix(): string {
  return Math.random().toString(36).slice(2, 9);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What 新建流程 opens: one process with its start event, the sz: namespace declared, ready for the palette. */
export function newDiagram(processName: string): string {
  const id = `Process_${suffix()}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:sz="https://shanzhi.org/schema/bpmn/1.0" id="Definitions_${suffix()}" targetNamespace="https://shanzhi.org/bpmn">
  <bpmn:process id="${id}" name="${escapeXml(processName)}" isExecutable="true">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="${id}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
