import { describe, expect, it } from 'vitest';
import { replay } from '../src/index.ts';
import { DAY, flow, processXml, running, task } from './support.ts';

type Run = Awaited<ReturnType<typeof running>>;

const holder = (assignee: string) => `<extensionElements><sz:assignment assignee="${assignee}"/></extensionElements>`;

/** 审核 (held by the clerk) → 审批 → end. */
const CHAIN = processXml(
  'matter',
  `<startEvent id="s"/><userTask id="review">${holder('clerk')}</userTask><userTask id="approve"/><endEvent id="e"/>
   ${flow('s', 'review', 'approve', 'e')}`,
);

const add = (run: Run, signers: string[], mode: 'parallel' | 'after') =>
  run.rt.send(run.id, { type: 'addSigners', key: task(run.rt, 'review').key, signers, mode });

/** The open task at a step held by one person. */
const taskOf = (run: Run, assignee: string) => {
  const found = run.rt.tasks().find((t) => t.assignee === assignee);
  if (!found) throw new Error(`${assignee} holds no open task`);
  return found;
};

const holders = (run: Run) =>
  run.rt
    .tasks()
    .map((t) => `${t.el}:${t.assignee ?? ''}`)
    .sort();

describe('并加签: signers beside the holder', () => {
  it.each([
    ['the holder first', ['clerk', 'wang', 'li']],
    ['the signers first', ['wang', 'li', 'clerk']],
    ['the holder between', ['li', 'clerk', 'wang']],
  ])('the step waits for the holder and every signer, %s; the holder’s and the signers’ variables go on', async (_, order) => {
    const run = await running(CHAIN);
    add(run, ['wang', 'li'], 'parallel');
    expect(holders(run)).toEqual(['review:clerk', 'review:li', 'review:wang']);
    for (const [i, who] of order.entries()) {
      expect(run.tasks()).not.toContain('approve');
      run.rt.completeTask(taskOf(run, who), { [`opinion_${who}`]: '同意' });
      expect(holders(run).filter((h) => h.startsWith('review')).length).toBe(order.length - i - 1);
    }
    expect(run.tasks()).toEqual(['approve']);
    expect(run.vars()).toMatchObject({ opinion_clerk: '同意', opinion_wang: '同意', opinion_li: '同意' });
    expect(replay(run.inst().events)).toEqual(run.inst().state);
  });
});

describe('后加签: signers after the holder, in turn', () => {
  it('each signer gets the task once the one before has completed, then the flow goes on', async () => {
    const run = await running(CHAIN);
    add(run, ['wang', 'li'], 'after');
    expect(holders(run)).toEqual(['review:clerk']);
    run.rt.completeTask(taskOf(run, 'clerk'), { result: 'clerk' });
    expect(holders(run)).toEqual(['review:wang']);
    expect(replay(run.inst().events)).toEqual(run.inst().state);
    run.rt.completeTask(taskOf(run, 'wang'));
    expect(holders(run)).toEqual(['review:li']);
    run.rt.completeTask(taskOf(run, 'li'), { signed: true });
    expect(run.tasks()).toEqual(['approve']);
    expect(run.vars()).toMatchObject({ result: 'clerk', signed: true });
    expect(replay(run.inst().events)).toEqual(run.inst().state);
  });

  it('after-signers come once the parallel ones are done too', async () => {
    const run = await running(CHAIN);
    add(run, ['li'], 'after');
    add(run, ['wang'], 'parallel');
    run.rt.completeTask(taskOf(run, 'clerk'));
    expect(holders(run)).toEqual(['review:wang']);
    run.rt.completeTask(taskOf(run, 'wang'));
    expect(holders(run)).toEqual(['review:li']);
    run.rt.completeTask(taskOf(run, 'li'));
    expect(run.tasks()).toEqual(['approve']);
  });
});

describe('加签 and the step ending otherwise', () => {
  const overdue = processXml(
    'matter',
    `<startEvent id="s"/><userTask id="review">${holder('clerk')}</userTask><endEvent id="e"/><userTask id="escalated"/>
     <boundaryEvent id="late" attachedToRef="review"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>
     ${flow('s', 'review', 'e')}${flow('late', 'escalated')}`,
  );

  it('an interrupting timer on the step closes the signers’ tasks with the holder’s, even after the holder completed', async () => {
    for (const holderFirst of [false, true]) {
      const run = await running(overdue);
      add(run, ['wang', 'li'], 'parallel');
      if (holderFirst) run.rt.completeTask(taskOf(run, 'clerk'));
      run.rt.advance(3 * DAY);
      expect(holders(run)).toEqual(['escalated:']);
      expect(Object.values(run.inst().state.els).filter((ei) => ei.e === 'review')).toEqual([]);
      expect(replay(run.inst().events)).toEqual(run.inst().state);
    }
  });
});

describe('加签 refused', () => {
  const refused = (run: Run, key: string, signers: unknown, mode = 'parallel') =>
    run.rt.trySend(run.id, { type: 'addSigners', key, signers: signers as string[], mode: mode as 'parallel' });

  it('names what is wrong: no signers, one twice, one who holds or signs it already, a signer’s own task', async () => {
    const run = await running(CHAIN);
    const key = task(run.rt, 'review').key;
    const code = (signers: unknown, at = key, mode?: string) => {
      const out = refused(run, at, signers, mode);
      return out.ok ? 'accepted' : `${out.error.code}: ${out.error.message}`;
    };
    expect(code([])).toMatch(/^SZ_SIGNERS_INVALID: signers: name at least one/);
    expect(code(['wang', 'wang'])).toMatch(/^SZ_SIGNERS_INVALID: signers: 'wang' is named twice/);
    expect(code(['clerk'])).toMatch(/^SZ_SIGNERS_INVALID: signers: 'clerk' already holds or signs/);
    expect(code(['wang'], key, 'before')).toMatch(/^SZ_SIGNERS_INVALID: mode must be/);
    add(run, ['wang'], 'parallel');
    expect(code(['wang'])).toMatch(/'wang' already holds or signs/);
    expect(code(['li'], taskOf(run, 'wang').key)).toMatch(/signs for task/);
  });

  it('a task that is not open, or whose holder has completed it and waits for signers, is not found', async () => {
    const run = await running(CHAIN);
    const key = task(run.rt, 'review').key;
    expect(refused(run, '999', ['wang'])).toMatchObject({ ok: false, error: { code: 'SZ_TASK_NOT_FOUND' } });
    add(run, ['wang'], 'parallel');
    run.rt.completeTask(taskOf(run, 'clerk'));
    expect(refused(run, key, ['li'])).toMatchObject({ ok: false, error: { code: 'SZ_TASK_NOT_FOUND' } });
    expect(run.rt.trySend(run.id, { type: 'completeUserTask', key })).toMatchObject({ ok: false, error: { code: 'SZ_TASK_NOT_FOUND' } });
  });
});
