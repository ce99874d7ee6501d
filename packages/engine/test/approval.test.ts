import { describe, expect, it } from 'vitest';
import { compile, replay } from '../src/index.ts';
import type { MemoryRuntime } from '../src/testing/index.ts';
import { flow, processXml, running } from './support.ts';

/** A step decided by several people, then a gateway that reads the outcome. */
const approvalOf = (attributes: string) =>
  processXml(
    'p',
    `<startEvent id="s"/>
     <userTask id="decide" name="两委商议"><extensionElements><sz:approval ${attributes}/></extensionElements></userTask>
     <exclusiveGateway id="gw" default="no"/><userTask id="carryOut"/><userTask id="revise"/>
     ${flow('s', 'decide', 'gw')}
     <sequenceFlow id="yes" sourceRef="gw" targetRef="carryOut"><conditionExpression xsi:type="tFormalExpression">=approval.outcome = "passed"</conditionExpression></sequenceFlow>
     <sequenceFlow id="no" sourceRef="gw" targetRef="revise"/>`,
  );

const open = (rt: MemoryRuntime, el = 'decide') => rt.tasks().filter((t) => t.el === el);
const byAssignee = (rt: MemoryRuntime, who: string) => {
  const t = open(rt).find((x) => x.assignee === who);
  if (!t)
    throw new Error(
      `no open task for ${who}: ${open(rt)
        .map((x) => x.assignee)
        .join(', ')}`,
    );
  return t;
};
const decide = (rt: MemoryRuntime, who: string, decision: string) => rt.completeTask(byAssignee(rt, who), { decision });

describe('sz:approval: the approval modes of a Chinese approver', () => {
  it('会签 (all): everyone gets a task; it passes when all approve', async () => {
    const { rt, tasks, vars } = await running(approvalOf('mode="all" members="=committee"'), { committee: ['张', '李', '王'] });
    expect(
      open(rt)
        .map((t) => t.assignee)
        .sort(),
    ).toEqual(['张', '李', '王'].sort());
    decide(rt, '张', '同意');
    decide(rt, '李', 'approve');
    expect(open(rt).map((t) => t.assignee)).toEqual(['王']);
    decide(rt, '王', '同意');
    expect(tasks()).toEqual(['carryOut']);
    expect(vars().approval).toEqual({ outcome: 'passed', eligible: 3, approve: 3, reject: 0, abstain: 0 });
  });

  it('会签 (all): one rejection rejects at once, and the others’ tasks are withdrawn', async () => {
    const { rt, tasks, vars } = await running(approvalOf('mode="all" members="张, 李, 王"'));
    decide(rt, '李', '不同意');
    expect(tasks()).toEqual(['revise']);
    expect(vars().approval).toMatchObject({ outcome: 'rejected', reject: 1 });
  });

  it('或签 (any): the first decision wins and the others’ tasks are withdrawn', async () => {
    const { rt, tasks, vars, id } = await running(approvalOf('mode="any" members="张, 李, 王"'));
    const outcome = rt.trySend(id, { type: 'completeUserTask', key: byAssignee(rt, '王').key, variables: { decision: '同意' } });
    const closed = outcome.ok ? outcome.effects.filter((e) => e.type === 'CloseUserTask').map((e) => e.reason) : [];
    expect(closed.sort()).toEqual(['completed', 'decided', 'decided']);
    expect(tasks()).toEqual(['carryOut']);
    expect(vars().approval).toMatchObject({ outcome: 'passed', approve: 1 });
  });

  it('依次 (sequential): one after another in the order listed; a rejection stops it', async () => {
    const { rt, tasks, vars } = await running(approvalOf('mode="sequential" members="村主任, 书记, 镇领导"'));
    expect(open(rt).map((t) => t.assignee)).toEqual(['村主任']);
    decide(rt, '村主任', '同意');
    expect(open(rt).map((t) => t.assignee)).toEqual(['书记']);
    decide(rt, '书记', '不同意');
    expect(tasks()).toEqual(['revise']);
    expect(vars().approval).toMatchObject({ outcome: 'rejected', eligible: 3, approve: 1, reject: 1 });
  });

  it('表决 (vote): fails for want of a quorum of two thirds', async () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { rt, tasks, vars } = await running(approvalOf('mode="vote" members="=members" quorum="2/3" passRatio="1/2"'), { members });
    decide(rt, 'a', '同意');
    decide(rt, 'b', '同意');
    decide(rt, 'c', '弃权');
    for (const t of open(rt)) rt.completeTask(t, {});
    expect(tasks()).toEqual(['revise']);
    expect(vars().approval).toMatchObject({ outcome: 'noQuorum', approve: 2, abstain: 1 });
  });

  it('表决 (vote): passes by more than half of the votes cast, as soon as the rest cannot change it', async () => {
    const members = ['a', 'b', 'c', 'd', 'e'];
    const { rt, tasks, vars } = await running(approvalOf('mode="vote" members="=members" quorum="2/3" passRatio="1/2"'), { members });
    decide(rt, 'a', '同意');
    decide(rt, 'b', '不同意');
    decide(rt, 'c', '同意');
    expect(tasks()).toEqual(['decide', 'decide']);
    decide(rt, 'd', '同意');
    expect(tasks()).toEqual(['carryOut']);
    expect(vars().approval).toMatchObject({ outcome: 'passed', approve: 3, reject: 1 });
  });

  it('over a role: the host names its holders when the step begins, each of whom gets a task', async () => {
    const { rt, id, inst, tasks, vars } = await running(approvalOf('mode="all" members="role:approver"'));
    const asked = inst().events.some((e) => e.type === 'ElementActivated' && e.el.e === 'decide' && e.el.mi !== undefined);
    expect(asked).toBe(true);
    expect(tasks()).toEqual([]);
    const body = Object.values(inst().state.els).find((ei) => ei.e === 'decide' && ei.mi)!;
    rt.send(id, { type: 'membersResolved', key: body.k, members: ['书记', '主任'] });
    expect(
      open(rt)
        .map((t) => t.assignee)
        .sort(),
    ).toEqual(['主任', '书记']);
    decide(rt, '书记', '同意');
    decide(rt, '主任', '同意');
    expect(tasks()).toEqual(['carryOut']);
    expect(vars().approval).toMatchObject({ outcome: 'passed', eligible: 2 });
  });

  it('over a role nobody holds: an incident to resolve once someone does, which asks again', async () => {
    const { rt, id, inst } = await running(approvalOf('mode="any" members="role:approver@parent"'));
    const body = Object.values(inst().state.els).find((ei) => ei.e === 'decide' && ei.mi)!;
    rt.send(id, { type: 'membersResolved', key: body.k, members: [] });
    const [incident] = rt.incidents();
    expect(incident).toMatchObject({ code: 'SZ_LOOP_INVALID', message: expect.stringContaining('nobody holds role:approver@parent') });
    const outcome = rt.trySend(id, { type: 'resolveIncident', incident: incident!.id });
    expect(outcome.ok && outcome.effects).toContainEqual(expect.objectContaining({ type: 'ResolveMembers', role: 'role:approver@parent' }));
    rt.send(id, { type: 'membersResolved', key: body.k, members: ['镇领导'] });
    expect(open(rt).map((t) => t.assignee)).toEqual(['镇领导']);
  });

  it('表决 with a veto by name (一票否决): the secretary’s rejection decides at once, another member’s does not', async () => {
    const xml = approvalOf('mode="vote" members="书记, 主任, 委员" quorum="0" passRatio="1/3" veto="书记"');
    const other = await running(xml);
    decide(other.rt, '主任', '不同意');
    expect(other.tasks()).toEqual(['decide', 'decide']);
    const secretary = await running(xml);
    decide(secretary.rt, '主任', '同意');
    decide(secretary.rt, '书记', '不同意');
    expect(secretary.tasks()).toEqual(['revise']);
    expect(secretary.vars().approval).toMatchObject({ outcome: 'rejected', approve: 1, reject: 1 });
    expect(replay(secretary.inst().events)).toEqual(secretary.inst().state);
  });

  it('is refused when it cannot run, naming the step', async () => {
    const problems = async (attributes: string, extra = '') => {
      const xml = processXml(
        'p',
        `<startEvent id="s"/><userTask id="t"><extensionElements><sz:approval ${attributes}/></extensionElements>${extra}</userTask>${flow('s', 't')}`,
      );
      const result = await compile(xml);
      return result.ok ? [] : result.problems.map((p) => [p.rule, p.elementId]);
    };
    expect(await problems('mode="most" members="a"')).toEqual([['approval-invalid', 't']]);
    expect(await problems('mode="all"')).toEqual([['approval-invalid', 't']]);
    expect(await problems('mode="vote" members="a" quorum="3/2"')).toEqual([['voting-invalid', 't']]);
    expect(await problems('mode="all" members="a"', '<multiInstanceLoopCharacteristics/>')).toEqual([['approval-invalid', 't']]);
  });
});
