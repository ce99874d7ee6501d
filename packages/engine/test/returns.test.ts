import { describe, expect, it } from 'vitest';
import { replay } from '../src/index.ts';
import { RuntimeError } from '../src/testing/index.ts';
import { flow, processXml, running, task } from './support.ts';

const send = (rt: Awaited<ReturnType<typeof running>>['rt'], id: string, key: string, to: string, extra: object = {}) =>
  rt.send(id, { type: 'returnTask', key, to, ...extra });

describe('退回: a task goes back to an earlier step', () => {
  const chain = processXml(
    'matter',
    `<startEvent id="s"/><userTask id="propose"/><userTask id="review"/><userTask id="approve"/><endEvent id="e"/>
     ${flow('s', 'propose', 'review', 'approve', 'e')}`,
  );

  it('to any earlier step: it runs again from there, keeping the form data, and the audit trail says who sent it back and why', async () => {
    const { rt, id, tasks, vars, inst } = await running(chain);
    rt.completeTask(task(rt, 'propose'), { plan: '硬化村道' });
    rt.completeTask(task(rt, 'review'));
    send(rt, id, task(rt, 'approve').key, 'propose', { reason: '预算不清' });
    expect(tasks()).toEqual(['propose']);
    expect(vars()).toMatchObject({ plan: '硬化村道' });
    expect(inst().events).toContainEqual({ type: 'TaskReturned', key: expect.any(String), to: 'propose', reason: '预算不清' });
    rt.completeTask(task(rt, 'propose'));
    expect(tasks()).toEqual(['review']);
    expect(replay(inst().events)).toEqual(inst().state);
  });

  it('gives the step back to whoever the host names (its last assignee)', async () => {
    const { rt, id } = await running(chain);
    rt.completeTask(task(rt, 'propose'));
    send(rt, id, task(rt, 'review').key, 'propose', { assignee: 'u-shuji' });
    expect(task(rt, 'propose').assignee).toBe('u-shuji');
  });

  it('refuses a step that does not lead to the task, naming it', async () => {
    const { rt, id } = await running(chain);
    rt.completeTask(task(rt, 'propose'));
    expect(() => send(rt, id, task(rt, 'review').key, 'approve')).toThrow(RuntimeError);
    expect(() => send(rt, id, task(rt, 'review').key, 'approve')).toThrow(/SZ_RETURN_INVALID: approve does not lead to review/);
    expect(() => send(rt, id, task(rt, 'review').key, 'e')).toThrow(/'e' is not a user step/);
  });
});

describe('退回 across a parallel split', () => {
  const split = processXml(
    'p',
    `<startEvent id="s"/><userTask id="prepare"/><parallelGateway id="fork"/>
     <userTask id="finance"/><userTask id="legal1"/><userTask id="legal2"/>
     <parallelGateway id="join"/><userTask id="sign"/>
     ${flow('s', 'prepare', 'fork')}${flow('fork', 'finance', 'join')}${flow('fork', 'legal1', 'legal2', 'join')}${flow('join', 'sign')}`,
  );

  it('to a step before the split: every branch it leads to is withdrawn, tokens waiting at the join too, and the split runs once again', async () => {
    const { rt, id, tasks } = await running(split);
    rt.completeTask(task(rt, 'prepare'));
    rt.completeTask(task(rt, 'finance'));
    expect(tasks()).toEqual(['legal1']);
    send(rt, id, task(rt, 'legal1').key, 'prepare');
    expect(tasks()).toEqual(['prepare']);
    rt.completeTask(task(rt, 'prepare'));
    expect(tasks()).toEqual(['finance', 'legal1']);
    rt.completeTask(task(rt, 'legal1'));
    rt.completeTask(task(rt, 'legal2'));
    expect(tasks()).toEqual(['finance']);
    rt.completeTask(task(rt, 'finance'));
    expect(tasks()).toEqual(['sign']);
  });

  it('to a step of its own branch: the other branch carries on and its token at the join stays', async () => {
    const { rt, id, tasks } = await running(split);
    rt.completeTask(task(rt, 'prepare'));
    rt.completeTask(task(rt, 'finance'));
    rt.completeTask(task(rt, 'legal1'));
    send(rt, id, task(rt, 'legal2').key, 'legal1');
    expect(tasks()).toEqual(['legal1']);
    rt.completeTask(task(rt, 'legal1'));
    rt.completeTask(task(rt, 'legal2'));
    expect(tasks()).toEqual(['sign']);
  });

  it('not to a step of another branch, which does not lead to this one', async () => {
    const { rt, id } = await running(split);
    rt.completeTask(task(rt, 'prepare'));
    rt.completeTask(task(rt, 'finance'));
    expect(() => send(rt, id, task(rt, 'legal1').key, 'finance')).toThrow(/finance does not lead to legal1/);
  });
});

describe('退回 out of a countersign or a sub-process', () => {
  it('a committee member sends the proposal back: the whole countersign is withdrawn', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><userTask id="propose"/>
       <userTask id="deliberate"><multiInstanceLoopCharacteristics><extensionElements>
         <zeebe:loopCharacteristics inputCollection="=committee" inputElement="member"/></extensionElements></multiInstanceLoopCharacteristics></userTask>
       <endEvent id="e"/>${flow('s', 'propose', 'deliberate', 'e')}`,
    );
    const { rt, id, tasks, inst } = await running(xml, { committee: ['a', 'b', 'c'] });
    rt.completeTask(task(rt, 'propose'));
    rt.completeTask(rt.tasks().find((t) => t.el === 'deliberate')!);
    send(rt, id, task(rt, 'deliberate').key, 'propose');
    expect(tasks()).toEqual(['propose']);
    expect(Object.values(inst().state.els).filter((ei) => ei.e === 'deliberate')).toEqual([]);
  });

  it('a step inside a sub-process sends the work back to a step before it: the sub-process goes', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/><userTask id="apply"/>
       <subProcess id="check"><startEvent id="cs"/><userTask id="visit"/><userTask id="report"/>${flow('cs', 'visit', 'report')}</subProcess>
       <endEvent id="e"/>${flow('s', 'apply', 'check', 'e')}`,
    );
    const { rt, id, tasks } = await running(xml);
    rt.completeTask(task(rt, 'apply'));
    rt.completeTask(task(rt, 'visit'));
    send(rt, id, task(rt, 'report').key, 'apply');
    expect(tasks()).toEqual(['apply']);
    rt.completeTask(task(rt, 'apply'));
    rt.completeTask(task(rt, 'visit'));
    send(rt, id, task(rt, 'report').key, 'visit');
    expect(tasks()).toEqual(['visit']);
    rt.completeTask(task(rt, 'visit'));
    rt.completeTask(task(rt, 'report'));
    expect(tasks()).toEqual([]);
  });
});
