import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHINA_CALENDAR,
  type Ctx,
  compile,
  type Effect,
  type InstanceState,
  type Model,
  openTasks,
  start,
  step,
  type WorkCalendar,
} from '../src/index.ts';
import { flow, model, processXml } from './support.ts';

const CHINA: WorkCalendar = { years: CHINA_CALENDAR };

/**
 * 3个工作日内办结 with a reminder and supervision (督办), as examples/due-in-working-days.bpmn models
 * it: the clerk's task is due in 3 working days (P3WD); a non-interrupting P2WD timer reminds when
 * the last working day begins; a non-interrupting P3WD timer offers supervision to the town's
 * admins (`role:town-admin@parent`) once the due date has passed. All three count from the moment
 * the task opens, so they keep in step.
 */
const WITH_SUPERVISION = readFileSync(join(import.meta.dirname, '../examples/due-in-working-days.bpmn'), 'utf8');

const at = (iso: string) => Date.parse(iso);
const ctxAt = (iso: string, calendar?: WorkCalendar): Ctx => {
  let n = 0;
  return { now: at(iso), newId: () => `id${++n}`, ...(calendar ? { calendar } : {}) };
};

type Of<T extends Effect['type']> = Extract<Effect, { type: T }>;
const effectsOf = <T extends Effect['type']>(effects: readonly Effect[], type: T) => effects.filter((e): e is Of<T> => e.type === type);

function received(m: Model, iso: string, calendar?: WorkCalendar) {
  const outcome = start(m, {}, ctxAt(iso, calendar));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome;
}

function fire(m: Model, state: InstanceState, timer: Of<'ScheduleTimer'>, calendar: WorkCalendar) {
  const outcome = step(m, state, { type: 'fireTimer', sub: timer.sub }, ctxAt(new Date(timer.dueAt).toISOString(), calendar));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome;
}

describe('due dates in working days', () => {
  it('a task received on Friday 25 September 2026 (中秋节) is due at the end of Wednesday 30 September, the third working day', async () => {
    const m = await model(WITH_SUPERVISION);
    const [task] = effectsOf(received(m, '2026-09-25T10:00+08:00', CHINA).effects, 'OpenUserTask');
    expect(task?.dueAt).toBe(at('2026-09-30T23:59:59.999+08:00'));
  });

  it('received on Wednesday 30 September 2026 it is due on Saturday 10 October, worked in exchange for 国庆; without a calendar, on Monday 5 October', async () => {
    const m = await model(WITH_SUPERVISION);
    const due = (calendar?: WorkCalendar) => effectsOf(received(m, '2026-09-30T16:00+08:00', calendar).effects, 'OpenUserTask')[0]?.dueAt;
    expect(due(CHINA)).toBe(at('2026-10-10T23:59:59.999+08:00'));
    expect(due()).toBe(at('2026-10-05T23:59:59.999+08:00'));
  });

  it('reminds when the last working day begins and offers supervision to the town once it has passed, the task staying open', async () => {
    const m = await model(WITH_SUPERVISION);
    const first = received(m, '2026-09-30T16:00+08:00', CHINA);
    const timers = effectsOf(first.effects, 'ScheduleTimer');
    expect(timers.map((t) => [t.el, new Date(t.dueAt).toISOString()])).toEqual([
      ['dueSoon', '2026-10-09T15:59:59.999Z'],
      ['overdue', '2026-10-10T15:59:59.999Z'],
    ]);
    const [dueSoon, overdue] = timers as [Of<'ScheduleTimer'>, Of<'ScheduleTimer'>];

    const reminded = fire(m, first.state, dueSoon, CHINA);
    expect(effectsOf(reminded.effects, 'RunJob').map((j) => j.jobType)).toEqual(['due-soon']);

    const supervised = fire(m, reminded.state, overdue, CHINA);
    expect(effectsOf(supervised.effects, 'OpenUserTask').map((t) => [t.el, t.candidateGroups])).toEqual([
      ['supervise', ['role:town-admin@parent']],
    ]);
    expect(openTasks(m, supervised.state).map((t) => [t.el, t.dueAt])).toEqual([
      ['handle', at('2026-10-10T23:59:59.999+08:00')],
      ['supervise', undefined],
    ]);
  });

  it('takes working days from FEEL as text, e.g. a limit the procedure was started with', async () => {
    const m = await model(
      processXml(
        'p',
        `<startEvent id="s"/><userTask id="t"><extensionElements><sz:schedule dueDate="=&quot;P&quot; + string(limit) + &quot;WD&quot;"/></extensionElements></userTask>${flow('s', 't')}`,
      ),
    );
    const outcome = start(m, { variables: { limit: 3 } }, ctxAt('2026-09-18T09:00+08:00', CHINA));
    expect(outcome.ok && effectsOf(outcome.effects, 'OpenUserTask')[0]?.dueAt).toBe(at('2026-09-22T23:59:59.999+08:00'));
  });

  it('raises an incident on the task when FEEL gives a due date that is none', async () => {
    const m = await model(
      processXml(
        'p',
        `<startEvent id="s"/><userTask id="t"><extensionElements><sz:schedule dueDate="=limit"/></extensionElements></userTask>${flow('s', 't')}`,
      ),
    );
    const outcome = start(m, { variables: { limit: '三个工作日' } }, ctxAt('2026-09-18T09:00+08:00', CHINA));
    expect(outcome.ok && Object.values(outcome.state.incidents ?? {}).map((i) => [i.code, i.message])).toEqual([
      [
        'SZ_EXPRESSION_FAILED',
        "due date of user task t: '三个工作日' is neither an ISO date-time (2026-10-09T17:30), a duration (P3D) nor working days (P3WD)",
      ],
    ]);
  });

  it('refuses at compile a written due date or timer that is no date, duration or working days, naming the element', async () => {
    const result = await compile(
      processXml(
        'p',
        `<startEvent id="s"/>
         <userTask id="t"><extensionElements><sz:schedule dueDate="3个工作日" followUpDate="P1WDT4H"/></extensionElements></userTask>
         <boundaryEvent id="b" attachedToRef="t"><timerEventDefinition><timeDuration>P3WDT1H</timeDuration></timerEventDefinition></boundaryEvent>
         <endEvent id="e"/>${flow('s', 't', 'e')}${flow('b', 'e')}`,
      ),
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.rule, p.elementId, p.message])).toEqual([
      [
        'due-date-invalid',
        't',
        "due date of t: '3个工作日' is neither an ISO date-time (2026-10-09T17:30), a duration (P3D) nor working days (P3WD)",
      ],
      ['due-date-invalid', 't', "follow-up date of t: 'P1WDT4H' is not a number of working days: write them alone, as PnWD (e.g. P3WD)"],
      [
        'timer-invalid',
        'b',
        "timer b: timer duration 'P3WDT1H': 'P3WDT1H' is not a number of working days: write them alone, as PnWD (e.g. P3WD)",
      ],
    ]);
  });
});
