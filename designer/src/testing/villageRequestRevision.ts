/**
 * A second version of the demo's 村级事务申报, as a town designer would redraw it: 村委会审议 added
 * between 书记审核 and 两委会签, 书记审核 given three working days instead of two, and the start
 * event moved a little on the canvas. Used by the diff's unit tests and the versions journey.
 */
export const REVISION = {
  added: { id: 'committee', name: '村委会审议' },
  changed: { id: 'review', name: '书记审核', dueDate: { before: 'P2WD', after: 'P3WD' } },
  moved: { id: 'start' },
} as const;

function replaced(xml: string, search: string, replacement: string): string {
  if (!xml.includes(search)) throw new Error(`the demo procedure changed: no ${search}`);
  return xml.replace(search, replacement);
}

export function reviseVillageRequest(xml: string): string {
  const edits: [string, string][] = [
    ['<sz:schedule dueDate="P2WD" />', '<sz:schedule dueDate="P3WD" />'],
    [
      '<bpmn:sequenceFlow id="flow_review_countersign" sourceRef="review" targetRef="countersign" />',
      `<bpmn:sequenceFlow id="flow_review_countersign" sourceRef="review" targetRef="committee" />
    <bpmn:userTask id="committee" name="村委会审议">
      <bpmn:extensionElements>
        <sz:assignment candidateGroups="approver" />
        <sz:schedule dueDate="P5WD" />
      </bpmn:extensionElements>
      <bpmn:incoming>flow_review_countersign</bpmn:incoming>
      <bpmn:outgoing>flow_committee_countersign</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="flow_committee_countersign" sourceRef="committee" targetRef="countersign" />`,
    ],
    [
      '<bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182"',
      '<bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="142" y="182"',
    ],
    ['<di:waypoint x="188" y="200" />', '<di:waypoint x="178" y="200" />'],
    [
      '<bpmndi:BPMNEdge id="flow_review_countersign_di" bpmnElement="flow_review_countersign"><di:waypoint x="490" y="200" /><di:waypoint x="540" y="200" /></bpmndi:BPMNEdge>',
      `<bpmndi:BPMNEdge id="flow_review_countersign_di" bpmnElement="flow_review_countersign"><di:waypoint x="440" y="240" /><di:waypoint x="440" y="300" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNShape id="committee_di" bpmnElement="committee"><dc:Bounds x="390" y="300" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow_committee_countersign_di" bpmnElement="flow_committee_countersign"><di:waypoint x="490" y="340" /><di:waypoint x="590" y="340" /><di:waypoint x="590" y="240" /></bpmndi:BPMNEdge>`,
    ],
  ];
  const countersign =
    '<bpmn:incoming>flow_review_countersign</bpmn:incoming>\n      <bpmn:outgoing>flow_countersign_gateway</bpmn:outgoing>';
  const revised = edits.reduce((text, [search, replacement]) => replaced(text, search, replacement), xml);
  return replaced(
    revised,
    countersign,
    '<bpmn:incoming>flow_committee_countersign</bpmn:incoming>\n      <bpmn:outgoing>flow_countersign_gateway</bpmn:outgoing>',
  );
}
