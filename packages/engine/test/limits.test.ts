import { describe, expect, it } from 'vitest';
import { compile, DEFAULT_LIMITS } from '../src/index.ts';
import { MemoryRuntime } from '../src/testing/index.ts';
import { definitions, flow, processXml, task, when } from './support.ts';

/** gw -> step -> gw while `go` holds: a loop of steps with no wait state in it. */
const spin = processXml(
  'spin',
  `<startEvent id="s"/><exclusiveGateway id="gw" default="out"/>
   <scriptTask id="step"><extensionElements><zeebe:script expression="=turns + 1" resultVariable="turns"/></extensionElements></scriptTask>
   <endEvent id="e"/>
   ${flow('s', 'gw')}${when('gw', 'step', 'go')}${flow('step', 'gw')}
   <sequenceFlow id="out" sourceRef="gw" targetRef="e"/>`,
);

async function runtime(xml: string, limits?: { activations?: number; callDepth?: number }) {
  const rt = new MemoryRuntime(limits ? { limits } : {});
  await rt.deployXml(xml);
  return rt;
}

describe('the activation budget of one command', () => {
  it('stops a loop that never waits with an SZ_LOOP_LIMIT incident naming the elements of the loop', async () => {
    const rt = await runtime(spin);
    const id = rt.start('spin', { variables: { go: true, turns: 0 } });
    const inst = rt.instances.get(id)!;
    expect(inst.state.status).toBe('active');
    const [incident] = rt.incidents();
    expect(incident).toMatchObject({ code: 'SZ_LOOP_LIMIT', el: expect.stringMatching(/^(gw|step)$/) });
    expect(incident?.message).toMatch(/loops through (gw|step) \(\d+x\), (gw|step) \(\d+x\)/);
    const activated = inst.events.filter((e) => e.type === 'ElementActivated').length;
    expect(activated).toBeLessThanOrEqual(DEFAULT_LIMITS.activations + 1);
  });

  it('goes on from where it stopped once the incident is resolved with variables that end the loop', async () => {
    const rt = await runtime(spin, { activations: 200 });
    const id = rt.start('spin', { variables: { go: true, turns: 0 } });
    const turnsAtStop = rt.instances.get(id)!.state.els[rt.instances.get(id)!.state.root]?.vars?.turns as number;
    expect(turnsAtStop).toBeGreaterThan(50);
    rt.send(id, { type: 'setVariables', variables: { go: false } });
    rt.send(id, { type: 'resolveIncident', incident: rt.incidents()[0]!.id });
    expect(rt.instances.get(id)!.state.status).toBe('completed');
    expect(rt.incidents()).toEqual([]);
  });

  it('parks again, with a fresh budget, when the loop still does not end', async () => {
    const rt = await runtime(spin, { activations: 100 });
    const id = rt.start('spin', { variables: { go: true, turns: 0 } });
    const first = rt.incidents()[0]!;
    rt.send(id, { type: 'resolveIncident', incident: first.id });
    const [second] = rt.incidents();
    expect(second).toMatchObject({ code: 'SZ_LOOP_LIMIT' });
    expect(second?.id).not.toBe(first.id);
    const vars = rt.instances.get(id)!.state.els[rt.instances.get(id)!.state.root]?.vars;
    expect(vars?.turns).toBeGreaterThan(60);
  });

  describe('holds on every path into the loop', () => {
    const after = (wait: string, extra = '') =>
      processXml(
        'p',
        `<startEvent id="s"/>${wait}<exclusiveGateway id="gw"/>
         <scriptTask id="step"><extensionElements><zeebe:script expression="=1" resultVariable="x"/></extensionElements></scriptTask>
         ${flow('s', 'wait', 'gw', 'step', 'gw')}`,
        extra,
      );
    const paths: [string, string, string, (rt: MemoryRuntime, id: string) => void][] = [
      ['completing a user task', '<userTask id="wait"/>', '', (rt) => rt.completeTask(task(rt, 'wait'))],
      [
        'a message',
        '<intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>',
        '<message id="m" name="go"/>',
        (rt) => rt.correlateMessage('go'),
      ],
      [
        'a signal',
        '<intermediateCatchEvent id="wait"><signalEventDefinition signalRef="g"/></intermediateCatchEvent>',
        '<signal id="g" name="go"/>',
        (rt) => rt.broadcastSignal('go'),
      ],
      [
        'a timer',
        '<intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>',
        '',
        (rt) => rt.advance(2 * 3_600_000),
      ],
      [
        'a job',
        '<serviceTask id="wait"><extensionElements><zeebe:taskDefinition type="check"/></extensionElements></serviceTask>',
        '',
        (rt) => rt.completeJob(rt.jobs('check')[0]!),
      ],
    ];
    for (const [path, wait, extra, act] of paths) {
      it(`reached by ${path}`, async () => {
        const rt = await runtime(after(wait, extra), { activations: 100 });
        const id = rt.start('p');
        expect(rt.incidents()).toEqual([]);
        act(rt, id);
        expect(rt.incidents()).toEqual([expect.objectContaining({ code: 'SZ_LOOP_LIMIT' })]);
      });
    }
  });

  it('does not touch a loop that waits in every round: forty rounds of a user task', async () => {
    const xml = processXml(
      'review',
      `<startEvent id="s"/><exclusiveGateway id="gw" default="done"/><userTask id="check"/><endEvent id="e"/>
       ${flow('s', 'gw')}${when('gw', 'check', 'rounds < 40')}${flow('check', 'gw')}
       <sequenceFlow id="done" sourceRef="gw" targetRef="e"/>`,
    );
    const rt = await runtime(xml, { activations: 10 });
    const id = rt.start('review', { variables: { rounds: 0 } });
    for (let round = 1; round <= 40; round++) rt.completeTask(task(rt, 'check'), { rounds: round });
    expect(rt.instances.get(id)!.state.status).toBe('completed');
    expect(rt.incidents()).toEqual([]);
  });

  it('lets the other branches of the instance go on while the looping one waits', async () => {
    const xml = processXml(
      'both',
      `<startEvent id="s"/><parallelGateway id="fork"/><userTask id="sign"/><endEvent id="e1"/>
       <exclusiveGateway id="gw" default="out"/><scriptTask id="step"><extensionElements><zeebe:script expression="=1" resultVariable="x"/></extensionElements></scriptTask><endEvent id="e2"/>
       ${flow('s', 'fork')}${flow('fork', 'sign', 'e1')}${flow('fork', 'gw')}${when('gw', 'step', 'go')}${flow('step', 'gw')}
       <sequenceFlow id="out" sourceRef="gw" targetRef="e2"/>`,
    );
    const rt = await runtime(xml, { activations: 50 });
    const id = rt.start('both', { variables: { go: true } });
    rt.completeTask(task(rt, 'sign'));
    expect(rt.instances.get(id)!.state.status).toBe('active');
    rt.send(id, { type: 'setVariables', variables: { go: false } });
    rt.send(id, { type: 'resolveIncident', incident: rt.incidents()[0]!.id });
    expect(rt.instances.get(id)!.state.status).toBe('completed');
  });

  it('bounds a loop whose tokens double each round: the state stays small', async () => {
    const xml = processXml(
      'storm',
      `<startEvent id="s"/><exclusiveGateway id="merge"/><parallelGateway id="fork"/>
       ${flow('s', 'merge', 'fork')}
       <sequenceFlow id="back1" sourceRef="fork" targetRef="merge"/><sequenceFlow id="back2" sourceRef="fork" targetRef="merge"/>`,
    );
    const rt = await runtime(xml);
    const id = rt.start('storm');
    const state = rt.instances.get(id)!.state;
    expect(rt.incidents()).toEqual([expect.objectContaining({ code: 'SZ_LOOP_LIMIT' })]);
    expect(JSON.stringify(state).length).toBeLessThan(2_000_000);
  });

  it('cancelling an instance parked on the budget ends it with its incident', async () => {
    const rt = await runtime(spin, { activations: 100 });
    const id = rt.start('spin', { variables: { go: true, turns: 0 } });
    rt.send(id, { type: 'cancel' });
    expect(rt.instances.get(id)!.state.status).toBe('cancelled');
    expect(rt.instances.get(id)!.state.incidents).toBeUndefined();
  });
});

describe('call depth', () => {
  const callsBack = (id: string, other: string) =>
    processXml(
      id,
      `<startEvent id="s"/><callActivity id="call_${other}" calledElement="${other}"/><endEvent id="e"/>${flow('s', `call_${other}`, 'e')}`,
    );

  it('stops processes that call each other across deployments at the depth limit, with an SZ_CALL_DEPTH incident', async () => {
    const rt = new MemoryRuntime({ limits: { callDepth: 5 } });
    await rt.deployXml(callsBack('ping', 'pong'));
    await rt.deployXml(callsBack('pong', 'ping'));
    rt.start('ping');
    expect(rt.instances.size).toBe(6);
    expect(rt.incidents()).toEqual([
      expect.objectContaining({ code: 'SZ_CALL_DEPTH', message: expect.stringMatching(/6 deep, past the limit of 5/) }),
    ]);
  });

  it('lets a chain as deep as the limit run', async () => {
    const rt = new MemoryRuntime({ limits: { callDepth: 2 } });
    await rt.deployXml(
      processXml('top', `<startEvent id="s"/><callActivity id="c" calledElement="middle"/><endEvent id="e"/>${flow('s', 'c', 'e')}`),
    );
    await rt.deployXml(
      processXml('middle', `<startEvent id="s"/><callActivity id="c" calledElement="leaf"/><endEvent id="e"/>${flow('s', 'c', 'e')}`),
    );
    await rt.deployXml(processXml('leaf', `<startEvent id="s"/><endEvent id="e"/>${flow('s', 'e')}`));
    const id = rt.start('top');
    expect(rt.instances.get(id)!.state.status).toBe('completed');
  });
});

describe('deploy-time refusals', () => {
  it('refuses a process that calls itself, naming the call activity', async () => {
    const result = await compile(
      processXml(
        'again',
        `<startEvent id="s"/><callActivity id="recurse" calledElement="again"/><endEvent id="e"/>${flow('s', 'recurse', 'e')}`,
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({
        rule: 'call-cycle',
        elementId: 'recurse',
        message: expect.stringContaining('again (call activity recurse) -> again'),
      }),
    ]);
  });

  it('refuses processes of one model that call each other round, naming the whole cycle', async () => {
    const xml = definitions(
      `<bpmn:process id="a" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:callActivity id="toB" calledElement="b"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="toB"/></bpmn:process>
       <bpmn:process id="b" isExecutable="true"><bpmn:startEvent id="s2"/><bpmn:callActivity id="toA" calledElement="a"/><bpmn:sequenceFlow id="f2" sourceRef="s2" targetRef="toA"/></bpmn:process>`,
    );
    const result = await compile(xml);
    expect(!result.ok && result.problems.map((p) => [p.rule, p.message.split(': ')[1]])).toEqual([
      ['call-cycle', 'a (call activity toB) -> b (call activity toA) -> a'],
    ]);
  });

  it('refuses XML with a DOCTYPE: no BPMN needs one, and entities are a door to close', async () => {
    const xml = processXml('p', `<startEvent id="s"/>`).replace(
      '<bpmn:definitions',
      '<!DOCTYPE definitions [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<bpmn:definitions',
    );
    const result = await compile(xml);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ rule: 'xml-doctype' })]);
  });
});
