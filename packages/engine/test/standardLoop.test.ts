import { describe, expect, it } from 'vitest';
import { compile, replay } from '../src/index.ts';
import { flow, HOUR, MINUTE, processXml, running, task } from './support.ts';

/** 补充材料: the clerk sends the applicant back for more papers for as long as something is missing. */
const SUPPLEMENT = processXml(
  'supplement',
  `<startEvent id="s"/>
   <userTask id="collect" name="补充材料"><standardLoopCharacteristics><loopCondition xsi:type="tFormalExpression">=missing</loopCondition></standardLoopCharacteristics></userTask>
   <userTask id="accept" name="受理"/>
   ${flow('s', 'collect', 'accept')}`,
);

describe('standard loops (standardLoopCharacteristics)', () => {
  it('runs the activity again while its condition holds after each round, counting rounds in loopCounter', async () => {
    const { rt, tasks, inst } = await running(SUPPLEMENT);
    const counters: unknown[] = [];
    const round = (missing: boolean) => {
      const t = task(rt, 'collect');
      counters.push(inst().state.els[t.key]?.vars?.loopCounter);
      rt.completeTask(t, { missing });
    };
    round(true);
    round(true);
    round(false);
    expect(counters).toEqual([1, 2, 3]);
    expect(tasks()).toEqual(['accept']);
  });

  it('with testBefore asks the condition first, so the activity may not run at all', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <userTask id="visit"><standardLoopCharacteristics testBefore="true"><loopCondition xsi:type="tFormalExpression">=loopCounter &lt; visits</loopCondition></standardLoopCharacteristics></userTask>
       <userTask id="report"/>
       ${flow('s', 'visit', 'report')}`,
    );
    expect((await running(xml, { visits: 0 })).tasks()).toEqual(['report']);
    const { rt, tasks } = await running(xml, { visits: 2 });
    rt.completeTask(task(rt, 'visit'));
    rt.completeTask(task(rt, 'visit'));
    expect(tasks()).toEqual(['report']);
  });

  it('stops at loopMaximum even while the condition still holds', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <scriptTask id="remind"><extensionElements><zeebe:script expression="=loopCounter * 10" resultVariable="sent"/></extensionElements>
         <standardLoopCharacteristics loopMaximum="3"><loopCondition xsi:type="tFormalExpression">=true</loopCondition></standardLoopCharacteristics></scriptTask>
       <userTask id="after"/>
       ${flow('s', 'remind', 'after')}`,
    );
    const { tasks, vars, inst } = await running(xml);
    expect(tasks()).toEqual(['after']);
    expect(vars().sent).toBe(30);
    expect(inst().events.filter((e) => e.type === 'ElementActivated' && e.el.e === 'remind')).toHaveLength(4);
  });

  it('a boundary timer on the looping activity spans every round, not each one', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <userTask id="collect"><standardLoopCharacteristics><loopCondition xsi:type="tFormalExpression">=missing</loopCondition></standardLoopCharacteristics></userTask>
       <boundaryEvent id="late" attachedToRef="collect"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
       <userTask id="accept"/><userTask id="escalate"/>
       ${flow('s', 'collect', 'accept')}${flow('late', 'escalate')}`,
    );
    const { rt, tasks } = await running(xml);
    rt.advance(40 * MINUTE);
    rt.completeTask(task(rt, 'collect'), { missing: true });
    rt.advance(30 * MINUTE);
    expect(tasks()).toEqual(['escalate']);
    expect(rt.pendingTimers()).toBe(0);
    rt.advance(HOUR);
    expect(tasks()).toEqual(['escalate']);
  });

  it('hands a round’s variables on, and replays to the same state', async () => {
    const { rt, inst, vars } = await running(SUPPLEMENT);
    rt.completeTask(task(rt, 'collect'), { missing: true, papers: ['户口本'] });
    rt.completeTask(task(rt, 'collect'), { missing: false, papers: ['户口本', '租赁合同'] });
    expect(vars()).toMatchObject({ missing: false, papers: ['户口本', '租赁合同'] });
    expect(vars()).not.toHaveProperty('loopCounter');
    expect(replay(inst().events)).toEqual(inst().state);
  });

  it('a loop that never waits is stopped by the activation budget', async () => {
    const xml = processXml(
      'p',
      `<startEvent id="s"/>
       <task id="spin"><standardLoopCharacteristics><loopCondition xsi:type="tFormalExpression">=true</loopCondition></standardLoopCharacteristics></task>
       ${flow('s', 'spin')}`,
    );
    const { rt } = await running(xml);
    expect(rt.incidents()).toEqual([expect.objectContaining({ code: 'SZ_LOOP_LIMIT', message: expect.stringContaining('spin') })]);
  });

  it('refuses a loop that cannot end or is not FEEL, naming the activity', async () => {
    const bad = async (characteristics: string) => {
      const result = await compile(processXml('p', `<startEvent id="s"/><task id="t">${characteristics}</task>${flow('s', 't')}`));
      return result.ok ? [] : result.problems.map((p) => [p.rule, p.elementId]);
    };
    expect(await bad('<standardLoopCharacteristics/>')).toEqual([['loop-invalid', 't']]);
    expect(await bad('<standardLoopCharacteristics loopMaximum="0"/>')).toEqual([['loop-invalid', 't']]);
    expect(
      await bad(
        '<standardLoopCharacteristics><loopCondition xsi:type="tFormalExpression">#{count &lt; 3}</loopCondition></standardLoopCharacteristics>',
      ),
    ).toEqual([['juel-expression', 't']]);
  });
});
