import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { definitions, flow, processXml, when } from './support.ts';

async function problems(xml: string) {
  const result = await compile(xml);
  return result.ok ? [] : result.problems.map((p) => ({ rule: p.rule, elementId: p.elementId }));
}

/** Camunda 7's expression language, which we refuse in favour of FEEL. */
const JUEL = ['$', '{amount > 1}'].join('');

describe('compile: every problem names the element, before anything runs', () => {
  it('accepts a clean model and freezes it', async () => {
    const result = await compile(processXml('p', `<startEvent id="s"/><userTask id="t"/><endEvent id="e"/>${flow('s', 't', 'e')}`));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.isFrozen(result.model.processes.p?.elements)).toBe(true);
  });

  it('rejects what is not BPMN XML', async () => {
    expect(await problems('<html>')).toEqual([expect.objectContaining({ rule: 'xml-invalid' })]);
    expect(await problems(definitions(''))).toEqual([expect.objectContaining({ rule: 'no-process' })]);
  });

  it('reports a process without a start event', async () => {
    expect(await problems(processXml('p', `<userTask id="t"/>`))).toContainEqual({ rule: 'no-start-event', elementId: 'p' });
  });

  it('reports unsupported elements by id and type', async () => {
    const result = await compile(processXml('p', `<startEvent id="s"/><complexGateway id="cx"/>${flow('s', 'cx')}`));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual(
        expect.objectContaining({ rule: 'unsupported-element', elementId: 'cx', elementType: 'ComplexGateway' }),
      );
  });

  it('reports flows to nowhere', async () => {
    expect(await problems(processXml('p', `<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="ghost"/>`))).toContainEqual(
      expect.objectContaining({ rule: expect.stringMatching(/flow-dangling|unresolved-reference/) }),
    );
  });

  it('reports a gateway without outgoing flows', async () => {
    expect(await problems(processXml('p', `<startEvent id="s"/><parallelGateway id="g"/>${flow('s', 'g')}`))).toContainEqual({
      rule: 'gateway-without-outgoing',
      elementId: 'g',
    });
  });

  it('reports unreachable elements', async () => {
    expect(
      await problems(processXml('p', `<startEvent id="s"/><endEvent id="e"/><userTask id="island"/>${flow('s', 'e')}`)),
    ).toContainEqual({
      rule: 'unreachable',
      elementId: 'island',
    });
  });

  it('reports a non-default flow of an exclusive gateway without a condition', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="g"/><endEvent id="a"/><endEvent id="b"/>${flow('s', 'g')}${flow('g', 'a')}${when('g', 'b', 'x > 1')}`,
    );
    expect(await problems(xml)).toContainEqual({ rule: 'condition-missing', elementId: 'g' });
  });

  it('reports bad FEEL and JUEL with the element', async () => {
    const bad = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="g" default="d"/><endEvent id="a"/><endEvent id="b"/>${flow('s', 'g')}${when('g', 'a', 'amount >')}<sequenceFlow id="d" sourceRef="g" targetRef="b"/>`,
    );
    expect(await problems(bad)).toContainEqual({ rule: 'feel-syntax', elementId: 'g_a' });
    const juel = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="g" default="d"/><endEvent id="a"/><endEvent id="b"/>${flow('s', 'g')}${when('g', 'a', JUEL)}<sequenceFlow id="d" sourceRef="g" targetRef="b"/>`,
    );
    expect(await problems(juel)).toContainEqual({ rule: 'juel-expression', elementId: 'g_a' });
  });

  it('reports bad timer expressions', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><intermediateCatchEvent id="w"><timerEventDefinition><timeDuration>3 days</timeDuration></timerEventDefinition></intermediateCatchEvent><endEvent id="e"/>${flow('s', 'w', 'e')}`,
    );
    expect(await problems(xml)).toContainEqual({ rule: 'timer-invalid', elementId: 'w' });
  });

  it('reports a service task no worker could pick up and a script in another language', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><serviceTask id="svc"/><scriptTask id="js" scriptFormat="javascript"><script>next()</script></scriptTask><endEvent id="e"/>${flow('s', 'svc', 'js', 'e')}`,
    );
    expect(await problems(xml)).toEqual(
      expect.arrayContaining([
        { rule: 'job-type-missing', elementId: 'svc' },
        { rule: 'unsupported-script', elementId: 'js' },
      ]),
    );
  });

  it('reports an unknown time zone', async () => {
    const xml = processXml('p', `<startEvent id="s"/><endEvent id="e"/>${flow('s', 's2')}`).replace(
      'isExecutable="true"',
      'isExecutable="true" sz:timeZone="Mars/Olympus"',
    );
    expect(await problems(xml)).toContainEqual(expect.objectContaining({ rule: 'time-zone-invalid', elementId: 'p' }));
  });

  it('reads Camunda 8 (zeebe) extensions unchanged', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><userTask id="t"><extensionElements>
         <zeebe:assignmentDefinition assignee="=initiator" candidateGroups="两委,书记"/>
         <zeebe:formDefinition formId="matter-form"/><zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)"/>
       </extensionElements></userTask><endEvent id="e"/>${flow('s', 't', 'e')}`,
    );
    const result = await compile(xml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.processes.p?.elements.t).toMatchObject({
      assignment: { assignee: { feel: 'initiator' }, candidateGroups: { literal: '两委,书记' } },
      form: { key: 'matter-form' },
      dueDate: { feel: 'now() + duration("P3D")' },
    });
  });
});
