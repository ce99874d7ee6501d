import { describe, expect, it } from 'vitest';
import { flow, MINUTE, processXml, running, task, when } from './support.ts';

describe('exclusive gateway', () => {
  const xml = processXml(
    'matter',
    `<startEvent id="s"/>
     <exclusiveGateway id="route" default="toShort"/>
     <userTask id="full" name="四议两公开"/><userTask id="town" name="报镇备案"/><userTask id="short" name="两委决定"/>
     ${flow('s', 'route')}
     ${when('route', 'full', 'amount > 50000', 'toFull')}
     ${when('route', 'town', 'amount > 10000', 'toTown')}
     <sequenceFlow id="toShort" sourceRef="route" targetRef="short"/>`,
  );

  it('takes the first flow in document order whose condition holds', async () => {
    const { tasks } = await running(xml, { amount: 80000 });
    expect(tasks()).toEqual(['full']);
  });

  it('takes the default flow when no condition holds', async () => {
    const { tasks } = await running(xml, { amount: 100 });
    expect(tasks()).toEqual(['short']);
  });

  it('raises an incident naming the gateway when nothing holds and there is no default', async () => {
    const noDefault = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="gw"/><endEvent id="a"/><endEvent id="b"/>
       ${flow('s', 'gw')}${when('gw', 'a', 'x = 1')}${when('gw', 'b', 'x = 2')}`,
    );
    const { rt, inst } = await running(noDefault, { x: 3 });
    expect(rt.incidents()).toEqual([expect.objectContaining({ el: 'gw', code: 'SZ_NO_FLOW_SELECTED' })]);
    expect(inst().state.status).toBe('active');
  });

  it('goes on from the gateway once the incident is resolved after a fix of the data', async () => {
    const noDefault = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="gw"/><userTask id="a"/><endEvent id="b"/>
       ${flow('s', 'gw')}${when('gw', 'a', 'x = 1')}${when('gw', 'b', 'x = 2')}`,
    );
    const { rt, id, tasks } = await running(noDefault, { x: 3 });
    const incident = rt.incidents()[0]!;
    rt.send(id, { type: 'setVariables', variables: { x: 1 } });
    rt.send(id, { type: 'resolveIncident', incident: incident.id });
    expect(tasks()).toEqual(['a']);
    expect(rt.incidents()).toEqual([]);
  });
});

describe('parallel gateway', () => {
  it('forks to every branch and joins when all have arrived', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><parallelGateway id="fork"/><userTask id="a"/><userTask id="b"/><parallelGateway id="join"/><userTask id="after"/>
       ${flow('s', 'fork')}${flow('fork', 'a', 'join')}${flow('fork', 'b', 'join')}${flow('join', 'after')}`,
    );
    const { rt, tasks } = await running(xml);
    expect(tasks()).toEqual(['a', 'b']);
    rt.completeTask(task(rt, 'a'));
    expect(tasks()).toEqual(['b']);
    rt.completeTask(task(rt, 'b'));
    expect(tasks()).toEqual(['after']);
  });
});

describe('inclusive gateway', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/><inclusiveGateway id="split" default="none"/>
     <userTask id="fire"/><userTask id="hygiene"/><userTask id="nothing"/>
     <inclusiveGateway id="join"/><userTask id="report"/>
     ${flow('s', 'split')}
     ${when('split', 'fire', 'fireIssue', 'toFire')}${when('split', 'hygiene', 'hygieneIssue', 'toHygiene')}
     <sequenceFlow id="none" sourceRef="split" targetRef="nothing"/>
     ${flow('fire', 'join')}${flow('hygiene', 'join')}${flow('nothing', 'join')}${flow('join', 'report')}`,
  );

  it('takes every flow whose condition holds', async () => {
    const { tasks } = await running(xml, { fireIssue: true, hygieneIssue: true });
    expect(tasks()).toEqual(['fire', 'hygiene']);
  });

  it('joins without waiting for branches that were not taken', async () => {
    const { rt, tasks } = await running(xml, { fireIssue: true, hygieneIssue: false });
    expect(tasks()).toEqual(['fire']);
    rt.completeTask(task(rt, 'fire'));
    expect(tasks()).toEqual(['report']);
  });

  it('waits for a token that can still arrive', async () => {
    const { rt, tasks } = await running(xml, { fireIssue: true, hygieneIssue: true });
    rt.completeTask(task(rt, 'hygiene'));
    expect(tasks()).toEqual(['fire']);
    rt.completeTask(task(rt, 'fire'));
    expect(tasks()).toEqual(['report']);
  });

  it('takes the default flow only when no condition holds', async () => {
    const { tasks } = await running(xml, { fireIssue: false, hygieneIssue: false });
    expect(tasks()).toEqual(['nothing']);
  });
});

describe('event-based gateway', () => {
  const xml = processXml(
    'p',
    `<startEvent id="s"/><eventBasedGateway id="wait"/>
     <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
     <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>PT10M</timeDuration></timerEventDefinition></intermediateCatchEvent>
     <userTask id="answered"/><userTask id="escalate"/>
     ${flow('s', 'wait')}${flow('wait', 'reply', 'answered')}${flow('wait', 'timeout', 'escalate')}`,
    `<message id="m" name="landlordReply"/>`,
  );

  it('follows the message when it comes first and drops the timer', async () => {
    const { rt, tasks } = await running(xml);
    expect(rt.correlateMessage('landlordReply', undefined, { fixed: true })).toBe(true);
    expect(tasks()).toEqual(['answered']);
    expect(rt.pendingTimers()).toBe(0);
  });

  it('follows the timer when it fires first and drops the message', async () => {
    const { rt, inst, tasks } = await running(xml);
    rt.advance(10 * MINUTE);
    expect(tasks()).toEqual(['escalate']);
    expect(inst().state.subs).toBeUndefined();
  });
});

describe('loops through gateways', () => {
  it('returns to an earlier step until the condition lets it out (退回 and resubmit)', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="merge"/><userTask id="draft"/><userTask id="review"/>
       <exclusiveGateway id="ok" default="back"/><endEvent id="e"/>
       ${flow('s', 'merge', 'draft', 'review', 'ok')}
       ${when('ok', 'e', 'approved', 'done')}
       <sequenceFlow id="back" sourceRef="ok" targetRef="merge"/>`,
    );
    const { rt, inst, tasks } = await running(xml);
    for (let round = 0; round < 3; round++) {
      rt.completeTask(task(rt, 'draft'));
      rt.completeTask(task(rt, 'review'), { approved: false });
      expect(tasks()).toEqual(['draft']);
    }
    rt.completeTask(task(rt, 'draft'));
    rt.completeTask(task(rt, 'review'), { approved: true });
    expect(inst().state.status).toBe('completed');
  });
});
