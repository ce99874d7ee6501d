import { describe, expect, it } from 'vitest';
import { flow, processXml, running, task } from './support.ts';

const countersign = (loop: string, extension = '') =>
  processXml(
    'p',
    `<startEvent id="s"/>
     <userTask id="sign" name="两委会签">
       <extensionElements><zeebe:assignmentDefinition assignee="=member"/>${extension}</extensionElements>
       ${loop}
     </userTask>
     <userTask id="after"/>${flow('s', 'sign', 'after')}`,
  );

const overMembers = (sequential: boolean, more = '') =>
  `<multiInstanceLoopCharacteristics isSequential="${sequential}"><extensionElements><zeebe:loopCharacteristics inputCollection="=members" inputElement="member" outputCollection="opinions" outputElement="=opinion"/></extensionElements>${more}</multiInstanceLoopCharacteristics>`;

const members = ['张书记', '李主任', '王委员'];

describe('multi-instance', () => {
  it('parallel: one task per item, each with its own assignee; outputs collected in item order', async () => {
    const { rt, vars, tasks } = await running(countersign(overMembers(false)), { members });
    expect(rt.tasks().map((t) => t.assignee)).toEqual(members);
    for (const who of ['王委员', '张书记', '李主任'])
      rt.completeTask(rt.tasks().find((t) => t.assignee === who)!, { opinion: `${who}:同意` });
    expect(tasks()).toEqual(['after']);
    expect(vars().opinions).toEqual(['张书记:同意', '李主任:同意', '王委员:同意']);
  });

  it('sequential: one after another in item order', async () => {
    const { rt } = await running(countersign(overMembers(true)), { members });
    const order: string[] = [];
    while (rt.tasks().some((t) => t.el === 'sign')) {
      const t = task(rt, 'sign');
      order.push(t.assignee!);
      rt.completeTask(t, { opinion: 'ok' });
    }
    expect(order).toEqual(members);
  });

  it('by cardinality, and an empty collection passes at once', async () => {
    const byCount = await running(
      countersign(`<multiInstanceLoopCharacteristics><loopCardinality>=rounds</loopCardinality></multiInstanceLoopCharacteristics>`),
      { rounds: 4 },
    );
    expect(byCount.tasks()).toEqual(['sign', 'sign', 'sign', 'sign']);
    const empty = await running(countersign(overMembers(false)), { members: [] });
    expect(empty.tasks()).toEqual(['after']);
  });

  it('stops early when the completion condition holds and ends the rest', async () => {
    const { rt, tasks } = await running(
      countersign(overMembers(false, '<completionCondition>numberOfCompletedInstances / numberOfInstances >= 0.6</completionCondition>')),
      { members: ['a', 'b', 'c', 'd', 'e'] },
    );
    rt.completeTask(task(rt, 'sign'));
    rt.completeTask(task(rt, 'sign'));
    expect(tasks().filter((t) => t === 'sign')).toHaveLength(3);
    rt.completeTask(task(rt, 'sign'));
    expect(tasks()).toEqual(['after']);
  });

  it('raises an incident when the collection is not a list', async () => {
    const { rt } = await running(countersign(overMembers(false)), { members: 'everyone' });
    expect(rt.incidents()).toEqual([expect.objectContaining({ el: 'sign', code: 'SZ_LOOP_INVALID' })]);
  });
});

describe('voting rules (村民代表会议: quorum 2/3, pass > 1/2)', () => {
  const voting = (veto = false) =>
    countersign(
      overMembers(false),
      `<sz:voting quorum="2/3" passRatio="1/2" veto="${veto}" voteVariable="vote" resultVariable="decision"/>`,
    );
  const reps = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
  const vote = (rt: Awaited<ReturnType<typeof running>>['rt'], who: string, v: string) =>
    rt.completeTask(rt.tasks().find((t) => t.assignee === who)!, { vote: v });

  it('passes as soon as approvals exceed half of all representatives', async () => {
    const { rt, vars, tasks } = await running(voting(), { members: reps });
    vote(rt, 'r1', '同意');
    vote(rt, 'r2', 'approve');
    vote(rt, 'r3', 'reject');
    expect(tasks().filter((t) => t === 'sign')).toHaveLength(3);
    vote(rt, 'r4', 'approve');
    expect(tasks().filter((t) => t === 'sign')).toHaveLength(2);
    vote(rt, 'r5', 'approve');
    expect(tasks()).toEqual(['after']);
    expect(vars().decision).toEqual({
      outcome: 'passed',
      eligible: 6,
      approve: 4,
      reject: 1,
      abstain: 0,
    });
  });

  it('is rejected once approvals can no longer reach a majority', async () => {
    const { rt, vars } = await running(voting(), { members: reps });
    for (const r of ['r1', 'r2', 'r3']) vote(rt, r, '不同意');
    expect(rt.tasks().filter((t) => t.el === 'sign')).toHaveLength(3);
    vote(rt, 'r4', '弃权');
    expect((vars().decision as { outcome: string }).outcome).toBe('rejected');
  });

  it('a veto rejects at once', async () => {
    const { rt, vars } = await running(voting(true), { members: reps });
    vote(rt, 'r1', 'reject');
    expect((vars().decision as { outcome: string }).outcome).toBe('rejected');
  });
});

describe('voting counts only what each voter submitted', () => {
  it('a voter who submits no vote is not counted with someone else’s vote, and votes stay out of the process variables', async () => {
    const xml = countersign(overMembers(false), `<sz:voting quorum="0" passRatio="1/2" voteVariable="vote" resultVariable="decision"/>`);
    const { rt, vars } = await running(xml, { members: ['a', 'b', 'c'] });
    rt.completeTask(rt.tasks().find((t) => t.assignee === 'a')!, { vote: 'approve' });
    rt.completeTask(rt.tasks().find((t) => t.assignee === 'b')!, {});
    rt.completeTask(rt.tasks().find((t) => t.assignee === 'c')!, { vote: 'reject' });
    expect(vars().decision).toMatchObject({ approve: 1, reject: 1 });
    expect(vars()).not.toHaveProperty('vote');
  });
});
