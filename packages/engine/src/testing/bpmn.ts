/**
 * Small builders for BPMN XML in tests and examples, so a spec shows the process, not
 * the namespace boilerplate. Output is plain BPMN 2.0 with the zeebe and sz namespaces.
 */
export function definitions(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:sz="https://shanzhi.org/schema/bpmn/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="https://shanzhi.org/test">
${extra}
${body}
</bpmn:definitions>`;
}

/** An executable process; `bpmn:` prefixes may be left out of element names in the body. */
export function processXml(id: string, body: string, extra = ''): string {
  return definitions(`<bpmn:process id="${id}" isExecutable="true">\n${prefix(body)}\n</bpmn:process>`, prefix(extra));
}

/** Sequence flows through the given ids in order: flow('a', 'b', 'c') is a->b and b->c. */
export function flow(...ids: string[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < ids.length; i++)
    out.push(`<sequenceFlow id="${ids[i]}_${ids[i + 1]}" sourceRef="${ids[i]}" targetRef="${ids[i + 1]}"/>`);
  return out.join('\n');
}

/** A conditional sequence flow with a FEEL condition. */
export function when(from: string, to: string, condition: string, id = `${from}_${to}`): string {
  return `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(condition)}</conditionExpression></sequenceFlow>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BPMN_TAGS =
  /<(\/?)(startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|task|userTask|manualTask|serviceTask|sendTask|receiveTask|scriptTask|businessRuleTask|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|complexGateway|subProcess|transaction|callActivity|sequenceFlow|conditionExpression|messageEventDefinition|timerEventDefinition|signalEventDefinition|conditionalEventDefinition|errorEventDefinition|escalationEventDefinition|linkEventDefinition|terminateEventDefinition|compensateEventDefinition|cancelEventDefinition|timeDate|timeDuration|timeCycle|condition|extensionElements|multiInstanceLoopCharacteristics|loopCardinality|completionCondition|message|signal|error|escalation|association|script|standardLoopCharacteristics|loopCondition|adHocSubProcess)([\s/>])/g;

function prefix(body: string): string {
  return body.replace(BPMN_TAGS, '<$1bpmn:$2$3').replace(/xsi:type="tFormalExpression"/g, 'xsi:type="bpmn:tFormalExpression"');
}
