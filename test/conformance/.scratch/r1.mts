import { compile } from '/work/main/packages/engine/src/index.ts';
import { processXml } from '/work/main/packages/engine/src/testing/index.ts';
const xml = processXml('p', `
<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/><userTask id="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
<subProcess id="esp" triggeredByEvent="true">
  <startEvent id="es"><errorEventDefinition/></startEvent>
  <sequenceFlow id="f3" sourceRef="es" targetRef="ee"/><endEvent id="ee"/>
</subProcess>`);
const r = await compile(xml);
console.log(JSON.stringify(r.ok ? 'ok' : r.problems, null, 1));
const xml2 = processXml('p', `
<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/><userTask id="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
<subProcess id="esp" triggeredByEvent="true">
  <startEvent id="es"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></startEvent>
  <sequenceFlow id="f3" sourceRef="es" targetRef="ee"/><endEvent id="ee"/>
</subProcess>`);
const r2 = await compile(xml2);
console.log(JSON.stringify(r2.ok ? 'ok' : r2.problems, null, 1));
